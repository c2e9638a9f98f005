import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { AlertSchema } from '../protocol/events';
import {
  AlertDetailSchema,
  AlertListQuerySchema,
  AlertSettingsSchema,
  WebhookDeliverySchema,
  WebhookSettingsBodySchema,
  WebhookSettingsSchema,
} from '../protocol/alerts';

const SettingsAnswer = z.object({ settings: AlertSettingsSchema });
const WebhookAnswer = z.object({ webhook: WebhookSettingsSchema });

/** Alerts that need acknowledging, the escalation rule and the school's webhook: `/api/alerts`. */
export const alertsContract = {
  list: endpoint({
    method: 'GET',
    path: '/api/alerts',
    query: AlertListQuerySchema,
    response: z.object({ alerts: z.array(AlertSchema) }),
  }),
  settings: endpoint({ method: 'GET', path: '/api/alerts/settings', response: SettingsAnswer }),
  saveSettings: endpoint({
    method: 'PUT',
    path: '/api/alerts/settings',
    body: AlertSettingsSchema,
    response: SettingsAnswer,
  }),
  webhook: endpoint({ method: 'GET', path: '/api/alerts/webhook', response: WebhookAnswer }),
  saveWebhook: endpoint({
    method: 'PUT',
    path: '/api/alerts/webhook',
    body: WebhookSettingsBodySchema,
    response: WebhookAnswer,
  }),
  deliveries: endpoint({
    method: 'GET',
    path: '/api/alerts/webhook/deliveries',
    response: z.object({ deliveries: z.array(WebhookDeliverySchema) }),
  }),
  detail: endpoint({ method: 'GET', path: '/api/alerts/:id', response: AlertDetailSchema }),
  acknowledge: endpoint({
    method: 'POST',
    path: '/api/alerts/:id/acknowledge',
    response: z.object({ alert: AlertSchema, acknowledged: z.boolean() }),
  }),
};
