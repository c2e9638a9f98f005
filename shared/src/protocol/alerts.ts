import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { AlertSchema, StoredEventSchema } from './events';

/** The school's escalation rule (`GET`/`PUT /api/alerts/settings`, the DSL). */
export const AlertSettingsSchema = z.object({
  /** Unacknowledged this long, an alert goes to the deputy DSL, and as long again to the senior leader. */
  escalationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** False: the minutes count in school hours only (a Friday-evening alert waits for Monday morning); true: at any hour. */
  escalationAnyTime: z.boolean(),
});
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

/** `GET /api/alerts?status=open|all` */
export const AlertListQuerySchema = z.object({
  status: z.enum(['open', 'all']).default('all'),
});

/** One alert with the events it counted and the pupil's recent timeline (`GET /api/alerts/:id`). */
export const AlertDetailSchema = z.object({
  alert: AlertSchema,
  /** The events counted into the alert, newest first. */
  events: z.array(StoredEventSchema),
  /** The pupil's (or, with nobody signed in, the device's) events of the last day, newest first. */
  timeline: z.array(StoredEventSchema),
  /** Ids of the events above the DSL has marked as false positives. */
  falsePositives: z.array(safeText()),
});
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

/** A school's webhook (`PUT /api/alerts/webhook`, the DSL): an address, or null to stop sending. */
export const WebhookSettingsBodySchema = z.object({
  url: safeText().trim().max(2000).nullable(),
  /** A fresh signing secret (the old one stops working). */
  newSecret: z.boolean().optional(),
});
export type WebhookSettingsBody = z.infer<typeof WebhookSettingsBodySchema>;

export const WebhookSettingsSchema = z.object({
  url: safeText().nullable(),
  /** Given once, when it is made: the receiver checks signatures with it. */
  secret: safeText().optional(),
  hasSecret: z.boolean(),
});
export type WebhookSettings = z.infer<typeof WebhookSettingsSchema>;

export const WebhookDeliverySchema = z.object({
  id: safeText(),
  alertId: safeText(),
  what: z.enum(['raised', 'escalated', 'acknowledged']),
  url: safeText(),
  attempts: z.number().int(),
  status: z.enum(['pending', 'delivered', 'failed']),
  lastStatusCode: z.number().int().nullable(),
  lastError: safeText().nullable(),
  nextAt: safeText().nullable(),
  deliveredAt: safeText().nullable(),
  createdAt: safeText(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
