import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { UNCATEGORISED, type ReportCount, type ReportSeries, type ReportSummary } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { events, incidents } from '../../db/schema';
import type { ReportPeriod } from './report-period';

const count = sql<number>`count(*)::int`;

/** The host of an event's address (lower case), as the top-sites tables list it. */
export const hostOf = sql<string>`lower(substring(${events.url} from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/:?#]+)'))`;

/** Illegal-category addresses are never listed in reports, not even as a host. */
export const notIllegal = sql`coalesce(${events.category}, '') not like 'illegal-%'`;

/** A search flagged by the school's keyword lists. */
export const flaggedSearch = sql`${events.kind} = 'search' and jsonb_array_length(coalesce(${events.details}->'flags', '[]'::jsonb)) > 0`;

export function eventsIn(schoolId: string, period: Pick<ReportPeriod, 'from' | 'to'>): SQL {
  return and(
    eq(events.schoolId, schoolId),
    gte(events.occurredAt, period.from),
    lt(events.occurredAt, period.to),
  )!;
}

/** Folds (bucket, key, count) rows into one series per key, aligned with the period's buckets, largest first. */
function toSeries(
  buckets: string[],
  rows: Array<{ bucket: string; key: string; label: string | null; count: number }>,
): ReportSeries[] {
  const index = new Map(buckets.map((b, i) => [b, i]));
  const byKey = new Map<string, ReportSeries>();
  for (const row of rows) {
    let series = byKey.get(row.key);
    if (!series) {
      series = { key: row.key, label: row.label, counts: buckets.map(() => 0), total: 0 };
      byKey.set(row.key, series);
    }
    const i = index.get(row.bucket);
    if (i === undefined) continue;
    series.counts[i]! += row.count;
    series.total += row.count;
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** Every aggregate of the reports screen for one period. Counts only: no pupil is named here. */
export async function summaryReport(
  db: Database,
  schoolId: string,
  period: ReportPeriod,
  options: { pupilNames: boolean },
): Promise<ReportSummary> {
  const inPeriod = eventsIn(schoolId, period);
  const blocked = and(inPeriod, eq(events.kind, 'blocked'));
  const unit = sql.raw(`'${period.granularity}'`);
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${events.occurredAt} at time zone ${period.timeZone}), 'YYYY-MM-DD')`;

  const over = (key: SQL<string>, label: SQL<string | null>) =>
    db
      .select({ bucket, key, label, count })
      .from(events)
      .where(blocked)
      .groupBy(sql`1`, sql`2`);
  const [byCategory, byKeyStage, byClass] = await Promise.all([
    over(sql<string>`coalesce(${events.category}, ${UNCATEGORISED})`, sql<null>`null`),
    over(sql<string>`${events.profile}`, sql<null>`null`),
    over(sql<string>`coalesce(${events.classId}, '')`, sql<string | null>`max(${events.className})`),
  ]);

  const topBlockedSites = await db
    .select({
      host: hostOf,
      count,
      category: sql<string | null>`mode() within group (order by ${events.category})`,
    })
    .from(events)
    .where(and(blocked, notIllegal, sql`${hostOf} is not null`))
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1`)
    .limit(20);

  const flaggedSearchesByCategory: ReportCount[] = await db
    .select({ key: sql<string>`jsonb_array_elements_text(${events.details}->'flags')`, count })
    .from(events)
    .where(and(inPeriod, sql`${flaggedSearch}`))
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1`);

  const [totals] = await db
    .select({
      blocked: sql<number>`count(*) filter (where ${events.kind} = 'blocked')::int`,
      flaggedSearches: sql<number>`count(*) filter (where ${flaggedSearch})::int`,
      concerns: sql<number>`count(*) filter (where ${events.kind} = 'concern')::int`,
      unblockRequests: sql<number>`count(*) filter (where ${events.kind} = 'unblock-request')::int`,
      tamper: sql<number>`count(*) filter (where ${events.kind} = 'tamper')::int`,
    })
    .from(events)
    .where(inPeriod);

  const raised = and(
    eq(incidents.schoolId, schoolId),
    gte(incidents.createdAt, period.from),
    lt(incidents.createdAt, period.to),
  );
  const incidentCounts = (key: SQL<string>, where: SQL | undefined = raised) =>
    db
      .select({ key, count })
      .from(incidents)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`2 desc`, sql`1`);
  const [incidentsByCategory, byAction, byStatus] = await Promise.all([
    incidentCounts(sql<string>`${incidents.category}`),
    incidentCounts(sql<string>`jsonb_array_elements_text(${incidents.actions})`),
    incidentCounts(sql<string>`${incidents.status}`),
  ]);
  // Outcomes are free text the DSL writes about a pupil: they may name one, so only the DSL sees them.
  const byOutcome = options.pupilNames
    ? await incidentCounts(
        sql<string>`btrim(${incidents.outcome})`,
        and(raised, sql`coalesce(btrim(${incidents.outcome}), '') <> ''`),
      ).limit(50)
    : null;

  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    fromDate: period.fromDate,
    toDate: period.toDate,
    timeZone: period.timeZone,
    granularity: period.granularity,
    buckets: period.buckets,
    totals: { ...totals!, incidents: byStatus.reduce((n, r) => n + r.count, 0) },
    blockedOverTime: {
      byCategory: toSeries(period.buckets, byCategory),
      byKeyStage: toSeries(period.buckets, byKeyStage),
      byClass: toSeries(period.buckets, byClass),
    },
    topBlockedSites,
    flaggedSearchesByCategory,
    incidents: { byCategory: incidentsByCategory, byAction, byStatus, byOutcome },
    pupilNames: options.pupilNames,
  };
}
