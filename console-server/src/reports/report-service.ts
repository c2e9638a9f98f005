import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { alerts, events, incidents } from '../db/schema';

export interface Digest {
  from: string;
  to: string;
  blockedByCategory: Array<{ category: string; count: number }>;
  topBlockedSites: Array<{ host: string; count: number }>;
  flaggedSearchesByCategory: Array<{ category: string; count: number }>;
  concerns: number;
  tamper: number;
  alerts: number;
  incidentsOpened: number;
  incidentsClosed: number;
}

/** Aggregates for the DSL and governors: counts, never pupil names. */
export function createReportService({ db }: { db: Database }) {
  return {
    /** Pupils by blocked attempts, flagged searches and requests for help: for the DSL only (names). */
    async byPupil(schoolId: string, from: Date, to: Date) {
      const inPeriod = and(
        eq(events.schoolId, schoolId),
        gte(events.occurredAt, from),
        lt(events.occurredAt, to),
      );
      return db
        .select({
          pupil: sql<string>`coalesce(${events.pupilName}, ${events.user}, 'Not signed in: ' || ${events.deviceName})`,
          className: events.className,
          blocked: sql<number>`count(*) filter (where ${events.kind} = 'blocked')::int`,
          flaggedSearches: sql<number>`count(*) filter (where ${events.kind} = 'search' and jsonb_array_length(${events.details}->'flags') > 0)::int`,
          concerns: sql<number>`count(*) filter (where ${events.kind} = 'concern')::int`,
        })
        .from(events)
        .where(and(inPeriod, sql`${events.kind} in ('blocked', 'search', 'concern')`))
        .groupBy(sql`1`, events.className)
        .orderBy(sql`3 desc`, sql`4 desc`)
        .limit(200);
    },

    async digest(schoolId: string, from: Date, to: Date): Promise<Digest> {
      const inPeriod = and(
        eq(events.schoolId, schoolId),
        gte(events.occurredAt, from),
        lt(events.occurredAt, to),
      );
      const count = sql<number>`count(*)::int`;
      const blockedByCategory = await db
        .select({ category: sql<string>`coalesce(${events.category}, 'uncategorised')`, count })
        .from(events)
        .where(and(inPeriod, eq(events.kind, 'blocked')))
        .groupBy(sql`1`)
        .orderBy(sql`2 desc`);
      // Illegal-category addresses are never listed, not even as a host.
      const topBlockedSites = await db
        .select({ host: sql<string>`substring(${events.url} from '^[a-z]+://([^/:?#]+)')`, count })
        .from(events)
        .where(
          and(
            inPeriod,
            eq(events.kind, 'blocked'),
            sql`coalesce(${events.category}, '') not like 'illegal-%'`,
          ),
        )
        .groupBy(sql`1`)
        .orderBy(sql`2 desc`)
        .limit(10);
      const flaggedSearchesByCategory = await db
        .select({ category: sql<string>`jsonb_array_elements_text(${events.details}->'flags')`, count })
        .from(events)
        .where(and(inPeriod, eq(events.kind, 'search')))
        .groupBy(sql`1`)
        .orderBy(sql`2 desc`);
      const kindCount = async (kind: string) =>
        (
          await db
            .select({ count })
            .from(events)
            .where(and(inPeriod, eq(events.kind, kind)))
        )[0]!.count;
      const [alertCount] = await db
        .select({ count })
        .from(alerts)
        .where(and(eq(alerts.schoolId, schoolId), gte(alerts.createdAt, from), lt(alerts.createdAt, to)));
      const [opened] = await db
        .select({ count })
        .from(incidents)
        .where(
          and(eq(incidents.schoolId, schoolId), gte(incidents.createdAt, from), lt(incidents.createdAt, to)),
        );
      const [closed] = await db
        .select({ count })
        .from(incidents)
        .where(
          and(
            eq(incidents.schoolId, schoolId),
            eq(incidents.status, 'closed'),
            gte(incidents.createdAt, from),
            lt(incidents.createdAt, to),
          ),
        );
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        blockedByCategory,
        topBlockedSites,
        flaggedSearchesByCategory,
        concerns: await kindCount('concern'),
        tamper: await kindCount('tamper'),
        alerts: alertCount!.count,
        incidentsOpened: opened!.count,
        incidentsClosed: closed!.count,
      };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
