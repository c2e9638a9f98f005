import { and, eq, gt } from 'drizzle-orm';
import type { LessonOffTask, OffTaskCategory } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { lessonOffTask } from '../../db/schema';

/**
 * The categories a teacher marks off task for a class's lesson (docs/architecture.md, "Live
 * class"). One row per class, read by every console watching it, on any process; it lapses at the
 * lesson's end, so nothing a teacher marks outlives the lesson.
 */
export function createOffTaskService({
  db,
  lessonEnd,
}: {
  db: Database;
  /** When the class's lesson now ends (its session, timetabled lesson or period, else an hour). */
  lessonEnd(schoolId: string, classId: string, now: Date): Promise<Date>;
}) {
  const none: LessonOffTask = { categories: [], until: null };
  return {
    async current(schoolId: string, classId: string, now = new Date()): Promise<LessonOffTask> {
      const [row] = await db
        .select()
        .from(lessonOffTask)
        .where(
          and(
            eq(lessonOffTask.classId, classId),
            eq(lessonOffTask.schoolId, schoolId),
            gt(lessonOffTask.until, now),
          ),
        );
      return row ? { categories: row.categories, until: row.until.toISOString() } : none;
    },

    /** Marks these categories (none: clears them) for the lesson now; the class is the caller's school's. */
    async set(
      schoolId: string,
      classId: string,
      staffId: string,
      categories: OffTaskCategory[],
      now = new Date(),
    ): Promise<LessonOffTask> {
      if (categories.length === 0) {
        await db
          .delete(lessonOffTask)
          .where(and(eq(lessonOffTask.classId, classId), eq(lessonOffTask.schoolId, schoolId)));
        return none;
      }
      const until = await lessonEnd(schoolId, classId, now);
      const row = { classId, schoolId, categories, staffId, until, updatedAt: now };
      await db
        .insert(lessonOffTask)
        .values(row)
        .onConflictDoUpdate({ target: lessonOffTask.classId, set: row });
      return { categories, until: until.toISOString() };
    },
  };
}
export type OffTaskService = ReturnType<typeof createOffTaskService>;
