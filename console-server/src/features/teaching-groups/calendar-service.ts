import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Profile, SchoolCalendarBody } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, schoolCalendar, schools } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';

/** The school's terms, holidays and timetable weeks; a group's profile override. */
export function createCalendarService({ db }: { db: Database }) {
  return {
    async get(schoolId: string): Promise<SchoolCalendarBody> {
      const [school] = await db
        .select({ weeks: schools.timetableWeeks, weekOne: schools.timetableWeekOne })
        .from(schools)
        .where(eq(schools.id, schoolId));
      const entries = await db
        .select()
        .from(schoolCalendar)
        .where(eq(schoolCalendar.schoolId, schoolId))
        .orderBy(schoolCalendar.startsOn);
      return {
        entries: entries.map((e) => ({
          kind: e.kind as 'term' | 'holiday',
          name: e.name,
          startsOn: e.startsOn,
          endsOn: e.endsOn,
        })),
        timetableWeeks: (school?.weeks ?? 1) as 1 | 2,
        timetableWeekOne: school?.weekOne ?? null,
      };
    },

    /** Replaces the school's terms and holidays (the roster sync's terms too). */
    async put(schoolId: string, body: SchoolCalendarBody) {
      if (body.timetableWeeks === 2 && !body.timetableWeekOne)
        throw new DomainError('invalid', 'a two-week timetable needs timetableWeekOne (a Monday of week A)');
      if (body.timetableWeekOne && new Date(`${body.timetableWeekOne}T12:00:00Z`).getUTCDay() !== 1)
        throw new DomainError('invalid', 'timetableWeekOne must be a Monday');
      await db.transaction(async (tx) => {
        await tx
          .update(schools)
          .set({ timetableWeeks: body.timetableWeeks, timetableWeekOne: body.timetableWeekOne })
          .where(eq(schools.id, schoolId));
        await tx.delete(schoolCalendar).where(eq(schoolCalendar.schoolId, schoolId));
        if (body.entries.length > 0)
          await tx.insert(schoolCalendar).values(body.entries.map((e) => ({ id: uuidv7(), schoolId, ...e })));
      });
    },

    /** Sets the profile a group's pupils enforce in its lessons; false when it is not the school's. */
    async setProfileOverride(schoolId: string, classId: string, profile: Profile | null) {
      const rows = await db
        .update(classes)
        .set({ profileOverride: profile })
        .where(and(eq(classes.id, classId), eq(classes.schoolId, schoolId), isNull(classes.endedAt)))
        .returning({ id: classes.id });
      return rows.length > 0;
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
