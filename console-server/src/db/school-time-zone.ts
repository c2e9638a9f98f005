import { eq } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '@waymark/shared';
import type { Database } from './open-database';
import { schools } from './schema';

/** The school's own time zone, for its clock times and the dates and times it is shown. */
export async function schoolTimeZone(db: Database, schoolId: string): Promise<string> {
  const [school] = await db
    .select({ timeZone: schools.timeZone })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return school?.timeZone ?? DEFAULT_TIME_ZONE;
}
