import { and, eq, gte, lt, sql } from 'drizzle-orm';
import {
  can,
  reportLabel,
  type CalendarEntry,
  type EventKind,
  type PupilFilter,
  type SchoolTerm,
  type ReportLanguage,
  type ReportName,
  type ReportDigest,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { alerts, events, incidents, schoolCalendar } from '../../db/schema';
import { pupilEvents, pupilsReport } from './pupil-report';
import { countsCsv, pupilEventsCsv, pupilsCsv, seriesCsv, topSitesCsv } from './report-csv';
import { resolvePeriod, type DefaultPeriod, type ReportPeriod } from './report-period';
import { hostOf, notIllegal, summaryReport } from './report-summary';
import { REPORT_TEXT } from './report-text';

/** The weekly digest's figures: the contract's schema (`GET /api/reports/digest`). */
export type Digest = ReportDigest;

/** Aggregates for the DSL and governors: counts, never pupil names. */
export function createReportService({ db }: { db: Database }) {
  const summary = (who: Staff, period: ReportPeriod) =>
    summaryReport(db, who.schoolId, period, { pupilNames: can(who.role, 'see-pupil-names-in-reports') });

  async function calendar(schoolId: string): Promise<Array<CalendarEntry & { name: string }>> {
    const rows = await db
      .select({
        kind: schoolCalendar.kind,
        name: schoolCalendar.name,
        startsOn: schoolCalendar.startsOn,
        endsOn: schoolCalendar.endsOn,
      })
      .from(schoolCalendar)
      .where(eq(schoolCalendar.schoolId, schoolId))
      .orderBy(schoolCalendar.startsOn);
    return rows.map((r) => ({ ...r, kind: r.kind as CalendarEntry['kind'] }));
  }

  return {
    period: (schoolId: string, query: { from?: string; to?: string }, fallback: DefaultPeriod) =>
      resolvePeriod(db, schoolId, query, fallback),

    /** The school's terms (oldest first), for "this term". */
    async terms(schoolId: string): Promise<SchoolTerm[]> {
      return (await calendar(schoolId))
        .filter((e) => e.kind === 'term')
        .map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn }));
    },

    /** The school's terms and holidays (the weekly digest's holiday weeks). */
    calendar,

    /** Every chart and table of the reports screen; pupil names never, outcomes for the DSL only. */
    summary,

    /** Pupils by blocked attempts, flagged searches and requests for help: for the DSL only (names). */
    byPupil: (schoolId: string, period: ReportPeriod, filter: PupilFilter = {}) =>
      pupilsReport(db, schoolId, period, filter),

    /** One pupil's events in the period: the DSL's drill-down. */
    pupilEvents: (who: Staff, period: ReportPeriod, key: string) =>
      pupilEvents(db, who.schoolId, period, key, who.role),

    /** One report as CSV, in the viewer's language. The route has checked the viewer may see it. */
    async csv(
      who: Staff,
      period: ReportPeriod,
      request: { report: ReportName; pupil?: string } & PupilFilter,
      lang: ReportLanguage,
    ): Promise<string> {
      const text = REPORT_TEXT[lang].csv;
      const category = (key: string) => reportLabel(lang, 'categories', key);
      if (request.report === 'pupils')
        return pupilsCsv(await pupilsReport(db, who.schoolId, period, request), lang);
      if (request.report === 'pupil-events') {
        const report = await pupilEvents(db, who.schoolId, period, request.pupil!, who.role);
        return pupilEventsCsv(report, period.timeZone, lang);
      }
      const report = await summary(who, period);
      switch (request.report) {
        case 'blocked-by-category':
          return seriesCsv(report, report.blockedOverTime.byCategory, 'categories', lang);
        case 'blocked-by-key-stage':
          return seriesCsv(report, report.blockedOverTime.byKeyStage, 'keyStages', lang);
        case 'blocked-by-class':
          return seriesCsv(report, report.blockedOverTime.byClass, 'classes', lang);
        case 'top-blocked-sites':
          return topSitesCsv(report, lang);
        case 'flagged-searches':
          return countsCsv(report.flaggedSearchesByCategory, [text.category, text.flaggedSearches], category);
        case 'incidents-by-category':
          return countsCsv(report.incidents.byCategory, [text.category, text.incidents], category);
        case 'incidents-by-action':
          return countsCsv(report.incidents.byAction, [text.action, text.incidents], (k) =>
            reportLabel(lang, 'actions', k),
          );
        case 'incidents-by-status':
          return countsCsv(report.incidents.byStatus, [text.status, text.incidents], (k) =>
            reportLabel(lang, 'statuses', k),
          );
        case 'incidents-by-outcome':
          return countsCsv(report.incidents.byOutcome ?? [], [text.outcome, text.incidents]);
      }
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
        .select({ host: hostOf, count })
        .from(events)
        .where(and(inPeriod, eq(events.kind, 'blocked'), notIllegal, sql`${hostOf} is not null`))
        .groupBy(sql`1`)
        .orderBy(sql`2 desc`)
        .limit(10);
      const flaggedSearchesByCategory = await db
        .select({ category: sql<string>`jsonb_array_elements_text(${events.details}->'flags')`, count })
        .from(events)
        .where(and(inPeriod, eq(events.kind, 'search')))
        .groupBy(sql`1`)
        .orderBy(sql`2 desc`);
      const kindCount = async (kind: EventKind) =>
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
