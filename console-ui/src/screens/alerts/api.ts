import {
  policiesContract,
  type Alert,
  type AlertDetail,
  type AlertSettings,
  type WebhookDelivery,
  type WebhookSettings,
  type WebhookSettingsBody,
} from '@waymark/shared';
import { api } from '../../lib/api';
import { call } from '../../lib/call';

/** Every query of this screen starts with this key: a change on the socket refreshes them all. */
export const ALERTS_KEY = ['alerts'] as const;

export const alertsApi = {
  list: (status: 'open' | 'all') =>
    api<{ alerts: Alert[] }>(`/api/alerts?status=${status}`).then((r) => r.alerts),
  detail: (id: string) => api<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}`),
  acknowledge: (id: string) =>
    api<{ alert: Alert; acknowledged: boolean }>(`/api/alerts/${encodeURIComponent(id)}/acknowledge`, {
      method: 'POST',
    }),
  settings: () => api<{ settings: AlertSettings }>('/api/alerts/settings').then((r) => r.settings),
  saveSettings: (body: AlertSettings) =>
    api<{ settings: AlertSettings }>('/api/alerts/settings', {
      method: 'PUT',
      body: JSON.stringify(body),
    }).then((r) => r.settings),
  webhook: () => api<{ webhook: WebhookSettings }>('/api/alerts/webhook').then((r) => r.webhook),
  saveWebhook: (body: WebhookSettingsBody) =>
    api<{ webhook: WebhookSettings }>('/api/alerts/webhook', {
      method: 'PUT',
      body: JSON.stringify(body),
    }).then((r) => r.webhook),
  markFalsePositive: (eventId: string) => call(policiesContract.markFalsePositive, { body: { eventId } }),
  deliveries: () =>
    api<{ deliveries: WebhookDelivery[] }>('/api/alerts/webhook/deliveries').then((r) => r.deliveries),
};
