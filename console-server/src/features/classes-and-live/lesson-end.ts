import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/open-database';
import { classes, schools } from '../../db/schema';
import { currentPeriod } from './lesson-period';

/**
 * When the class's lesson ends: the timetable period's end, or null outside the timetable (and
 * for a class that is not the school's).
 */
export async function lessonEnd(
  db: Database,
  schoolId: string,
  classId: string,
  now: Date,
): Promise<Date | null> {
  const [klass] = await db
    .select({ periods: schools.periods, timeZone: schools.timeZone })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(and(eq(classes.id, classId), eq(classes.schoolId, schoolId)));
  if (!klass) return null;
  return currentPeriod(klass.periods, klass.timeZone, now)?.endsAt ?? null;
}
