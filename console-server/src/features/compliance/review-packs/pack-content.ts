import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { ComplianceReport, DeviceHealthReport, ReviewPackContent, Staff } from '@waymark/shared';
import type { Database } from '../../../db/open-database';
import { schoolTimeZone } from '../../../db/school-time-zone';
import { alerts, classes, incidents, policyChanges } from '../../../db/schema';
import { chainHead } from '../../incidents';
import { resolvePeriod, summaryReport } from '../../reports';

const count = sql<number>`count(*)::int`;

/** Today's date where the school is. */
function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
const nextDay = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The school year starting 1 September `year`, up to today for the year in progress; null if it has not begun. */
async function schoolYearPeriod(db: Database, schoolId: string, year: number, now: Date) {
  const timeZone = await schoolTimeZone(db, schoolId);
  const from = `${year}-09-01`;
  const tomorrow = nextDay(todayIn(timeZone, now));
  if (from >= tomorrow) return null;
  const yearEnd = `${year + 1}-09-01`;
  return resolvePeriod(db, schoolId, { from, to: yearEnd < tomorrow ? yearEnd : tomorrow }, 'last-4-weeks');
}

const totals = (series: Array<{ key: string; total: number }>) =>
  series.map((s) => ({ key: s.key, count: s.total })).filter((s) => s.count > 0);

/**
 * Everything the annual review pack says for a year: roles, policy changes with their reasons,
 * checks, blocked attempts and alerts by category and key stage, incidents by category and how
 * they ended, device coverage, and the gaps open when it was prepared. Figures only.
 */
export async function buildPackContent({
  db,
  who,
  year,
  notes,
  now,
  compliance,
  deviceHealth,
}: {
  db: Database;
  who: Staff;
  year: number;
  notes: string | null;
  now: Date;
  compliance: ComplianceReport;
  deviceHealth: DeviceHealthReport;
}): Promise<ReviewPackContent | null> {
  const schoolId = who.schoolId;
  const period = await schoolYearPeriod(db, schoolId, year, now);
  if (!period) return null;
  const summary = await summaryReport(db, schoolId, period, { pupilNames: false });

  const changes = await db
    .select()
    .from(policyChanges)
    .where(
      and(
        eq(policyChanges.schoolId, schoolId),
        gte(policyChanges.at, period.from),
        lt(policyChanges.at, period.to),
      ),
    )
    .orderBy(asc(policyChanges.at), asc(policyChanges.id));

  const alertsIn = and(
    eq(alerts.schoolId, schoolId),
    gte(alerts.createdAt, period.from),
    lt(alerts.createdAt, period.to),
  );
  const [alertTotals] = await db
    .select({
      total: count,
      acknowledged: sql<number>`count(*) filter (where ${alerts.acknowledgedAt} is not null)::int`,
      inTime: sql<number>`count(*) filter (where ${alerts.acknowledgedAt} is not null and jsonb_array_length(${alerts.escalations}) = 0)::int`,
    })
    .from(alerts)
    .where(alertsIn);
  const alertsByCategory = await db
    .select({ key: alerts.topic, count })
    .from(alerts)
    .where(alertsIn)
    .groupBy(alerts.topic)
    .orderBy(sql`2 desc`, sql`1`);
  const alertsByKeyStage = await db
    .select({ key: sql<string>`coalesce(${classes.profile}, 'none')`, count })
    .from(alerts)
    .leftJoin(classes, eq(classes.id, alerts.classId))
    .where(alertsIn)
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1`);

  const incidentsByCategory = await db
    .select({
      key: incidents.category,
      open: sql<number>`count(*) filter (where ${incidents.status} <> 'closed')::int`,
      closedWithOutcome: sql<number>`count(*) filter (where ${incidents.status} = 'closed' and coalesce(btrim(${incidents.outcome}), '') <> '')::int`,
      closedWithoutOutcome: sql<number>`count(*) filter (where ${incidents.status} = 'closed' and coalesce(btrim(${incidents.outcome}), '') = '')::int`,
    })
    .from(incidents)
    .where(
      and(
        eq(incidents.schoolId, schoolId),
        gte(incidents.createdAt, period.from),
        lt(incidents.createdAt, period.to),
      ),
    )
    .groupBy(incidents.category)
    .orderBy(sql`count(*) desc`, incidents.category);

  const rolesItem = compliance.items.find((i) => i.id === 'named-roles');
  const names = (key: string) => {
    const value = rolesItem?.figures.find((f) => f.key === key)?.value;
    return Array.isArray(value) ? value : [];
  };
  const checks = compliance.items.find((i) => i.id === 'filtering-checks');
  if (!checks) throw new Error('no filtering-checks evidence provider');
  const d = deviceHealth.summary;
  const head = await chainHead(db, schoolId);

  return {
    format: 1,
    school: { id: schoolId, name: who.schoolName },
    year,
    from: period.fromDate,
    to: period.toDate,
    timeZone: period.timeZone,
    generatedAt: now.toISOString(),
    preparedBy: { name: who.name, role: who.role },
    notes: notes && notes.length > 0 ? notes : null,
    roles: {
      dsl: names('dsl'),
      deputyDsl: names('deputyDsl'),
      seniorLeader: names('seniorLeader'),
      governor: names('governor'),
      technician: names('technician'),
    },
    policyChanges: changes.map((c) => ({
      at: c.at.toISOString(),
      profile: c.profile,
      version: c.version,
      by: c.changedByName,
      reason: c.reason,
      summary: c.summary,
    })),
    checks,
    blocked: {
      total: summary.totals.blocked,
      byCategory: totals(summary.blockedOverTime.byCategory),
      byKeyStage: totals(summary.blockedOverTime.byKeyStage),
    },
    alerts: { ...alertTotals!, byCategory: alertsByCategory, byKeyStage: alertsByKeyStage },
    incidents: {
      total: summary.totals.incidents,
      byCategory: incidentsByCategory,
      byAction: summary.incidents.byAction,
    },
    devices: {
      devices: d.devices,
      online: d.online,
      silent: d.silent,
      oldExtension: d.oldExtension,
      oldPolicy: d.oldPolicy,
      expected: d.expected,
      neverEnrolled: d.neverEnrolled,
      missingHardening: d.missingHardening,
    },
    gaps: compliance.items.filter((i) => i.status !== 'met'),
    incidentLog: { anchor: head.hash, entries: head.entries },
  };
}
