import type { Alert, AlertRecipient } from '@waymark/shared';
import type { alerts } from '../../db/schema';

type AlertRow = typeof alerts.$inferSelect;

/** A stored alert as the console and the webhook see it. */
export const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  schoolId: r.schoolId,
  pupilKey: r.pupilKey,
  pupilLabel: r.pupilLabel,
  classId: r.classId,
  className: r.className,
  topic: r.topic,
  count: r.count,
  firstEventId: r.firstEventId,
  lastEventId: r.lastEventId,
  createdAt: r.createdAt.toISOString(),
  lastAt: r.lastAt.toISOString(),
  severity: r.severity,
  escalatedTo: r.escalatedTo as AlertRecipient,
  escalateAt: r.escalateAt?.toISOString() ?? null,
  escalations: r.escalations.map((e) => ({ to: e.to as AlertRecipient, at: e.at })),
  acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  acknowledgedByName: r.acknowledgedByName,
});
