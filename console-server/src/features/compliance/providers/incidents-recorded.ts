import { and, eq, gte, sql } from 'drizzle-orm';
import { incidents } from '../../../db/schema';
import type { EvidenceProvider } from '../evidence';

const DAY = 86_400_000;

/** DfE: action is taken and recorded. Open incidents now, and those closed in the last year. */
export const incidentsRecorded: EvidenceProvider = {
  id: 'incidents-recorded',
  async collect({ db, schoolId, now, windowDays }) {
    const today = now.toISOString().slice(0, 10);
    const weekAgo = new Date(now.getTime() - 7 * DAY).toISOString();
    const yearAgo = new Date(now.getTime() - 365 * DAY);
    const open = sql`${incidents.status} <> 'closed'`;
    const [c] = await db
      .select({
        raisedIncidents: sql<number>`count(*) filter (where ${incidents.createdAt} >= ${new Date(now.getTime() - windowDays * DAY).toISOString()}::timestamptz)::int`,
        open: sql<number>`count(*) filter (where ${open})::int`,
        followUpOverdue: sql<number>`count(*) filter (where ${open} and ${incidents.followUpDate} < ${today})::int`,
        closedWithoutOutcome: sql<number>`count(*) filter (where not ${open} and coalesce(btrim(${incidents.outcome}), '') = '')::int`,
        withoutActions: sql<number>`count(*) filter (where ${open} and ${incidents.createdAt} < ${weekAgo}::timestamptz and jsonb_array_length(${incidents.actions}) = 0)::int`,
      })
      .from(incidents)
      .where(and(eq(incidents.schoolId, schoolId), sql`(${open} or ${gte(incidents.createdAt, yearAgo)})`));
    const counts = c!;
    const figures = (
      ['raisedIncidents', 'open', 'followUpOverdue', 'closedWithoutOutcome', 'withoutActions'] as const
    ).map((key) => ({ key, value: counts[key] }));
    const base = { id: 'incidents-recorded', standard: 'monitoring', figures, fix: '/incidents' } as const;
    if (counts.followUpOverdue > 0) return { ...base, status: 'at-risk', reason: 'follow-up-overdue' };
    if (counts.closedWithoutOutcome > 0) return { ...base, status: 'at-risk', reason: 'no-outcome' };
    if (counts.withoutActions > 0) return { ...base, status: 'at-risk', reason: 'no-actions' };
    return { ...base, status: 'met', reason: 'recorded' };
  },
};
