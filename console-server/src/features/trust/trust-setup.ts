import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_TIME_ZONE, PROFILES, type Country, type Role, type TRUST_ROLES } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { policies, schools, staff, trusts } from '../../db/schema';
import { hashPassword, newSecret } from '../auth-and-accounts';
import { starterPolicy } from '../../seed/starter-policies';
import { defaultPupilLocale, defaultSignInDomains } from '../../seed/welsh-school';

/** A mistake in what was asked (unknown trust, taken id or e-mail): said to the person, not a crash. */
export class SetupError extends Error {}

const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

function checkId(kind: string, id: string) {
  if (!ID.test(id))
    throw new SetupError(`${kind} id "${id}" must be 2-63 lower-case letters, digits and dashes`);
}

/** Creates a trust (a multi-academy trust or local authority) to put schools in. */
export async function createTrust(db: Database, { id, name }: { id: string; name: string }) {
  checkId('trust', id);
  const [taken] = await db.select({ id: trusts.id }).from(trusts).where(eq(trusts.id, id));
  if (taken) throw new SetupError(`there is already a trust "${id}"`);
  await db.insert(trusts).values({ id, name });
}

async function requireTrust(db: Database, trustId: string) {
  const [trust] = await db.select().from(trusts).where(eq(trusts.id, trustId));
  if (!trust) throw new SetupError(`there is no trust "${trustId}" (create it first: waymark trust create)`);
  return trust;
}

async function newAccount(
  db: Database,
  account: { schoolId: string; email: string; name: string; role: Role; password?: string },
) {
  const email = account.email.toLowerCase();
  const [taken] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
  if (taken) throw new SetupError(`${email} already has an account`);
  const password = account.password ?? newSecret(12);
  await db.insert(staff).values({
    id: uuidv7(),
    schoolId: account.schoolId,
    email,
    name: account.name,
    role: account.role,
    passwordHash: await hashPassword(password),
  });
  return { email, password, generated: account.password === undefined };
}

/**
 * Creates a school with the starter policy for every key stage and its first admin account (who
 * then adds the school's staff, classes and devices from the console). In a trust when `trustId`
 * is given. Returns the admin's password (generated unless one was given), to be passed on once.
 */
export async function createSchool(
  db: Database,
  school: {
    id: string;
    name: string;
    trustId?: string;
    timeZone?: string;
    signInDomains?: string[];
    /** A Welsh school gets Hwb on every profile, Hwb's sign-in domains, and Welsh pupils' pages. */
    country?: Country;
    admin: { email: string; name: string; password?: string };
  },
) {
  checkId('school', school.id);
  if (school.trustId) await requireTrust(db, school.trustId);
  const [taken] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, school.id));
  if (taken) throw new SetupError(`there is already a school "${school.id}"`);
  const timeZone = school.timeZone ?? DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw new SetupError(`unknown time zone "${timeZone}" (use an IANA name such as Europe/London)`);
  }
  const country = school.country ?? 'england';
  await db.insert(schools).values({
    id: school.id,
    name: school.name,
    trustId: school.trustId ?? null,
    timeZone,
    country,
    pupilLocale: defaultPupilLocale(country),
    signInDomains: school.signInDomains ?? defaultSignInDomains(country),
  });
  await db.insert(policies).values(
    PROFILES.map((profile) => ({
      schoolId: school.id,
      profile,
      version: 1,
      body: starterPolicy(profile, timeZone, country),
      updatedBy: 'starter policy',
    })),
  );
  return newAccount(db, { ...school.admin, schoolId: school.id, role: 'admin' });
}

/** Puts an existing school in a trust (or, with null, takes it out of one). */
export async function setSchoolTrust(db: Database, schoolId: string, trustId: string | null) {
  if (trustId) await requireTrust(db, trustId);
  const rows = await db.update(schools).set({ trustId }).where(eq(schools.id, schoolId)).returning();
  if (rows.length === 0) throw new SetupError(`there is no school "${schoolId}"`);
}

/**
 * A trust-level account (trust safeguarding lead, trust reporting). Its home is one school of the
 * trust, which is how it belongs to the trust; it sees every school of that trust, and no other.
 */
export async function addTrustStaff(
  db: Database,
  account: {
    trustId: string;
    schoolId: string;
    email: string;
    name: string;
    role: (typeof TRUST_ROLES)[number];
    password?: string;
  },
) {
  await requireTrust(db, account.trustId);
  const [school] = await db.select().from(schools).where(eq(schools.id, account.schoolId));
  if (!school || school.trustId !== account.trustId)
    throw new SetupError(`there is no school "${account.schoolId}" in the trust "${account.trustId}"`);
  return newAccount(db, account);
}

/** Every trust with its schools, and the schools in none. */
export async function listTrusts(db: Database) {
  const allTrusts = await db.select().from(trusts).orderBy(trusts.name);
  const allSchools = await db
    .select({ id: schools.id, name: schools.name, trustId: schools.trustId })
    .from(schools);
  return {
    trusts: allTrusts.map((t) => ({
      id: t.id,
      name: t.name,
      schools: allSchools.filter((s) => s.trustId === t.id).map(({ id, name }) => ({ id, name })),
    })),
    standalone: allSchools.filter((s) => s.trustId === null).map(({ id, name }) => ({ id, name })),
  };
}
