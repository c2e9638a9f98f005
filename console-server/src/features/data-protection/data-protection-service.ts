import { and, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { Staff } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import type { IncidentService } from '../incidents';
import {
  alerts,
  lessonTimeline,
  liveActions,
  dataProtectionLog,
  events,
  incidentEvents,
  incidentHistory,
  incidents,
  schools,
  unblockRequests,
} from '../../db/schema';

const DAY = 86_400_000;

/** Events that are evidence in an incident are kept while the incident is: they are part of its record. */
const evidenceIds = (db: Database) => db.select({ id: incidentEvents.eventId }).from(incidentEvents);

export function createDataProtectionService({
  db,
  incidentService,
}: {
  db: Database;
  incidentService: IncidentService;
}) {
  async function removeEvents(ids: string[]) {
    if (ids.length === 0) return;
    await db.delete(unblockRequests).where(inArray(unblockRequests.eventId, ids));
    await db.delete(events).where(inArray(events.id, ids));
  }

  return {
    /** The retention job: purges each school's events, and its closed incidents, past their retention periods; logs it. */
    async purgeExpired(
      now = new Date(),
    ): Promise<Array<{ schoolId: string; events: number; alerts: number; incidents: number }>> {
      const results = [];
      for (const school of await db.select().from(schools)) {
        const cutoff = new Date(now.getTime() - school.eventRetentionDays * DAY);
        const expired = await db
          .select({ id: events.id })
          .from(events)
          .where(
            and(
              eq(events.schoolId, school.id),
              lt(events.occurredAt, cutoff),
              notInArray(events.id, evidenceIds(db)),
            ),
          );
        await removeEvents(expired.map((e) => e.id));
        const purgedAlerts = await db
          .delete(alerts)
          .where(and(eq(alerts.schoolId, school.id), lt(alerts.lastAt, cutoff)))
          .returning({ id: alerts.id });
        // Teachers' live-class actions and pupils' replies are kept as long as events, no longer.
        const purgedActions = await db
          .delete(liveActions)
          .where(and(eq(liveActions.schoolId, school.id), lt(liveActions.createdAt, cutoff)))
          .returning({ id: liveActions.id });
        // Pupils' lesson timelines (the sites they were on) too.
        const purgedVisits = await db
          .delete(lessonTimeline)
          .where(and(eq(lessonTimeline.schoolId, school.id), lt(lessonTimeline.startedAt, cutoff)))
          .returning({ id: lessonTimeline.id });
        await db.insert(dataProtectionLog).values({
          schoolId: school.id,
          kind: 'retention-purge',
          actorId: null,
          count: expired.length,
          detail: {
            retentionDays: school.eventRetentionDays,
            olderThan: cutoff.toISOString(),
            alerts: purgedAlerts.length,
            liveActions: purgedActions.length,
            timelineVisits: purgedVisits.length,
          },
        });
        const incidentCutoff = new Date(now.getTime() - school.incidentRetentionDays * DAY);
        const purgedIncidents = await incidentService.purgeClosed(
          school.id,
          incidentCutoff,
          school.incidentRetentionDays,
          now,
        );
        if (purgedIncidents.incidents > 0) {
          await db.insert(dataProtectionLog).values({
            schoolId: school.id,
            kind: 'incident-retention-purge',
            actorId: null,
            count: purgedIncidents.incidents,
            detail: {
              retentionDays: school.incidentRetentionDays,
              olderThan: incidentCutoff.toISOString(),
              references: purgedIncidents.references,
            },
          });
        }
        results.push({
          schoolId: school.id,
          events: expired.length,
          alerts: purgedAlerts.length,
          incidents: purgedIncidents.incidents,
        });
      }
      return results;
    },

    /** Everything held about one pupil: events and incidents naming them, as JSON and as CSV. */
    async subjectAccessExport(who: Staff, email: string) {
      const subject = email.toLowerCase();
      const pupilEvents = await db
        .select()
        .from(events)
        .where(and(eq(events.schoolId, who.schoolId), eq(events.user, subject)))
        .orderBy(events.occurredAt);
      const pupilIncidents = await db
        .select()
        .from(incidents)
        .where(and(eq(incidents.schoolId, who.schoolId), eq(incidents.pupilEmail, subject)));
      const history = pupilIncidents.length
        ? await db
            .select({
              incidentId: incidentHistory.incidentId,
              at: incidentHistory.at,
              actorName: incidentHistory.actorName,
              change: incidentHistory.change,
            })
            .from(incidentHistory)
            .where(
              inArray(
                incidentHistory.incidentId,
                pupilIncidents.map((i) => i.id),
              ),
            )
            .orderBy(incidentHistory.id)
        : [];
      await db.insert(dataProtectionLog).values({
        schoolId: who.schoolId,
        kind: 'subject-access-export',
        actorId: who.id,
        subject,
        count: pupilEvents.length + pupilIncidents.length,
        detail: { events: pupilEvents.length, incidents: pupilIncidents.length },
      });
      const csv = stringify(
        pupilEvents.map((e) => ({
          occurred_at: e.occurredAt.toISOString(),
          kind: e.kind,
          url: e.url ?? '',
          category: e.category ?? '',
          rule: e.rule ?? '',
          device: e.deviceName,
          class: e.className ?? '',
          ip: e.ip ?? '',
          details: JSON.stringify(e.details),
        })),
        {
          header: true,
          columns: ['occurred_at', 'kind', 'url', 'category', 'rule', 'device', 'class', 'ip', 'details'],
        },
      );
      return {
        json: {
          subject,
          exportedAt: new Date().toISOString(),
          exportedBy: who.name,
          events: pupilEvents,
          incidents: pupilIncidents.map((i) => ({
            ...i,
            history: history.filter((h) => h.incidentId === i.id),
          })),
        },
        csv,
      };
    },

    /**
     * Erasure where the law allows: the pupil's monitoring events go; safeguarding records
     * (incidents and their evidence) are kept, as safeguarding law requires, and the answer says so.
     */
    async erase(who: Staff, email: string, reason: string) {
      const subject = email.toLowerCase();
      const erasable = await db
        .select({ id: events.id })
        .from(events)
        .where(
          and(
            eq(events.schoolId, who.schoolId),
            eq(events.user, subject),
            notInArray(events.id, evidenceIds(db)),
          ),
        );
      await removeEvents(erasable.map((e) => e.id));
      const [{ kept }] = (await db
        .select({ kept: sql<number>`count(*)::int` })
        .from(incidents)
        .where(and(eq(incidents.schoolId, who.schoolId), eq(incidents.pupilEmail, subject)))) as [
        { kept: number },
      ];
      await db.insert(dataProtectionLog).values({
        schoolId: who.schoolId,
        kind: 'erasure',
        actorId: who.id,
        subject,
        count: erasable.length,
        detail: { reason, incidentsKept: kept },
      });
      return {
        erasedEvents: erasable.length,
        keptIncidents: kept,
        note: kept
          ? 'Incidents naming the pupil, and the events that are their evidence, are safeguarding records and are kept for their own retention period.'
          : null,
      };
    },

    async log(schoolId: string) {
      return db
        .select()
        .from(dataProtectionLog)
        .where(eq(dataProtectionLog.schoolId, schoolId))
        .orderBy(sql`${dataProtectionLog.id} desc`)
        .limit(500);
    },
  };
}
export type DataProtectionService = ReturnType<typeof createDataProtectionService>;
