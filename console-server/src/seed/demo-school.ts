import { type Country, DEFAULT_TIME_ZONE, PROFILES } from '@waymark/shared';
import type { Database } from '../db/open-database';
import { classes, classTeachers, enrollmentTokens, policies, pupils, schools, staff } from '../db/schema';
import { hashPassword, hashSecret } from '../features/auth-and-accounts';
import { starterPolicy } from './starter-policies';
import { defaultPupilLocale, defaultSignInDomains } from './welsh-school';

export const DEMO_SCHOOL_ID = 'demo';
export const DEMO_PASSWORD = 'waymark-demo';
/** Printed at start-up and used by the demo extension build: not a secret, and only for the demo school. */
export const DEMO_ENROLLMENT_TOKENS = {
  year2: 'demo-enrol-year2',
  reception: 'demo-enrol-reception',
  year5: 'demo-enrol-year5',
} as const;

export const DEMO_ACCOUNTS = [
  { id: 'staff-teacher', email: 'teacher@demo.waymark.test', name: 'Ms Amira Khan', role: 'teacher' },
  { id: 'staff-teacher-rec', email: 'reception@demo.waymark.test', name: 'Mr Owen Price', role: 'teacher' },
  { id: 'staff-dsl', email: 'dsl@demo.waymark.test', name: 'Mrs Helen Jones', role: 'dsl' },
  { id: 'staff-deputy-dsl', email: 'deputy.dsl@demo.waymark.test', name: 'Mr Gareth Lloyd', role: 'dsl' },
  { id: 'staff-tech', email: 'tech@demo.waymark.test', name: 'Mr Sam Patel', role: 'technician' },
  { id: 'staff-governor', email: 'governor@demo.waymark.test', name: 'Dr Rhian Evans', role: 'governor' },
  // The head teacher: the senior leader responsible for filtering and monitoring.
  { id: 'staff-head', email: 'head@demo.waymark.test', name: 'Mrs Catherine Ellis', role: 'senior-leader' },
  { id: 'staff-admin', email: 'admin@demo.waymark.test', name: 'Mrs Carys Bevan', role: 'admin' },
] as const;

const CLASSES = [
  {
    id: 'class-reception',
    name: 'Reception (Robins)',
    profile: 'EYFS',
    teacher: 'staff-teacher-rec',
    token: 'reception',
  },
  { id: 'class-year2', name: 'Year 2 (Owls)', profile: 'KS1', teacher: 'staff-teacher', token: 'year2' },
  { id: 'class-year5', name: 'Year 5 (Kestrels)', profile: 'KS2', teacher: 'staff-teacher', token: 'year5' },
] as const;

const PUPILS: Record<(typeof CLASSES)[number]['id'], string[]> = {
  'class-reception': ['Alfie Hughes', 'Isla Morgan', 'Noah Williams', 'Ava Davies'],
  'class-year2': [
    'Oliver Thomas',
    'Amelia Roberts',
    'Harry Lewis',
    'Mia Walker',
    'Leo Edwards',
    'Poppy Wright',
  ],
  'class-year5': [
    'George Hall',
    'Freya Green',
    'Jacob Wood',
    'Evie Clarke',
    'Oscar Turner',
    'Lily Hill',
    'Arlo Scott',
  ],
};

/** The demo school's name: the English demo, or the Welsh one (`WAYMARK_DEMO_COUNTRY=wales`). */
const DEMO_SCHOOL_NAMES: Record<Country, string> = {
  england: 'Waymark Demo Primary School',
  wales: 'Ysgol Gynradd Demo Waymark',
};

/**
 * Seeds the demo school on first run; does nothing when any school exists. A Welsh demo school
 * is set up as `waymark school create --country wales` sets one up.
 */
export async function seedDemoSchool(db: Database, country: Country = 'england'): Promise<boolean> {
  const existing = await db.select({ id: schools.id }).from(schools).limit(1);
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(schools).values({
      id: DEMO_SCHOOL_ID,
      name: DEMO_SCHOOL_NAMES[country],
      country,
      pupilLocale: defaultPupilLocale(country),
      signInDomains: defaultSignInDomains(country),
    });
    await tx.insert(staff).values(
      DEMO_ACCOUNTS.map((a) => ({
        ...a,
        schoolId: DEMO_SCHOOL_ID,
        passwordHash,
        // The deputy DSL: alerts the DSL has not acknowledged escalate to him.
        deputyDsl: a.id === 'staff-deputy-dsl',
      })),
    );
    for (const c of CLASSES) {
      await tx
        .insert(classes)
        .values({ id: c.id, schoolId: DEMO_SCHOOL_ID, name: c.name, profile: c.profile });
      await tx.insert(classTeachers).values({ classId: c.id, staffId: c.teacher });
      await tx.insert(pupils).values(
        PUPILS[c.id].map((name) => ({
          id: `pupil-${name.toLowerCase().replace(/\W+/g, '-')}`,
          schoolId: DEMO_SCHOOL_ID,
          name,
          email: `${name.toLowerCase().replace(/\W+/g, '.')}@pupils.demo.waymark.test`,
          classId: c.id,
        })),
      );
      await tx.insert(enrollmentTokens).values({
        id: `token-${c.token}`,
        schoolId: DEMO_SCHOOL_ID,
        tokenHash: hashSecret(DEMO_ENROLLMENT_TOKENS[c.token]),
        label: `${c.name} devices`,
        classId: c.id,
      });
    }
    await tx.insert(policies).values(
      PROFILES.map((profile) => ({
        schoolId: DEMO_SCHOOL_ID,
        profile,
        version: 1,
        body: starterPolicy(profile, DEFAULT_TIME_ZONE, country),
        updatedBy: 'starter policy',
      })),
    );
  });
  return true;
}
