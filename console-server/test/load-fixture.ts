import { v7 as uuidv7 } from 'uuid';
import { PROFILES } from '@waymark/shared';
import type { Database } from '../src';
import { seedDemoSchool, DEMO_SCHOOL_ID } from '../src';
import { hashSecret, newSecret } from '../src/features/auth-and-accounts/tokens';
import { classes, classTeachers, devices, sessions, staff } from '../src/db/schema';
import { SESSION_COOKIE } from '../src/http/session-cookie';
import { SESSION_MAX_MS } from '../src/features/auth-and-accounts/staff-service';

/** What the load benchmark's clients need: who each device is, and a signed-in teacher per class. */
export interface LoadFixture {
  devices: Array<{ deviceToken: string; classId: string }>;
  consoles: Array<{ cookie: string; classId: string }>;
  /** The DSL, who watches every class of the school at once. */
  dslCookie: string;
}

const CHUNK = 1000;
const PUPIL_PROFILES = PROFILES.filter((p) => p !== 'staff');

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * A school the size the benchmark asks for, written straight into the database: `deviceCount`
 * enrolled devices in classes of `perClass`, each class with its teacher, every teacher and the
 * DSL signed in (sessions made here, as sign-in would make them, without a password hash per
 * teacher). Devices enrolled this way connect with their device token, as enrolled devices do.
 */
export async function seedLoadFixture(
  db: Database,
  { deviceCount, perClass = 30 }: { deviceCount: number; perClass?: number },
): Promise<LoadFixture> {
  await seedDemoSchool(db);
  const classCount = Math.ceil(deviceCount / perClass);
  const classRows = Array.from({ length: classCount }, (_, i) => ({
    id: `load-class-${i}`,
    schoolId: DEMO_SCHOOL_ID,
    name: `Load class ${i + 1}`,
    profile: PUPIL_PROFILES[i % PUPIL_PROFILES.length]!,
  }));
  const teacherRows = classRows.map((c, i) => ({
    id: `load-teacher-${i}`,
    schoolId: DEMO_SCHOOL_ID,
    email: `load.teacher.${i}@demo.waymark.test`,
    name: `Load Teacher ${i + 1}`,
    role: 'teacher' as const,
    passwordHash: null,
    classId: c.id,
  }));
  const expiresAt = new Date(Date.now() + SESSION_MAX_MS);
  const signIn = (staffId: string) => {
    const token = newSecret();
    return {
      row: { tokenHash: hashSecret(token), staffId, expiresAt },
      cookie: `${SESSION_COOKIE}=${token}`,
    };
  };
  const teacherSessions = teacherRows.map((t) => signIn(t.id));
  const dslSession = signIn('staff-dsl');
  const deviceTokens = Array.from({ length: deviceCount }, () => newSecret());
  const deviceRows = deviceTokens.map((token, i) => ({
    id: uuidv7(),
    schoolId: DEMO_SCHOOL_ID,
    tokenHash: hashSecret(token),
    name: `Load Chromebook ${i + 1}`,
    classId: classRows[Math.floor(i / perClass)]!.id,
  }));

  await inChunks(classRows, (chunk) => db.insert(classes).values(chunk));
  await inChunks(teacherRows, (chunk) => db.insert(staff).values(chunk.map(({ classId: _, ...t }) => t)));
  await inChunks(teacherRows, (chunk) =>
    db.insert(classTeachers).values(chunk.map((t) => ({ classId: t.classId, staffId: t.id }))),
  );
  await inChunks([...teacherSessions, dslSession], (chunk) =>
    db.insert(sessions).values(chunk.map((s) => s.row)),
  );
  await inChunks(deviceRows, (chunk) => db.insert(devices).values(chunk));

  return {
    devices: deviceRows.map((d, i) => ({ deviceToken: deviceTokens[i]!, classId: d.classId })),
    consoles: teacherRows.map((t, i) => ({ cookie: teacherSessions[i]!.cookie, classId: t.classId })),
    dslCookie: dslSession.cookie,
  };
}
