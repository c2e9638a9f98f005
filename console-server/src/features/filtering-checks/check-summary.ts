import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { FilterCheckSummary } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { filterCheckFollowUps, filterChecks } from '../../db/schema';

/**
 * Checks of a school started in [from, to), and the failures still open (any time: a failure
 * found last term and never dealt with is still open). A small read for other features.
 */
export async function filterCheckSummary(
  db: Database,
  schoolId: string,
  from: Date,
  to: Date,
): Promise<FilterCheckSummary> {
  const inPeriod = await db
    .select({
      scheduled: filterChecks.scheduled,
      failures: filterChecks.failures,
      gaps: filterChecks.gaps,
      startedAt: filterChecks.startedAt,
    })
    .from(filterChecks)
    .where(
      and(
        eq(filterChecks.schoolId, schoolId),
        gte(filterChecks.startedAt, from),
        lt(filterChecks.startedAt, to),
      ),
    );
  const withFailures = await db
    .select({ id: filterChecks.id, failures: filterChecks.failures, gaps: filterChecks.gaps })
    .from(filterChecks)
    .where(eq(filterChecks.schoolId, schoolId));
  const failing = withFailures.filter((c) => c.failures + c.gaps > 0).map((c) => c.id);
  const resolved =
    failing.length === 0
      ? []
      : await db
          .selectDistinct({ checkId: filterCheckFollowUps.checkId })
          .from(filterCheckFollowUps)
          .where(
            and(inArray(filterCheckFollowUps.checkId, failing), eq(filterCheckFollowUps.resolved, true)),
          );
  const [last] = await db
    .select({ at: filterChecks.startedAt })
    .from(filterChecks)
    .where(eq(filterChecks.schoolId, schoolId))
    .orderBy(desc(filterChecks.startedAt))
    .limit(1);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    checks: inPeriod.length,
    scheduledChecks: inPeriod.filter((c) => c.scheduled).length,
    checksWithFailures: inPeriod.filter((c) => c.failures + c.gaps > 0).length,
    openFailures: failing.length - resolved.length,
    lastCheckAt: last?.at.toISOString() ?? null,
  };
}
