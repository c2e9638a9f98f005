import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { describeZodError, type ImportError } from '@waymark/shared';

/**
 * OneRoster 1.1 and 1.2 CSV bundles (IMS Global / 1EdTech): `orgs`, `academicSessions`, `courses`,
 * `classes`, `users`, `enrollments` (and 1.2's `roles`), each with a header row. Columns are read
 * by name, so either version's extra columns are ignored; `status` `tobedeleted` rows (delta
 * files) are dropped. Every line is checked, and every bad one reported with its number (the
 * header is line 1), before anything is used.
 */

const id = (column: string) => z.string().trim().min(1, `${column} is empty`).max(255);
const optional = z
  .string()
  .trim()
  .max(1000)
  .optional()
  .transform((v) => v || null);
const date = (column: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}/, `${column} is not a date (YYYY-MM-DD)`)
    .transform((v) => v.slice(0, 10));
const list = z
  .string()
  .trim()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
const status = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ?? '').toLowerCase());

const OrgRow = z.object({
  sourcedId: id('sourcedId'),
  status,
  name: id('name'),
  type: z.string().trim().toLowerCase().min(1, 'type is empty'),
  identifier: optional,
});
const SessionRow = z.object({
  sourcedId: id('sourcedId'),
  status,
  title: id('title'),
  type: z.string().trim(),
  startDate: date('startDate'),
  endDate: date('endDate'),
});
const CourseRow = z.object({ sourcedId: id('sourcedId'), status, title: id('title') });
const ClassRow = z.object({
  sourcedId: id('sourcedId'),
  status,
  title: id('title'),
  classCode: optional,
  classType: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['homeroom', 'scheduled'], { error: 'classType must be homeroom or scheduled' })),
  schoolSourcedId: id('schoolSourcedId'),
  courseSourcedId: optional,
  grades: list,
});
const ROLES = ['student', 'teacher', 'administrator', 'aide', 'guardian', 'parent', 'relative', 'proctor'];
const UserRow = z.object({
  sourcedId: id('sourcedId'),
  status,
  enabledUser: optional,
  // 1.1: in users.csv; 1.2: in roles.csv.
  role: z.string().trim().toLowerCase().optional(),
  orgSourcedIds: list,
  primaryOrgSourcedId: optional,
  username: optional,
  givenName: z.string().trim().max(200).optional().default(''),
  familyName: z.string().trim().max(200).optional().default(''),
  preferredGivenName: optional,
  preferredFamilyName: optional,
  email: optional,
  grades: list,
});
const RoleRow = z.object({
  userSourcedId: id('userSourcedId'),
  status,
  role: z.string().trim().toLowerCase(),
  roleType: optional,
  orgSourcedId: id('orgSourcedId'),
});
const EnrollmentRow = z.object({
  sourcedId: id('sourcedId'),
  status,
  classSourcedId: id('classSourcedId'),
  schoolSourcedId: id('schoolSourcedId'),
  userSourcedId: id('userSourcedId'),
  role: z.string().trim().toLowerCase().min(1, 'role is empty'),
  primary: optional,
  endDate: optional,
});

export type OrOrg = z.infer<typeof OrgRow> & { line: number };
type OrSession = z.infer<typeof SessionRow> & { line: number };
type OrClass = z.infer<typeof ClassRow> & { line: number };
type OrUser = z.infer<typeof UserRow> & { line: number; roles: string[]; orgs: string[] };
type OrEnrollment = z.infer<typeof EnrollmentRow> & { line: number };

export interface Bundle {
  version: '1.1' | '1.2';
  orgs: OrOrg[];
  sessions: OrSession[];
  courses: Map<string, string>;
  classes: OrClass[];
  users: OrUser[];
  enrollments: OrEnrollment[];
}

function readCsv<T extends z.ZodType>(
  files: Map<string, string>,
  file: string,
  schema: T,
  errors: ImportError[],
  required: boolean,
): Array<z.infer<T> & { line: number }> {
  const text = files.get(file.toLowerCase());
  if (text === undefined) {
    if (required) errors.push({ file, line: 0, error: `${file} is missing from the bundle` });
    return [];
  }
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((c) => c.trim()),
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
    return [];
  }
  const rows: Array<z.infer<T> & { line: number }> = [];
  for (const { record, info } of records) {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      errors.push({ file, line: info.lines, error: describeZodError(parsed.error) });
      continue;
    }
    const row = parsed.data as z.infer<T> & { status?: string };
    // A delta file's deletions: the full picture without them is what a bulk file would say.
    if (row.status === 'tobedeleted') continue;
    rows.push({ ...(row as object), line: info.lines } as z.infer<T> & { line: number });
  }
  return rows;
}

function duplicates(rows: Array<{ sourcedId: string; line: number }>, file: string, errors: ImportError[]) {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const first = seen.get(row.sourcedId);
    if (first !== undefined)
      errors.push({ file, line: row.line, error: `sourcedId ${row.sourcedId} is also on line ${first}` });
    else seen.set(row.sourcedId, row.line);
  }
}

/** The bundle's version: its manifest's `oneroster.version`, else 1.2 when it has `roles.csv`. */
function versionOf(files: Map<string, string>): '1.1' | '1.2' {
  const manifest = files.get('manifest.csv');
  if (manifest) {
    const match = /oneroster\.version"?\s*,\s*"?(1\.[12])/i.exec(manifest);
    if (match) return match[1] as '1.1' | '1.2';
  }
  return files.has('roles.csv') ? '1.2' : '1.1';
}

export function parseBundle(files: Map<string, string>): { bundle: Bundle; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const version = versionOf(files);
  const orgs = readCsv(files, 'orgs.csv', OrgRow, errors, true);
  const sessions = readCsv(files, 'academicSessions.csv', SessionRow, errors, false);
  const courseRows = readCsv(files, 'courses.csv', CourseRow, errors, false);
  const classes = readCsv(files, 'classes.csv', ClassRow, errors, true);
  const userRows = readCsv(files, 'users.csv', UserRow, errors, true);
  const enrollments = readCsv(files, 'enrollments.csv', EnrollmentRow, errors, true);
  const roleRows = version === '1.2' ? readCsv(files, 'roles.csv', RoleRow, errors, false) : [];
  duplicates(orgs, 'orgs.csv', errors);
  duplicates(classes, 'classes.csv', errors);
  duplicates(userRows, 'users.csv', errors);
  duplicates(enrollments, 'enrollments.csv', errors);

  const rolesOf = new Map<string, Array<{ role: string; org: string }>>();
  for (const r of roleRows) {
    const list = rolesOf.get(r.userSourcedId) ?? [];
    list.push({ role: r.role, org: r.orgSourcedId });
    rolesOf.set(r.userSourcedId, list);
  }
  const users: OrUser[] = [];
  for (const u of userRows) {
    const fromRoles = rolesOf.get(u.sourcedId) ?? [];
    const roles = [...new Set([...(u.role ? [u.role] : []), ...fromRoles.map((r) => r.role)])];
    if (roles.length === 0) {
      errors.push({
        file: 'users.csv',
        line: u.line,
        error: version === '1.2' ? 'the user has no role in roles.csv' : 'role is empty',
      });
      continue;
    }
    const unknown = roles.find((r) => !ROLES.includes(r));
    if (unknown) {
      errors.push({ file: 'users.csv', line: u.line, error: `role ${unknown} is not a OneRoster role` });
      continue;
    }
    const orgsOf = [
      ...new Set([
        ...u.orgSourcedIds,
        ...(u.primaryOrgSourcedId ? [u.primaryOrgSourcedId] : []),
        ...fromRoles.map((r) => r.org),
      ]),
    ];
    users.push({ ...u, roles, orgs: orgsOf });
  }
  return {
    bundle: {
      version,
      orgs,
      sessions,
      courses: new Map(courseRows.map((c) => [c.sourcedId, c.title])),
      classes,
      users,
      enrollments,
    },
    errors,
  };
}
