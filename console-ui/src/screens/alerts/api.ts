import {
  alertsContract,
  policiesContract,
  type AlertSettings,
  type WebhookSettingsBody,
} from '@waymark/shared';
import { call } from '../../lib/call';

/** Every query of this screen starts with this key: a change on the socket refreshes them all. */
export const ALERTS_KEY = ['alerts'] as const;

export const alertsApi = {
  list: (status: 'open' | 'all') => call(alertsContract.list, { query: { status } }).then((r) => r.alerts),
  detail: (id: string) => call(alertsContract.detail, { params: { id } }),
  acknowledge: (id: string) => call(alertsContract.acknowledge, { params: { id } }),
  settings: () => call(alertsContract.settings).then((r) => r.settings),
  saveSettings: (body: AlertSettings) => call(alertsContract.saveSettings, { body }).then((r) => r.settings),
  webhook: () => call(alertsContract.webhook).then((r) => r.webhook),
  saveWebhook: (body: WebhookSettingsBody) =>
    call(alertsContract.saveWebhook, { body }).then((r) => r.webhook),
  markFalsePositive: (eventId: string) => call(policiesContract.markFalsePositive, { body: { eventId } }),
  deliveries: () => call(alertsContract.deliveries).then((r) => r.deliveries),
};
