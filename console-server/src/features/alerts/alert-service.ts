import { and, asc, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  can,
  type Alert,
  type AlertDetail,
  type AlertRecipient,
  type AlertSettings,
  type Category,
  type Staff,
  type StoredEvent,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { alertEvents, alerts, schools } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import { redactFor, type EventService } from '../events';
import { alertMail } from './alert-mail';
import { nextRecipient, recipientsOf, type Recipient } from './alert-recipients';
import { toAlert } from './alert-row';
import { escalationDeadline } from './escalation-deadline';
import type { Mailer } from './mailer';

/** At most one alert per pupil per topic in this window; the rest are counted into it. */
const ALERT_WINDOW_MS = 10 * 60 * 1000;
/** The pupil's timeline beside an alert: this long before it. */
const TIMELINE_MS = 24 * 60 * 60 * 1000;

export type AlertChange = 'raised' | 'escalated' | 'acknowledged';

function alertTopic(event: StoredEvent): string {
  if (event.category) return event.category;
  const flags = event.details.flags as Category[] | undefined;
  return flags?.[0] ?? event.kind;
}

export function createAlertService(deps: {
  db: Database;
  mailer: Mailer;
  consoleUrl: string;
  eventService: Pick<EventService, 'byIds' | 'forPupil'>;
  /** How long one of the school's escalation minutes lasts (a minute; end-to-end tests shorten it). */
  minuteMs?: number;
  /** Which of these events the DSL has marked as false positives (shown beside them). */
  markedFalse?: (schoolId: string, eventIds: readonly string[]) => Promise<string[]>;
  /** Told of every alert raised, escalated or acknowledged (after the commit): the school's webhook. */
  onChange?: (alert: Alert, change: AlertChange) => Promise<void>;
}) {
  const { db } = deps;

  async function school(schoolId: string) {
    const [row] = await db
      .select({
        timeZone: schools.timeZone,
        dayStart: schools.dayStart,
        dayEnd: schools.dayEnd,
        minutes: schools.alertEscalationMinutes,
        anyTime: schools.alertEscalationAnyTime,
      })
      .from(schools)
      .where(eq(schools.id, schoolId));
    if (!row) throw new DomainError('not-found', 'no such school');
    return row;
  }

  const deadline = async (schoolId: string, from: Date) =>
    escalationDeadline(from, await school(schoolId), deps.minuteMs);

  async function email(alert: Alert, people: Recipient[], device: string, escalated: boolean) {
    if (!deps.mailer.configured || people.length === 0) return;
    const { timeZone } = await school(alert.schoolId);
    const when = new Date(escalated ? alert.createdAt : alert.lastAt).toLocaleString('en-GB', { timeZone });
    await deps.mailer.send(
      alertMail(
        alert,
        people.map((p) => p.email),
        { consoleUrl: deps.consoleUrl, when, device, escalated },
      ),
    );
  }

  function changed(alert: Alert, change: AlertChange) {
    deps.onChange?.(alert, change).catch((e) => console.error(`waymark: alert ${change} hook failed`, e));
  }

  /** The alert as this person may see it: the DSLs every one, the senior leader those escalated to them. */
  async function visible(who: Staff, id: string) {
    const [row] = await db
      .select()
      .from(alerts)
      .where(and(eq(alerts.id, id), eq(alerts.schoolId, who.schoolId)));
    if (!row || (who.role !== 'dsl' && row.escalatedTo !== 'senior-leader'))
      throw new DomainError('not-found', 'no such alert');
    return row;
  }

  return {
    /**
     * Considers a stored event for an alert, once per event: an event sent again (after a crash
     * between its commit and its alert, say) finds itself in `alert_events` and raises nothing
     * more. Returns the alert and whether it is new (and so was sent); a repeat for the same pupil
     * and topic within the window only raises the count. The window holds across processes: the
     * pupil and topic are locked for the transaction.
     */
    async consider(event: StoredEvent, now = new Date()): Promise<{ alert: Alert; created: boolean } | null> {
      if (event.severity !== 'high') return null;
      const pupilKey = event.user ?? `device:${event.deviceId}`;
      const topic = alertTopic(event);
      const escalateAt = await deadline(event.schoolId, now);
      const result = await db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`${event.schoolId}|${pupilKey}|${topic}`}))`,
        );
        const [seen] = await tx
          .select({ alertId: alertEvents.alertId })
          .from(alertEvents)
          .where(eq(alertEvents.eventId, event.id));
        if (seen) return null;
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
        let row;
        if (open) {
          [row] = await tx
            .update(alerts)
            .set({ count: sql`${alerts.count} + 1`, lastAt: now, lastEventId: event.id })
            .where(eq(alerts.id, open.id))
            .returning();
        } else {
          [row] = await tx
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
              severity: event.severity,
              escalatedTo: 'dsl',
              escalateAt,
            })
            .returning();
        }
        await tx
          .insert(alertEvents)
          .values({ eventId: event.id, schoolId: event.schoolId, alertId: row!.id });
        return { alert: toAlert(row!), created: !open };
      });
      if (result?.created) {
        const people = await recipientsOf(db, event.schoolId, 'dsl');
        await email(result.alert, people, event.deviceName, false).catch((e) =>
          console.error('waymark: alert e-mail failed', e),
        );
        changed(result.alert, 'raised');
      }
      return result;
    },

    /** The school's alerts, newest first: every one for the DSL, those escalated to them for the senior leader. */
    async list(who: Staff, status: 'open' | 'all' = 'all', limit = 200): Promise<Alert[]> {
      if (!can(who.role, 'acknowledge-alerts')) return [];
      const rows = await db
        .select()
        .from(alerts)
        .where(
          and(
            eq(alerts.schoolId, who.schoolId),
            status === 'open' ? isNull(alerts.acknowledgedAt) : undefined,
            who.role === 'dsl' ? undefined : eq(alerts.escalatedTo, 'senior-leader'),
          ),
        )
        .orderBy(desc(alerts.createdAt))
        .limit(limit);
      return rows.map(toAlert);
    },

    /** The school's latest alerts (the reports' alerts list). */
    async recent(schoolId: string, limit = 100): Promise<Alert[]> {
      const rows = await db
        .select()
        .from(alerts)
        .where(eq(alerts.schoolId, schoolId))
        .orderBy(desc(alerts.createdAt))
        .limit(limit);
      return rows.map(toAlert);
    },

    /** One alert with the events it counted and the pupil's timeline of the day before it. */
    async detail(who: Staff, id: string): Promise<AlertDetail> {
      const row = await visible(who, id);
      const ids = (
        await db
          .select({ eventId: alertEvents.eventId })
          .from(alertEvents)
          .where(eq(alertEvents.alertId, id))
          .orderBy(asc(alertEvents.createdAt))
      ).map((r) => r.eventId);
      const counted = await deps.eventService.byIds(who.schoolId, ids.length ? ids : [row.firstEventId]);
      const timeline = await deps.eventService.forPupil(
        who.schoolId,
        row.pupilKey,
        new Date(row.createdAt.getTime() - TIMELINE_MS),
      );
      const shown = [...new Set([...counted, ...timeline].map((e) => e.id))];
      return {
        alert: toAlert(row),
        events: counted.map((e) => redactFor(who.role, e)),
        timeline: timeline.map((e) => redactFor(who.role, e)),
        falsePositives: (await deps.markedFalse?.(who.schoolId, shown)) ?? [],
      };
    },

    /**
     * Records who acknowledged the alert and when; it escalates no further. Acknowledging an
     * alert someone else already acknowledged changes nothing and answers with theirs.
     */
    async acknowledge(
      who: Staff,
      id: string,
      now = new Date(),
    ): Promise<{ alert: Alert; acknowledged: boolean }> {
      await visible(who, id);
      const [row] = await db
        .update(alerts)
        .set({ acknowledgedAt: now, acknowledgedBy: who.id, acknowledgedByName: who.name, escalateAt: null })
        .where(and(eq(alerts.id, id), isNull(alerts.acknowledgedAt)))
        .returning();
      if (!row) return { alert: toAlert(await visible(who, id)), acknowledged: false };
      const alert = toAlert(row);
      changed(alert, 'acknowledged');
      return { alert, acknowledged: true };
    },

    async settings(schoolId: string): Promise<AlertSettings> {
      const { minutes, anyTime } = await school(schoolId);
      return { escalationMinutes: minutes, escalationAnyTime: anyTime };
    },

    async saveSettings(schoolId: string, body: AlertSettings): Promise<AlertSettings> {
      await db
        .update(schools)
        .set({
          alertEscalationMinutes: body.escalationMinutes,
          alertEscalationAnyTime: body.escalationAnyTime,
        })
        .where(eq(schools.id, schoolId));
      return body;
    },

    /**
     * Escalates every alert nobody acknowledged in time: the DSL's go to the deputy DSLs, the
     * deputies' to the senior leaders (a step with nobody in it is skipped), by e-mail and on
     * their consoles. Each escalation is one conditional update, so an alert acknowledged
     * meanwhile, or escalated by another process, is left alone. Returns the escalated alerts and
     * who they went to.
     */
    async escalateDue(now = new Date()): Promise<Array<{ alert: Alert; people: Recipient[] }>> {
      const due = await db
        .select()
        .from(alerts)
        .where(and(isNull(alerts.acknowledgedAt), lte(alerts.escalateAt, now)))
        .orderBy(asc(alerts.escalateAt))
        .limit(500);
      const escalated: Array<{ alert: Alert; people: Recipient[] }> = [];
      for (const row of due) {
        const from = row.escalatedTo as AlertRecipient;
        const next = await nextRecipient(db, row.schoolId, from);
        const escalateAt = next && next.to !== 'senior-leader' ? await deadline(row.schoolId, now) : null;
        const [updated] = await db
          .update(alerts)
          .set(
            next
              ? {
                  escalatedTo: next.to,
                  escalateAt,
                  escalations: [...row.escalations, { to: next.to, at: now.toISOString() }],
                }
              : { escalateAt: null },
          )
          .where(and(eq(alerts.id, row.id), eq(alerts.escalatedTo, from), isNull(alerts.acknowledgedAt)))
          .returning();
        if (!updated || !next) continue;
        const alert = toAlert(updated);
        const [first] = await deps.eventService.byIds(row.schoolId, [row.firstEventId]);
        await email(alert, next.people, first?.deviceName ?? 'a school device', true).catch((e) =>
          console.error('waymark: escalation e-mail failed', e),
        );
        changed(alert, 'escalated');
        escalated.push({ alert, people: next.people });
      }
      return escalated;
    },
  };
}
export type AlertService = ReturnType<typeof createAlertService>;
