import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type {
  Alert,
  Staff,
  TrustIncident,
  TrustIncidentsQuery,
  TrustOverview,
  TrustPeriodQuery,
  TrustSchool,
  TrustSchoolSummary,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { alerts, events, incidents, schools, staff, trusts } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import { toAlert } from '../alerts';

const DAY_MS = 86_400_000;
/** How long a process trusts its memory of which trust a school belongs to (it changes once in years). */
const TRUST_OF_TTL_MS = 60_000;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * What trust-level staff see: the schools of their own trust and nothing else. Every query here is
 * bounded by `schools.trust_id = <the signed-in person's trust>`; a school id from the request is
 * only ever used together with that bound, so another trust's school reads as "no such school".
 */
export function createTrustService({ db }: { db: Database }) {
  const trustOfCache = new Map<string, { trustId: string | null; until: number }>();

  function trustIdOf(who: Staff): string {
    if (!who.trustId) throw new DomainError('forbidden', 'your school is not part of a trust');
    return who.trustId;
  }

  async function trustSchools(trustId: string): Promise<TrustSchool[]> {
    return db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(eq(schools.trustId, trustId))
      .orderBy(schools.name);
  }

  /** The school, when it is one of the trust's; 404 otherwise (ids of other trusts cannot be probed). */
  async function schoolOfTrust(trustId: string, schoolId: string): Promise<TrustSchool> {
    const [school] = await db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(and(eq(schools.id, schoolId), eq(schools.trustId, trustId)));
    if (!school) throw new DomainError('not-found', 'no such school in your trust');
    return school;
  }

  /** Dates are each school's own days: midnight where the school is, across clock changes. */
  function period(query: TrustPeriodQuery, now = new Date()) {
    const to = query.to ?? (query.from ? isoDate(new Date(Date.parse(query.from) + 28 * DAY_MS)) : null);
    const toDate = to ?? isoDate(new Date(now.getTime() + DAY_MS));
    const fromDate = query.from ?? isoDate(new Date(Date.parse(toDate) - 28 * DAY_MS));
    const bound = (date: string) => sql`(${date}::date::timestamp at time zone ${schools.timeZone})`;
    return { fromDate, toDate, from: bound(fromDate), to: bound(toDate) };
  }

  const count = (table: SQL, where: SQL) => sql<number>`(select count(*)::int from ${table} where ${where})`;

  return {
    /** Which trust a school belongs to (cached briefly): where its alerts also go. */
    async trustOf(schoolId: string): Promise<string | null> {
      const cached = trustOfCache.get(schoolId);
      if (cached && cached.until > Date.now()) return cached.trustId;
      const [row] = await db
        .select({ trustId: schools.trustId })
        .from(schools)
        .where(eq(schools.id, schoolId));
      const trustId = row?.trustId ?? null;
      trustOfCache.set(schoolId, { trustId, until: Date.now() + TRUST_OF_TTL_MS });
      return trustId;
    },

    async schools(who: Staff): Promise<{ trust: { id: string; name: string }; schools: TrustSchool[] }> {
      const trustId = trustIdOf(who);
      const [trust] = await db
        .select({ id: trusts.id, name: trusts.name })
        .from(trusts)
        .where(eq(trusts.id, trustId));
      return { trust: trust!, schools: await trustSchools(trustId) };
    },

    /** Every school of the trust side by side: the digest's counts for the period, and now. */
    async overview(who: Staff, query: TrustPeriodQuery, now = new Date()): Promise<TrustOverview> {
      const trustId = trustIdOf(who);
      const [trust] = await db
        .select({ id: trusts.id, name: trusts.name })
        .from(trusts)
        .where(eq(trusts.id, trustId));
      const p = period(query, now);
      const inPeriod = sql`e.school_id = ${schools.id} and e.occurred_at >= ${p.from} and e.occurred_at < ${p.to}`;
      const ev = sql`events e`;
      const rows = await db
        .select({
          id: schools.id,
          name: schools.name,
          blocked: count(ev, sql`${inPeriod} and e.kind = 'blocked'`),
          flaggedSearches: count(
            ev,
            sql`${inPeriod} and e.kind = 'search' and jsonb_array_length(coalesce(e.details->'flags', '[]'::jsonb)) > 0`,
          ),
          concerns: count(ev, sql`${inPeriod} and e.kind = 'concern'`),
          tamper: count(ev, sql`${inPeriod} and e.kind = 'tamper'`),
          alerts: count(
            sql`alerts a`,
            sql`a.school_id = ${schools.id} and a.created_at >= ${p.from} and a.created_at < ${p.to}`,
          ),
          incidentsOpened: count(
            sql`incidents i`,
            sql`i.school_id = ${schools.id} and i.created_at >= ${p.from} and i.created_at < ${p.to}`,
          ),
          incidentsOpenNow: count(
            sql`incidents i`,
            sql`i.school_id = ${schools.id} and i.status <> 'closed'`,
          ),
          devices: count(sql`devices d`, sql`d.school_id = ${schools.id}`),
          devicesOnline: count(sql`devices d`, sql`d.school_id = ${schools.id} and d.online`),
        })
        .from(schools)
        .where(eq(schools.trustId, trustId))
        .orderBy(schools.name);
      return { trust: trust!, from: p.fromDate, to: p.toDate, schools: rows satisfies TrustSchoolSummary[] };
    },

    /** Every school's incident log, for oversight: reference, category, status, owner; no names. */
    async incidents(who: Staff, query: TrustIncidentsQuery): Promise<TrustIncident[]> {
      const trustId = trustIdOf(who);
      if (query.school) await schoolOfTrust(trustId, query.school);
      const rows = await db
        .select({
          id: incidents.id,
          schoolId: incidents.schoolId,
          schoolName: schools.name,
          reference: incidents.reference,
          subject: incidents.subject,
          category: incidents.category,
          severity: incidents.severity,
          status: incidents.status,
          illegal: incidents.illegal,
          ownerName: staff.name,
          followUpDate: incidents.followUpDate,
          createdAt: incidents.createdAt,
        })
        .from(incidents)
        .innerJoin(schools, eq(schools.id, incidents.schoolId))
        .leftJoin(staff, eq(staff.id, incidents.ownerId))
        .where(
          and(
            eq(schools.trustId, trustId),
            query.school ? eq(incidents.schoolId, query.school) : undefined,
            query.status ? eq(incidents.status, query.status) : undefined,
          ),
        )
        .orderBy(desc(incidents.createdAt))
        .limit(500);
      return rows.map((r) => ({
        ...r,
        subject: r.subject,
        severity: r.severity,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      }));
    },

    /** The latest alerts of every school of the trust. */
    async alerts(who: Staff): Promise<Array<Alert & { schoolName: string }>> {
      const trustId = trustIdOf(who);
      const rows = await db
        .select({ alert: alerts, schoolName: schools.name })
        .from(alerts)
        .innerJoin(schools, eq(schools.id, alerts.schoolId))
        .where(eq(schools.trustId, trustId))
        .orderBy(desc(alerts.lastAt))
        .limit(100);
      return rows.map(({ alert, schoolName }) => ({ ...toAlert(alert), schoolName }));
    },

    /** One school's pupils by blocked attempts, flagged searches and requests for help (names). */
    async pupils(who: Staff, schoolId: string, query: TrustPeriodQuery, now = new Date()) {
      const school = await schoolOfTrust(trustIdOf(who), schoolId);
      const p = period(query, now);
      const rows = await db
        .select({
          pupil: sql<string>`coalesce(${events.pupilName}, ${events.user}, 'Not signed in: ' || ${events.deviceName})`,
          className: events.className,
          blocked: sql<number>`count(*) filter (where ${events.kind} = 'blocked')::int`,
          flaggedSearches: sql<number>`count(*) filter (where ${events.kind} = 'search' and jsonb_array_length(coalesce(${events.details}->'flags', '[]'::jsonb)) > 0)::int`,
          concerns: sql<number>`count(*) filter (where ${events.kind} = 'concern')::int`,
        })
        .from(events)
        .innerJoin(schools, eq(schools.id, events.schoolId))
        .where(
          and(
            eq(events.schoolId, school.id),
            sql`${events.occurredAt} >= ${p.from} and ${events.occurredAt} < ${p.to}`,
            sql`${events.kind} in ('blocked', 'search', 'concern')`,
          ),
        )
        .groupBy(sql`1`, events.className)
        .orderBy(sql`3 desc`, sql`4 desc`)
        .limit(200);
      return { school, from: p.fromDate, to: p.toDate, pupils: rows };
    },
  };
}
export type TrustService = ReturnType<typeof createTrustService>;
