import { and, eq, gt, lte } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { StartSessionBody } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, classSessions } from '../../db/schema';
import type { PlacementService } from './placement-service';

const DEFAULT_SESSION_MINUTES = 60;

/**
 * Lessons a teacher starts for a group (a cover lesson, a lesson off the timetable). A session
 * beats the timetable for the group's pupils while it runs (docs/architecture.md, "Teaching groups
 * and the timetable"). Its times are on the placement clock, as the timetable's are.
 */
export function createSessionService({ db, placement }: { db: Database; placement: PlacementService }) {
  async function running(schoolId: string, classId: string, now: Date) {
    const [row] = await db
      .select()
      .from(classSessions)
      .where(
        and(
          eq(classSessions.schoolId, schoolId),
          eq(classSessions.classId, classId),
          lte(classSessions.startsAt, now),
          gt(classSessions.endsAt, now),
        ),
      );
    return row ?? null;
  }

  return {
    /** Starts (or extends) the group's session; null when the group is not the school's. */
    async start(schoolId: string, classId: string, staffId: string, body: StartSessionBody) {
      const now = placement.clock();
      const [group] = await db
        .select({ id: classes.id })
        .from(classes)
        .where(and(eq(classes.id, classId), eq(classes.schoolId, schoolId)));
      if (!group) return null;
      const lesson = await placement.lessonOf(schoolId, classId, now);
      const endsAt = body.minutes
        ? new Date(now.getTime() + body.minutes * 60_000)
        : lesson?.source === 'timetable'
          ? lesson.endsAt
          : new Date(now.getTime() + DEFAULT_SESSION_MINUTES * 60_000);
      const held = await running(schoolId, classId, now);
      if (held) {
        const [row] = await db
          .update(classSessions)
          .set({ endsAt, startedBy: staffId })
          .where(eq(classSessions.id, held.id))
          .returning();
        return row!;
      }
      const [row] = await db
        .insert(classSessions)
        .values({ id: uuidv7(), schoolId, classId, startedBy: staffId, startsAt: now, endsAt })
        .returning();
      return row!;
    },

    /** Ends the group's running session now; null when none runs. */
    async end(schoolId: string, classId: string) {
      const now = placement.clock();
      const held = await running(schoolId, classId, now);
      if (!held) return null;
      const [row] = await db
        .update(classSessions)
        .set({ endsAt: now })
        .where(eq(classSessions.id, held.id))
        .returning();
      return row!;
    },

    running: (schoolId: string, classId: string) => running(schoolId, classId, placement.clock()),
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
