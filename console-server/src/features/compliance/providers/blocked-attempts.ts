import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { events } from '../../../db/schema';
import type { EvidenceProvider } from '../evidence';

/**
 * DfE monitoring records: each blocked attempt with its device, IP address, user, time and
 * category. The device and the time are required by the schema; the rest is counted.
 */
export const blockedAttemptsRecorded: EvidenceProvider = {
  id: 'blocked-attempts-recorded',
  async collect({ db, schoolId, since, now, windowDays, deviceHealth }) {
    const [counts] = await db
      .select({
        blocked: sql<number>`count(*)::int`,
        withIp: sql<number>`count(*) filter (where coalesce(${events.ip}, '') <> '')::int`,
        withUser: sql<number>`count(*) filter (where coalesce(${events.user}, '') <> '')::int`,
        withCategory: sql<number>`count(*) filter (where ${events.category} is not null)::int`,
      })
      .from(events)
      .where(
        and(
          eq(events.schoolId, schoolId),
          eq(events.kind, 'blocked'),
          gte(events.occurredAt, since),
          lte(events.occurredAt, now),
        ),
      );
    const c = counts!;
    const figures = [
      { key: 'days', value: windowDays },
      { key: 'blocked', value: c.blocked },
      { key: 'withIp', value: c.withIp },
      { key: 'withUser', value: c.withUser },
      { key: 'withCategory', value: c.withCategory },
    ];
    const base = {
      id: 'blocked-attempts-recorded',
      standard: 'monitoring',
      figures,
      fix: '/reports',
    } as const;
    if ((await deviceHealth()).summary.devices === 0)
      return { ...base, status: 'not-met', reason: 'no-devices', fix: '/devices' };
    if (c.blocked === 0) return { ...base, status: 'at-risk', reason: 'none-recorded', fix: '/devices' };
    if (c.withIp < c.blocked) return { ...base, status: 'at-risk', reason: 'missing-ip' };
    return { ...base, status: 'met', reason: 'recorded' };
  },
};
