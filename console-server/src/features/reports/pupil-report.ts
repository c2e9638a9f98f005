import { and, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import {
  can,
  isIllegalCategory,
  UNCATEGORISED,
  type PupilEventsReport,
  type PupilFilter,
  type PupilReportRow,
  type Role,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { events, incidents, pupils } from '../../db/schema';
import type { ReportPeriod } from './report-period';
import { eventsIn, flaggedSearch } from './report-summary';

/** A pupil in the reports: their e-mail, or the device when no one was signed in. */
const pupilKey = sql<string>`coalesce(${events.user}, 'device:' || ${events.deviceId})`;

const MAX_PUPILS = 500;
const MAX_EVENTS = 1000;

function filterFor(filter: PupilFilter): SQL {
  const kinds = filter.category
    ? sql`((${events.kind} = 'blocked' and coalesce(${events.category}, ${UNCATEGORISED}) = ${filter.category})
          or (${events.kind} = 'search' and coalesce(${events.details}->'flags', '[]'::jsonb) @> jsonb_build_array(${filter.category}::text)))`
    : sql`${events.kind} in ('blocked', 'search', 'concern')`;
  return and(
    kinds,
    filter.profile ? eq(events.profile, filter.profile) : undefined,
    filter.classId ? eq(events.classId, filter.classId) : undefined,
  )!;
}

/** Pupils by blocked attempts, flagged searches and requests for help (names: the DSL's only). */
export async function pupilsReport(
  db: Database,
  schoolId: string,
  period: ReportPeriod,
  filter: PupilFilter = {},
): Promise<PupilReportRow[]> {
  const blocked = sql<number>`count(*) filter (where ${events.kind} = 'blocked')::int`;
  const flaggedSearches = sql<number>`count(*) filter (where ${flaggedSearch})::int`;
  const concerns = sql<number>`count(*) filter (where ${events.kind} = 'concern')::int`;
  return db
    .select({
      key: pupilKey,
      pupil: sql<string | null>`coalesce(max(${events.pupilName}), max(${events.user}))`,
      email: sql<string | null>`max(${events.user})`,
      deviceName: sql<
        string | null
      >`case when max(${events.user}) is null then max(${events.deviceName}) end`,
      className: sql<string | null>`max(${events.className})`,
      blocked,
      flaggedSearches,
      concerns,
    })
    .from(events)
    .where(and(eventsIn(schoolId, period), filterFor(filter)))
    .groupBy(sql`1`)
    .having(sql`${blocked} + ${flaggedSearches} + ${concerns} > 0`)
    .orderBy(sql`${blocked} desc`, sql`${flaggedSearches} desc`, sql`${concerns} desc`, sql`1`)
    .limit(MAX_PUPILS);
}

const textOf = sql<
  string | null
>`coalesce(${events.details}->>'query', ${events.details}->>'reason', ${events.details}->>'message', ${events.details}->>'detail')`;

/** One pupil's events in the period (all but heartbeats), newest first, and the incidents about them. */
export async function pupilEvents(
  db: Database,
  schoolId: string,
  period: ReportPeriod,
  key: string,
  role: Role,
): Promise<PupilEventsReport> {
  const deviceId = key.startsWith('device:') ? key.slice('device:'.length) : null;
  const who = deviceId ? and(isNull(events.user), eq(events.deviceId, deviceId)) : eq(events.user, key);
  const rows = await db
    .select({
      id: events.id,
      occurredAt: events.occurredAt,
      kind: events.kind,
      severity: events.severity,
      url: events.url,
      category: events.category,
      text: textOf,
      flags: sql<string[] | null>`${events.details}->'flags'`,
      className: events.className,
      deviceName: events.deviceName,
      pupilName: events.pupilName,
    })
    .from(events)
    .where(and(eventsIn(schoolId, period), ne(events.kind, 'heartbeat'), who))
    .orderBy(desc(events.occurredAt))
    .limit(MAX_EVENTS + 1);
  const seeIllegal = can(role, 'see-illegal-urls');

  let pupil = rows.find((r) => r.pupilName)?.pupilName ?? null;
  if (!deviceId && !pupil) {
    const [known] = await db
      .select({ name: pupils.name })
      .from(pupils)
      .where(and(eq(pupils.schoolId, schoolId), eq(pupils.email, key)));
    pupil = known?.name ?? key;
  }
  const about = deviceId
    ? []
    : await db
        .select({
          id: incidents.id,
          reference: incidents.reference,
          category: incidents.category,
          status: incidents.status,
          createdAt: incidents.createdAt,
        })
        .from(incidents)
        .where(and(eq(incidents.schoolId, schoolId), eq(incidents.pupilEmail, key)))
        .orderBy(desc(incidents.createdAt))
        .limit(50);

  return {
    key,
    pupil,
    truncated: rows.length > MAX_EVENTS,
    events: rows.slice(0, MAX_EVENTS).map((r) => {
      const hidden = isIllegalCategory(r.category) && !seeIllegal;
      return {
        id: r.id,
        occurredAt: r.occurredAt.toISOString(),
        kind: r.kind,
        severity: r.severity,
        url: hidden ? null : r.url,
        urlHidden: hidden,
        category: r.category,
        text: hidden ? null : r.text,
        flags: Array.isArray(r.flags) ? r.flags : [],
        className: r.className,
        deviceName: r.deviceName,
      };
    }),
    incidents: about.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
  };
}
