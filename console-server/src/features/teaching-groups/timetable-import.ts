import { and, eq, isNull } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  describeZodError,
  toMinutes,
  type ImportError,
  type RosterChanges,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, policyChanges, staff, timetableLessons } from '../../db/schema';

/**
 * The timetable CSV (docs/roster.md): a header row and one lesson a line, columns by name —
 * `week` (`A`/`B` or `1`/`2`; empty: every week), `day` (`Mon`…`Sun`, `Monday`…, or `1`–`7`),
 * `period` (its name, `P1`), `start` and `end` (`HH:MM`, school time), `group` (the group's
 * OneRoster sourcedId, or its name), `teacher_email` (optional), `room` (optional). The whole
 * timetable is replaced: the file is the school's timetable, not a change to it.
 */

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const clock = (column: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, `${column} is not a time (HH:MM)`)
    .transform((v) => toMinutes(v));

const LessonRow = z.object({
  week: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v, ctx) => {
      if (!v) return 0;
      if (v === 'A' || v === '1') return 1;
      if (v === 'B' || v === '2') return 2;
      ctx.addIssue({ code: 'custom', message: 'week must be A, B, 1, 2 or empty (every week)' });
      return z.NEVER;
    }),
  day: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v, ctx) => {
      const n = /^[1-7]$/.test(v) ? Number(v) : DAYS.indexOf(v.slice(0, 3)) + 1;
      if (n >= 1 && (/^[1-7]$/.test(v) || DAYS.some((d) => v.startsWith(d)))) return n;
      ctx.addIssue({ code: 'custom', message: 'day must be Mon to Sun, or 1 to 7' });
      return z.NEVER;
    }),
  period: z.string().trim().min(1, 'period is empty').max(50),
  start: clock('start'),
  end: clock('end'),
  group: z.string().trim().min(1, 'group is empty').max(255),
  teacher_email: z.string().trim().toLowerCase().max(320).optional().default(''),
  room: z.string().trim().max(100).optional().default(''),
});

interface TimetablePlan {
  changes: RosterChanges;
  lessons: Array<typeof timetableLessons.$inferInsert>;
}

export async function planTimetable(db: Database, schoolId: string, csv: string): Promise<TimetablePlan> {
  const errors: ImportError[] = [];
  const file = 'timetable.csv';
  let records: Array<{ record: Record<string, string>; info: { lines: number } }> = [];
  try {
    records = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      info: true,
    });
  } catch (error) {
    errors.push({
      file,
      line: (error as { lines?: number }).lines ?? 0,
      error: `not a CSV file this importer can read: ${(error as Error).message}`,
    });
  }
  const groups = await db
    .select({ id: classes.id, name: classes.name, externalId: classes.externalId })
    .from(classes)
    .where(and(eq(classes.schoolId, schoolId), isNull(classes.endedAt)));
  const byExternal = new Map(groups.filter((g) => g.externalId).map((g) => [g.externalId!, g.id]));
  const byName = new Map<string, string[]>();
  for (const g of groups) byName.set(g.name, [...(byName.get(g.name) ?? []), g.id]);
  const teachers = new Map(
    (
      await db.select({ id: staff.id, email: staff.email }).from(staff).where(eq(staff.schoolId, schoolId))
    ).map((s) => [s.email, s.id]),
  );

  const lessons: TimetablePlan['lessons'] = [];
  const slots = new Map<string, Array<{ start: number; end: number; line: number }>>();
  for (const { record, info } of records) {
    const line = info.lines;
    const parsed = LessonRow.safeParse(record);
    if (!parsed.success) {
      errors.push({ file, line, error: describeZodError(parsed.error) });
      continue;
    }
    const row = parsed.data;
    if (row.end <= row.start) {
      errors.push({ file, line, error: 'end is not after start' });
      continue;
    }
    const named = byName.get(row.group) ?? [];
    const classId = byExternal.get(row.group) ?? (named.length === 1 ? named[0] : undefined);
    if (!classId) {
      errors.push({
        file,
        line,
        error:
          named.length > 1
            ? `group ${row.group} names ${named.length} groups: use its sourcedId`
            : `group ${row.group} is not a group of the school (import the roster first)`,
      });
      continue;
    }
    const staffId = row.teacher_email ? teachers.get(row.teacher_email) : null;
    if (staffId === undefined) {
      errors.push({ file, line, error: `teacher_email ${row.teacher_email} has no account at the school` });
      continue;
    }
    // One group is in one lesson at a time (weeks 0, "every week", overlap both weeks).
    const weeks = row.week === 0 ? [1, 2] : [row.week];
    let clash: number | null = null;
    for (const week of weeks) {
      const key = `${classId}|${week}|${row.day}`;
      const taken = slots.get(key) ?? [];
      const other = taken.find((t) => t.start < row.end && row.start < t.end);
      if (other) clash = other.line;
      taken.push({ start: row.start, end: row.end, line });
      slots.set(key, taken);
    }
    if (clash !== null) {
      errors.push({ file, line, error: `group ${row.group} already has a lesson then (line ${clash})` });
      continue;
    }
    lessons.push({
      id: uuidv7(),
      schoolId,
      classId,
      staffId,
      room: row.room || null,
      week: row.week,
      weekday: row.day,
      period: row.period,
      startMinute: row.start,
      endMinute: row.end,
    });
  }
  if (records.length === 0 && errors.length === 0)
    errors.push({ file, line: 1, error: 'the timetable has no lessons' });
  const zero = {
    pupilsAdded: 0,
    pupilsMoved: 0,
    pupilsLeaving: 0,
    pupilsUnchanged: 0,
    groupsAdded: 0,
    groupsEnded: 0,
    teachersAdded: 0,
    enrollments: 0,
    terms: 0,
  };
  return {
    changes: {
      kind: 'timetable',
      version: null,
      org: null,
      counts: { ...zero, lessons: lessons.length },
      samples: { pupilsAdded: [], pupilsMoved: [], pupilsLeaving: [], groupsAdded: [], groupsEnded: [] },
      errors,
      applied: false,
    },
    lessons,
  };
}

/** Replaces the school's timetable with the file's, as one change-control entry. */
export async function applyTimetable(db: Database, who: Staff, plan: TimetablePlan) {
  await db.transaction(async (tx) => {
    await tx.delete(timetableLessons).where(eq(timetableLessons.schoolId, who.schoolId));
    for (let i = 0; i < plan.lessons.length; i += 1000)
      await tx.insert(timetableLessons).values(plan.lessons.slice(i, i + 1000));
    await tx.insert(policyChanges).values({
      schoolId: who.schoolId,
      profile: 'roster',
      version: 0,
      changedBy: who.id,
      changedByName: who.name,
      reason: 'timetable import',
      summary: [`timetable replaced: ${plan.lessons.length} lessons`],
      before: null,
      after: { lessons: plan.lessons.length },
    });
  });
}
