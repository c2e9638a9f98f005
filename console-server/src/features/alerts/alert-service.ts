import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { CATEGORY_LABELS, type Alert, type Category, type StoredEvent } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { schoolTimeZone } from '../../db/school-time-zone';
import { alerts, staff } from '../../db/schema';
import { escapeHtml, type Mailer } from './mailer';

/** At most one alert per pupil per topic in this window; the rest are counted into it. */
const ALERT_WINDOW_MS = 10 * 60 * 1000;

function alertTopic(event: StoredEvent): string {
  if (event.category) return event.category;
  const flags = event.details.flags as Category[] | undefined;
  return flags?.[0] ?? event.kind;
}

function topicLabel(topic: string): string {
  if (topic === 'concern') return 'A pupil asked for help';
  if (topic === 'tamper') return 'Possible circumvention';
  return CATEGORY_LABELS[topic as Category] ?? topic;
}

type Row = typeof alerts.$inferSelect;
const toAlert = (r: Row): Alert => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  lastAt: r.lastAt.toISOString(),
});

export function createAlertService(deps: { db: Database; mailer: Mailer; consoleUrl: string }) {
  const { db } = deps;

  async function emailDsls(alert: Alert, event: StoredEvent) {
    if (!deps.mailer.configured) return;
    const dsls = await db
      .select({ email: staff.email })
      .from(staff)
      .where(and(eq(staff.schoolId, alert.schoolId), eq(staff.role, 'dsl')));
    const what = topicLabel(alert.topic);
    const where = alert.className ? ` (${alert.className})` : '';
    const when = new Date(event.occurredAt).toLocaleString('en-GB', {
      timeZone: await schoolTimeZone(db, alert.schoolId),
    });
    // No addresses or search words in e-mail: the details stay in the console, behind sign-in.
    const text = `${what}: ${alert.pupilLabel}${where} on ${event.deviceName} at ${when}.\nOpen Waymark to see the event and raise an incident: ${deps.consoleUrl}`;
    await deps.mailer.send({
      to: dsls.map((d) => d.email),
      subject: `Waymark alert: ${what} – ${alert.pupilLabel}`,
      text,
      html: `<p><strong>${escapeHtml(what)}</strong>: ${escapeHtml(alert.pupilLabel)}${escapeHtml(where)} on ${escapeHtml(event.deviceName)} at ${escapeHtml(when)}.</p><p><a href="${escapeHtml(deps.consoleUrl)}">Open Waymark</a> to see the event and raise an incident.</p>`,
    });
  }

  return {
    /**
     * Considers a stored event for an alert. Returns the alert and whether it is new (and so was
     * sent); a repeat within the window only raises the count.
     */
    async consider(event: StoredEvent, now = new Date()): Promise<{ alert: Alert; created: boolean } | null> {
      if (event.severity !== 'high') return null;
      const pupilKey = event.user ?? `device:${event.deviceId}`;
      const topic = alertTopic(event);
      const result = await db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`${event.schoolId}|${pupilKey}|${topic}`}))`,
        );
        const [open] = await tx
          .select()
          .from(alerts)
          .where(
            and(
              eq(alerts.schoolId, event.schoolId),
              eq(alerts.pupilKey, pupilKey),
              eq(alerts.topic, topic),
              gt(alerts.createdAt, new Date(now.getTime() - ALERT_WINDOW_MS)),
            ),
          )
          .orderBy(desc(alerts.createdAt))
          .limit(1);
        if (open) {
          const [row] = await tx
            .update(alerts)
            .set({ count: open.count + 1, lastAt: now, lastEventId: event.id })
            .where(eq(alerts.id, open.id))
            .returning();
          return { alert: toAlert(row!), created: false };
        }
        const [row] = await tx
          .insert(alerts)
          .values({
            id: uuidv7(),
            schoolId: event.schoolId,
            pupilKey,
            pupilLabel: event.pupilName ?? event.user ?? `Pupil using ${event.deviceName}`,
            classId: event.classId,
            className: event.className,
            topic,
            count: 1,
            firstEventId: event.id,
            lastEventId: event.id,
            createdAt: now,
            lastAt: now,
          })
          .returning();
        return { alert: toAlert(row!), created: true };
      });
      if (result.created)
        await emailDsls(result.alert, event).catch((e) => console.error('waymark: alert e-mail failed', e));
      return result;
    },

    async recent(schoolId: string, limit = 100): Promise<Alert[]> {
      const rows = await db
        .select()
        .from(alerts)
        .where(eq(alerts.schoolId, schoolId))
        .orderBy(desc(alerts.createdAt))
        .limit(limit);
      return rows.map(toAlert);
    },
  };
}
export type AlertService = ReturnType<typeof createAlertService>;
