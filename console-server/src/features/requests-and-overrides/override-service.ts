import { and, eq, gt, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  localTime,
  toMinutes,
  overrideOpensIllegal,
  type CategoryEntries,
  type LessonOverride,
  type StartOverrideBody,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, lessonOverrides, policies, schools } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import type { PlacementService } from '../teaching-groups';

/** Nothing a teacher does in a lesson outlives it: the period's end, else 60 minutes, unless they say otherwise. */
const DEFAULT_OVERRIDE_MINUTES = 60;
const MIN_OVERRIDE_MINUTES = 10;

type Row = typeof lessonOverrides.$inferSelect;

function toOverride(row: Row): LessonOverride & { requestEventId: string | null } {
  return {
    id: row.id,
    classId: row.classId,
    kind: row.kind,
    sites: row.sites,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    createdBy: row.createdBy,
    requestEventId: row.requestEventId,
  };
}

/** When the timetable period `now` falls in ends, if it falls in one (school days, school's time zone). */
export function periodEnd(
  periods: Array<{ start: string; end: string }>,
  timeZone: string,
  now: Date,
): Date | null {
  const { weekday, minutes } = localTime(now, timeZone);
  if (weekday > 5) return null;
  const period = periods.find((p) => toMinutes(p.start) <= minutes && minutes < toMinutes(p.end));
  return period
    ? new Date(Math.floor(now.getTime() / 60_000) * 60_000 + (toMinutes(period.end) - minutes) * 60_000)
    : null;
}

export function createOverrideService({
  db,
  placement,
  illegalLists = async () => ({}),
}: {
  db: Database;
  placement?: PlacementService;
  /** The school's illegal-category lists (from the category store). */
  illegalLists?: (schoolId: string) => Promise<CategoryEntries>;
}) {
  /**
   * Default end: the end of the group's lesson now (its session or timetabled lesson), else of the
   * current timetable period, else 60 minutes from now; never less than 10 minutes, so an approval
   * in a lesson's last moments is not gone before it is used.
   */
  async function defaultEnd(schoolId: string, classId: string, now: Date): Promise<Date> {
    const [school] = await db
      .select({ periods: schools.periods, timeZone: schools.timeZone })
      .from(schools)
      .where(eq(schools.id, schoolId));
    // The timetable is read by the placement clock (tests move it): its lesson's time left counts.
    const lessonClock = placement?.clock();
    const lesson = placement ? await placement.lessonOf(schoolId, classId, lessonClock) : null;
    const lessonEnd =
      lesson && lessonClock
        ? new Date(now.getTime() + (lesson.endsAt.getTime() - lessonClock.getTime()))
        : null;
    const end =
      lessonEnd ??
      (school && periodEnd(school.periods, school.timeZone, now)) ??
      new Date(now.getTime() + DEFAULT_OVERRIDE_MINUTES * 60_000);
    return new Date(Math.max(end.getTime(), now.getTime() + MIN_OVERRIDE_MINUTES * 60_000));
  }

  /** Whether the class is the school's: every id a caller passes is checked against their school. */
  async function inSchool(schoolId: string, classId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, classId), eq(classes.schoolId, schoolId)));
    return row !== undefined;
  }

  /** docs/architecture.md, "Lesson overrides": illegal content stays closed, whoever asks. */
  async function assertLawful(schoolId: string, sites: string[]): Promise<void> {
    if (overrideOpensIllegal({ categoryLists: await illegalLists(schoolId) }, sites))
      throw new DomainError(
        'illegal-category',
        'one of these sites is in an illegal category; it is never opened for a lesson',
      );
  }

  return {
    inSchool,
    assertLawful,
    /** When what a teacher does in the class's lesson now ends (the default end of an override). */
    lessonEnd: defaultEnd,

    /** Starts an override for a class of the school; null when the class is not the school's. */
    async start(
      schoolId: string,
      classId: string,
      staffId: string,
      body: StartOverrideBody,
      options: { requestEventId?: string; now?: Date } = {},
    ) {
      const now = options.now ?? new Date();
      const [target] = await db
        .select({ body: policies.body })
        .from(classes)
        .leftJoin(
          policies,
          and(eq(policies.schoolId, classes.schoolId), eq(policies.profile, classes.profile)),
        )
        .where(and(eq(classes.id, classId), eq(classes.schoolId, schoolId)));
      if (!target) return null;
      await assertLawful(schoolId, body.sites);
      const [row] = await db
        .insert(lessonOverrides)
        .values({
          id: uuidv7(),
          schoolId,
          classId,
          kind: body.kind,
          sites: body.sites,
          startsAt: now,
          endsAt: body.minutes
            ? new Date(now.getTime() + body.minutes * 60_000)
            : await defaultEnd(schoolId, classId, now),
          createdBy: staffId,
          requestEventId: options.requestEventId ?? null,
        })
        .returning();
      return toOverride(row!);
    },

    /**
     * Ends a running override of this class of this school now; returns it, or null when there is
     * none (another class's override is never touched, whoever asks).
     */
    async end(schoolId: string, classId: string, overrideId: string, now = new Date()) {
      const [row] = await db
        .update(lessonOverrides)
        .set({ endsAt: now })
        .where(
          and(
            eq(lessonOverrides.id, overrideId),
            eq(lessonOverrides.schoolId, schoolId),
            eq(lessonOverrides.classId, classId),
            gt(lessonOverrides.endsAt, now),
          ),
        )
        .returning();
      return row ? toOverride(row) : null;
    },

    /**
     * Overrides not yet ended for these classes of this school (current and scheduled), by the
     * lesson clock: a scheduled session's sites end with it.
     */
    async current(schoolId: string, classIds: string[], now = placement?.clock() ?? new Date()) {
      if (classIds.length === 0) return [];
      const rows = await db
        .select()
        .from(lessonOverrides)
        .where(
          and(
            eq(lessonOverrides.schoolId, schoolId),
            inArray(lessonOverrides.classId, classIds),
            gt(lessonOverrides.endsAt, now),
          ),
        )
        .orderBy(lessonOverrides.startsAt);
      return rows.map(toOverride);
    },
  };
}
export type OverrideService = ReturnType<typeof createOverrideService>;
