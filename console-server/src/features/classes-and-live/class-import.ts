import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { v7 as uuidv7 } from 'uuid';
import { ClassImportRowSchema, describeZodError } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, classTeachers, pupils, staff } from '../../db/schema';

interface ClassImportResult {
  classesCreated: number;
  pupilsAdded: number;
  pupilsUpdated: number;
  /** Rows not imported, by line number in the file (the header is line 1). */
  bad: Array<{ line: number; error: string }>;
}

/**
 * Imports classes and pupils from the school's MIS export (CSV with a header row: class_name,
 * key_stage, pupil_name, pupil_email, teacher_email). Each row is checked on its own: bad rows
 * are reported with their line numbers, good rows are kept.
 */
export async function importClasses(db: Database, schoolId: string, csv: string): Promise<ClassImportResult> {
  const result: ClassImportResult = { classesCreated: 0, pupilsAdded: 0, pupilsUpdated: 0, bad: [] };
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    result.bad.push({
      line: (error as { lines?: number }).lines ?? 0,
      error: `not a CSV file this importer can read: ${(error as Error).message}`,
    });
    return result;
  }
  const classIds = new Map<string, string>();
  for (const row of await db.select().from(classes).where(eq(classes.schoolId, schoolId)))
    classIds.set(row.name, row.id);

  for (const [index, raw] of rows.entries()) {
    const line = index + 2;
    const parsed = ClassImportRowSchema.safeParse(raw);
    if (!parsed.success) {
      result.bad.push({ line, error: describeZodError(parsed.error) });
      continue;
    }
    const row = parsed.data;
    let classId = classIds.get(row.class_name);
    if (!classId) {
      classId = uuidv7();
      await db
        .insert(classes)
        .values({ id: classId, schoolId, name: row.class_name, profile: row.key_stage });
      classIds.set(row.class_name, classId);
      result.classesCreated++;
    }
    const email = row.pupil_email.toLowerCase();
    const [existing] = await db.select().from(pupils).where(eq(pupils.email, email));
    if (existing && existing.schoolId !== schoolId) {
      result.bad.push({ line, error: `${email} belongs to another school` });
      continue;
    }
    if (existing) {
      await db.update(pupils).set({ name: row.pupil_name, classId }).where(eq(pupils.id, existing.id));
      result.pupilsUpdated++;
    } else {
      await db.insert(pupils).values({ id: uuidv7(), schoolId, email, name: row.pupil_name, classId });
      result.pupilsAdded++;
    }
    if (row.teacher_email) {
      const [teacher] = await db
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.email, row.teacher_email.toLowerCase()), eq(staff.schoolId, schoolId)));
      if (!teacher)
        result.bad.push({
          line,
          error: `teacher_email ${row.teacher_email} has no account (the pupil was imported)`,
        });
      else await db.insert(classTeachers).values({ classId, staffId: teacher.id }).onConflictDoNothing();
    }
  }
  return result;
}
