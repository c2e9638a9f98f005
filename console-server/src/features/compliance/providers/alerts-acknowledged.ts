import { and, eq, gte, sql } from 'drizzle-orm';
import { alerts } from '../../../db/schema';
import type { EvidenceProvider } from '../evidence';

/**
 * Serious concerns reach someone in time: alerts raised in the window, acknowledged before they
 * escalated (in time) or after (late), and any still waiting past their escalation time now.
 */
export const alertsAcknowledged: EvidenceProvider = {
  id: 'alerts-acknowledged',
  async collect({ db, schoolId, since, now, windowDays }) {
    const escalated = sql`jsonb_array_length(${alerts.escalations}) > 0`;
    const [c] = await db
      .select({
        raised: sql<number>`count(*)::int`,
        acknowledged: sql<number>`count(*) filter (where ${alerts.acknowledgedAt} is not null)::int`,
        inTime: sql<number>`count(*) filter (where ${alerts.acknowledgedAt} is not null and not ${escalated})::int`,
        late: sql<number>`count(*) filter (where ${alerts.acknowledgedAt} is not null and ${escalated})::int`,
        waiting: sql<number>`count(*) filter (where ${alerts.acknowledgedAt} is null)::int`,
        overdue: sql<number>`count(*) filter (where ${alerts.acknowledgedAt} is null and (${escalated} or ${alerts.escalateAt} <= ${now.toISOString()}::timestamptz))::int`,
      })
      .from(alerts)
      .where(and(eq(alerts.schoolId, schoolId), gte(alerts.createdAt, since)));
    // An alert raised before the window and still waiting counts too.
    const [older] = await db
      .select({ overdue: sql<number>`count(*)::int` })
      .from(alerts)
      .where(
        and(
          eq(alerts.schoolId, schoolId),
          sql`${alerts.createdAt} < ${since.toISOString()}::timestamptz`,
          sql`${alerts.acknowledgedAt} is null`,
        ),
      );
    const counts = { ...c!, overdue: c!.overdue + older!.overdue, waiting: c!.waiting + older!.overdue };
    const figures = [
      { key: 'days', value: windowDays },
      ...(['raised', 'acknowledged', 'inTime', 'late', 'waiting', 'overdue'] as const).map((key) => ({
        key,
        value: counts[key],
      })),
    ];
    const base = { id: 'alerts-acknowledged', standard: 'monitoring', figures, fix: '/alerts' } as const;
    if (counts.overdue > 0) return { ...base, status: 'not-met', reason: 'overdue' };
    if (counts.late > 0) return { ...base, status: 'at-risk', reason: 'late' };
    if (counts.raised === 0) return { ...base, status: 'met', reason: 'none-raised' };
    return { ...base, status: 'met', reason: 'in-time' };
  },
};
