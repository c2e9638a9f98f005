import { and, eq, inArray, ne } from 'drizzle-orm';
import type { ImportError, Profile, RosterChanges } from '@waymark/shared';
import type { Database } from '../../../db/open-database';
import { classes, groupMembers, pupils, schools, staff } from '../../../db/schema';
import { DomainError } from '../../../errors/domain-error';
import type { Bundle, OrOrg } from './parse-bundle';
import { commonProfile, profileOfGrade } from './grade-profile';

const SAMPLE = 50;
const DEFAULT_GROUP_PROFILE: Profile = 'KS3';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface PlannedGroup {
  externalId: string;
  name: string;
  kind: 'form' | 'teaching';
  profile: Profile;
  existingId: string | null;
  /** Differs from what is stored (name, kind, profile, or ended before). */
  changed: boolean;
}

interface PlannedPupil {
  externalId: string;
  email: string;
  name: string;
  grade: string | null;
  home: string;
  groups: string[];
  existingId: string | null;
  changed: boolean;
}

export interface RosterPlan {
  org: OrOrg;
  changes: RosterChanges;
  groups: PlannedGroup[];
  endGroupIds: string[];
  teachers: Array<{ externalId: string; email: string; name: string; existingId: string | null }>;
  teaching: Array<{ teacher: string; group: string }>;
  pupils: PlannedPupil[];
  leavingIds: string[];
  terms: Array<{ externalId: string; name: string; startsOn: string; endsOn: string }>;
}

const normalName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Which org of the bundle is this school: the one bound by an earlier import, else its name. */
function ourOrg(bundle: Bundle, school: { name: string; rosterOrgId: string | null }): OrOrg {
  const schoolsIn = bundle.orgs.filter((o) => o.type === 'school');
  const found = school.rosterOrgId
    ? bundle.orgs.find((o) => o.sourcedId === school.rosterOrgId)
    : schoolsIn.find((o) => normalName(o.name) === normalName(school.name));
  if (!found) {
    const names = schoolsIn.map((o) => `${o.name} (${o.sourcedId})`).join(', ') || 'no school';
    throw new DomainError(
      'invalid',
      school.rosterOrgId
        ? `this bundle is from another school: it lists ${names}, and ${school.name}'s roster comes from org ${school.rosterOrgId}`
        : `this bundle is from another school: it lists ${names}, not ${school.name}`,
    );
  }
  return found;
}

/**
 * What importing the bundle would change (docs/architecture.md, "Roster sync"): read from the
 * school's records in a handful of queries and compared in memory, so a 2,000-pupil school's
 * bundle previews in about a second. Throws DomainError for a bundle from another school.
 */
export async function planImport(
  db: Database,
  schoolId: string,
  bundle: Bundle,
  parseErrors: ImportError[],
): Promise<RosterPlan> {
  const errors = [...parseErrors];
  const [school] = await db
    .select({ name: schools.name, rosterOrgId: schools.rosterOrgId })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new DomainError('not-found', 'no such school');
  const org = ourOrg(bundle, school);
  const ours = (orgId: string) => orgId === org.sourcedId;

  // The bundle's groups of this school.
  const classRows = bundle.classes.filter((c) => ours(c.schoolSourcedId));
  const classById = new Map(classRows.map((c) => [c.sourcedId, c]));
  const otherClasses = new Set(
    bundle.classes.filter((c) => !ours(c.schoolSourcedId)).map((c) => c.sourcedId),
  );
  const users = new Map(
    bundle.users.filter((u) => u.orgs.length === 0 || u.orgs.some(ours)).map((u) => [u.sourcedId, u]),
  );
  const otherUsers = new Set(bundle.users.filter((u) => !users.has(u.sourcedId)).map((u) => u.sourcedId));

  // Enrollments: students into groups, teachers to groups.
  const studentGroups = new Map<string, string[]>();
  const homeroomOf = new Map<string, { group: string; primary: boolean }>();
  const teaching: Array<{ teacher: string; group: string }> = [];
  let enrollments = 0;
  for (const e of bundle.enrollments) {
    if (!ours(e.schoolSourcedId) || otherClasses.has(e.classSourcedId) || otherUsers.has(e.userSourcedId))
      continue;
    const klass = classById.get(e.classSourcedId);
    const user = users.get(e.userSourcedId);
    if (!klass) {
      errors.push({
        file: 'enrollments.csv',
        line: e.line,
        error: `classSourcedId ${e.classSourcedId} is not in classes.csv`,
      });
      continue;
    }
    if (!user) {
      errors.push({
        file: 'enrollments.csv',
        line: e.line,
        error: `userSourcedId ${e.userSourcedId} is not in users.csv`,
      });
      continue;
    }
    if (e.role === 'student') {
      if (!user.roles.includes('student')) {
        errors.push({
          file: 'enrollments.csv',
          line: e.line,
          error: `${e.userSourcedId} is enrolled as a student but is not one in users.csv`,
        });
        continue;
      }
      const list = studentGroups.get(user.sourcedId) ?? [];
      list.push(klass.sourcedId);
      studentGroups.set(user.sourcedId, list);
      if (klass.classType === 'homeroom') {
        const primary = e.primary?.toLowerCase() === 'true';
        const held = homeroomOf.get(user.sourcedId);
        if (!held || (primary && !held.primary))
          homeroomOf.set(user.sourcedId, { group: klass.sourcedId, primary });
      }
      enrollments++;
    } else if (e.role === 'teacher' || e.role === 'aide') {
      teaching.push({ teacher: user.sourcedId, group: klass.sourcedId });
      enrollments++;
    }
  }

  // Pupils and teachers from users.
  const students = [...users.values()].filter((u) => u.roles.includes('student'));
  const teacherIds = new Set(teaching.map((t) => t.teacher));
  const teacherUsers = new Map(
    [...users.values()].filter((u) => teacherIds.has(u.sourcedId)).map((u) => [u.sourcedId, u]),
  );
  const emailOf = (u: { email: string | null; username: string | null }) => {
    const e = (u.email ?? (u.username && EMAIL.test(u.username) ? u.username : null))?.toLowerCase() ?? null;
    return e && EMAIL.test(e) ? e : null;
  };
  const nameOf = (u: Bundle['users'][number]) =>
    `${u.preferredGivenName ?? u.givenName} ${u.preferredFamilyName ?? u.familyName}`.trim() || u.sourcedId;

  const [current, currentGroups, currentStaff] = await Promise.all([
    db.select().from(pupils).where(eq(pupils.schoolId, schoolId)),
    db.select().from(classes).where(eq(classes.schoolId, schoolId)),
    db.select().from(staff).where(eq(staff.schoolId, schoolId)),
  ]);
  const members = await db
    .select({ pupilId: groupMembers.pupilId, classId: groupMembers.classId })
    .from(groupMembers)
    .innerJoin(classes, eq(classes.id, groupMembers.classId))
    .where(eq(classes.schoolId, schoolId));
  const groupByExternal = new Map(currentGroups.filter((g) => g.externalId).map((g) => [g.externalId!, g]));
  const groupById = new Map(currentGroups.map((g) => [g.id, g]));
  const pupilByExternal = new Map(current.filter((p) => p.externalId).map((p) => [p.externalId!, p]));
  const pupilByEmail = new Map(current.map((p) => [p.email, p]));
  const pupilById = new Map(current.map((p) => [p.id, p]));
  const staffByEmail = new Map(currentStaff.map((s) => [s.email, s]));

  // Addresses another school of this deployment holds: refused, line by line.
  const wanted = [...students.map(emailOf), ...[...teacherUsers.values()].map(emailOf)].filter(
    (e): e is string => e !== null,
  );
  const elsewhere = new Set<string>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const chunk = wanted.slice(i, i + 1000);
    for (const row of await db
      .select({ email: pupils.email })
      .from(pupils)
      .where(and(inArray(pupils.email, chunk), ne(pupils.schoolId, schoolId))))
      elsewhere.add(row.email);
    for (const row of await db
      .select({ email: staff.email })
      .from(staff)
      .where(and(inArray(staff.email, chunk), ne(staff.schoolId, schoolId))))
      elsewhere.add(row.email);
  }

  // Year groups for pupils with no homeroom (form) group.
  const yearGroups = new Map<string, PlannedGroup>();
  const plannedPupils: PlannedPupil[] = [];
  const seenEmails = new Map<string, number>();
  for (const u of students) {
    const email = emailOf(u);
    if (!email) {
      errors.push({
        file: 'users.csv',
        line: u.line,
        error: 'a pupil needs an e-mail address (the one they sign in with)',
      });
      continue;
    }
    if (elsewhere.has(email)) {
      errors.push({ file: 'users.csv', line: u.line, error: `${email} belongs to another school` });
      continue;
    }
    const twice = seenEmails.get(email);
    if (twice !== undefined) {
      errors.push({ file: 'users.csv', line: u.line, error: `${email} is also the e-mail of line ${twice}` });
      continue;
    }
    seenEmails.set(email, u.line);
    const grade = u.grades[0] ?? null;
    let home = homeroomOf.get(u.sourcedId)?.group;
    if (!home) {
      const yearId = `year:${grade ?? 'none'}`;
      if (!yearGroups.has(yearId)) {
        const n = grade ? Number(grade.replace(/\D/g, '')) : NaN;
        yearGroups.set(yearId, {
          externalId: yearId,
          name: grade && Number.isFinite(n) ? `Year ${n}` : grade ? `Year ${grade}` : 'No year group',
          kind: 'form',
          profile: profileOfGrade(grade) ?? DEFAULT_GROUP_PROFILE,
          existingId: null,
          changed: false,
        });
      }
      home = yearId;
    }
    const existing = pupilByExternal.get(u.sourcedId) ?? pupilByEmail.get(email) ?? null;
    plannedPupils.push({
      externalId: u.sourcedId,
      email,
      name: nameOf(u),
      grade,
      home,
      groups: [...new Set(studentGroups.get(u.sourcedId) ?? [])].sort(),
      existingId: existing?.id ?? null,
      changed: false,
    });
  }

  const teachers: RosterPlan['teachers'] = [];
  for (const u of teacherUsers.values()) {
    const email = emailOf(u);
    if (!email) {
      errors.push({
        file: 'users.csv',
        line: u.line,
        error: 'a teacher needs an e-mail address (the one they sign in with)',
      });
      continue;
    }
    if (elsewhere.has(email)) {
      errors.push({ file: 'users.csv', line: u.line, error: `${email} belongs to another school` });
      continue;
    }
    teachers.push({
      externalId: u.sourcedId,
      email,
      name: nameOf(u),
      existingId: staffByEmail.get(email)?.id ?? null,
    });
  }

  // Groups: each class of the school, and the year groups.
  const gradesOfGroup = new Map<string, Array<string | null>>();
  for (const p of plannedPupils)
    for (const g of p.groups) {
      const list = gradesOfGroup.get(g) ?? [];
      list.push(p.grade);
      gradesOfGroup.set(g, list);
    }
  const planned: PlannedGroup[] = [
    ...classRows.map((c) => ({
      externalId: c.sourcedId,
      name: c.title,
      kind: c.classType === 'homeroom' ? ('form' as const) : ('teaching' as const),
      profile:
        commonProfile(c.grades) ??
        commonProfile(gradesOfGroup.get(c.sourcedId) ?? []) ??
        DEFAULT_GROUP_PROFILE,
      existingId: null,
      changed: false,
    })),
    ...yearGroups.values(),
  ];
  for (const g of planned) {
    const held = groupByExternal.get(g.externalId);
    g.existingId = held?.id ?? null;
    g.changed =
      !!held &&
      (held.name !== g.name || held.kind !== g.kind || held.profile !== g.profile || held.endedAt !== null);
  }
  const plannedIds = new Set(planned.map((g) => g.externalId));
  const ending = currentGroups.filter((g) => g.externalId && !g.endedAt && !plannedIds.has(g.externalId));

  // Pupils moved: another home or another set of groups than stored.
  const groupsNow = new Map<string, Set<string>>();
  for (const m of members) {
    const ext = groupById.get(m.classId)?.externalId;
    if (!ext) continue;
    const set = groupsNow.get(m.pupilId) ?? new Set<string>();
    set.add(ext);
    groupsNow.set(m.pupilId, set);
  }
  const moved: RosterChanges['samples']['pupilsMoved'] = [];
  const added: string[] = [];
  let movedCount = 0;
  let unchanged = 0;
  let addedCount = 0;
  const plannedName = new Map(planned.map((g) => [g.externalId, g.name]));
  for (const p of plannedPupils) {
    const held = p.existingId ? (pupilById.get(p.existingId) ?? null) : null;
    if (!held || held.archivedAt) {
      addedCount++;
      if (added.length < SAMPLE) added.push(p.name);
      p.changed = true;
      continue;
    }
    const homeNow = groupById.get(held.classId);
    const setNow = [...(groupsNow.get(held.id) ?? [])].sort();
    const groupsChanged = setNow.join('\n') !== p.groups.join('\n');
    const homeChanged = homeNow?.externalId !== p.home;
    p.changed =
      groupsChanged ||
      homeChanged ||
      held.name !== p.name ||
      held.email !== p.email ||
      held.grade !== p.grade ||
      held.externalId !== p.externalId;
    if (groupsChanged || homeChanged) {
      movedCount++;
      if (moved.length < SAMPLE)
        moved.push({ name: p.name, from: homeNow?.name ?? '', to: plannedName.get(p.home) ?? p.home });
    } else unchanged++;
  }
  const inBundle = new Set(plannedPupils.map((p) => p.existingId).filter(Boolean));
  // Leaving: pupils an earlier roster sync brought who are no longer in it. Pupils added by hand
  // or by the MIS class CSV are left as they are.
  const leaving = current.filter((p) => p.externalId && !p.archivedAt && !inBundle.has(p.id));

  const terms = bundle.sessions
    .filter((s) => ['term', 'semester'].includes(s.type.toLowerCase()))
    .map((s) => ({ externalId: s.sourcedId, name: s.title, startsOn: s.startDate, endsOn: s.endDate }));

  const groupsAdded = planned.filter((g) => !g.existingId);
  return {
    org,
    changes: {
      kind: 'oneroster',
      version: bundle.version,
      org: { sourcedId: org.sourcedId, name: org.name },
      counts: {
        pupilsAdded: addedCount,
        pupilsMoved: movedCount,
        pupilsLeaving: leaving.length,
        pupilsUnchanged: unchanged,
        groupsAdded: groupsAdded.length,
        groupsEnded: ending.length,
        teachersAdded: teachers.filter((t) => !t.existingId).length,
        enrollments,
        terms: terms.length,
        lessons: 0,
      },
      samples: {
        pupilsAdded: added,
        pupilsMoved: moved,
        pupilsLeaving: leaving.slice(0, SAMPLE).map((p) => p.name),
        groupsAdded: groupsAdded.slice(0, SAMPLE).map((g) => g.name),
        groupsEnded: ending.slice(0, SAMPLE).map((g) => g.name),
      },
      errors: errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1)),
      applied: false,
    },
    groups: planned,
    endGroupIds: ending.map((g) => g.id),
    teachers,
    teaching: teaching.filter((t) => teachers.some((x) => x.externalId === t.teacher)),
    pupils: plannedPupils,
    leavingIds: leaving.map((p) => p.id),
    terms,
  };
}
