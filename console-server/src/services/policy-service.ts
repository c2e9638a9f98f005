import { and, eq } from 'drizzle-orm';
import { PolicySchema, type LessonOverride, type Policy, type Profile } from '@waymark/shared';
import type { Database } from '../db/open-database';
import { policies, schools } from '../db/schema';
import type { StoredPolicyBody } from '../seed/starter-policies';

export interface PolicyServiceDeps {
  db: Database;
}

/** A profile's policy, as stored, plus the parts that belong to the school and the moment. */
export function createPolicyService({ db }: PolicyServiceDeps) {
  return {
    async policyFor(
      schoolId: string,
      profile: Profile,
      extraAlwaysAllowed: string[] = [],
      overrides: LessonOverride[] = [],
    ): Promise<Policy> {
      const [row] = await db
        .select({ body: policies.body, version: policies.version, signIn: schools.signInDomains })
        .from(policies)
        .innerJoin(schools, eq(schools.id, policies.schoolId))
        .where(and(eq(policies.schoolId, schoolId), eq(policies.profile, profile)));
      if (!row) throw new Error(`school ${schoolId} has no ${profile} policy`);
      return PolicySchema.parse({
        ...(row.body as StoredPolicyBody),
        version: row.version,
        alwaysAllowed: [...extraAlwaysAllowed, ...row.signIn],
        overrides: overrides.map(({ id, classId, kind, sites, startsAt, endsAt, createdBy }) => ({
          id,
          classId,
          kind,
          sites,
          startsAt,
          endsAt,
          createdBy,
        })),
      });
    },

    /** Replaces a profile's lists; the version goes up so devices can report what they applied. */
    async update(
      schoolId: string,
      profile: Profile,
      body: StoredPolicyBody,
      updatedBy: string,
    ): Promise<number> {
      return db.transaction(async (tx) => {
        const [current] = await tx
          .select({ version: policies.version })
          .from(policies)
          .where(and(eq(policies.schoolId, schoolId), eq(policies.profile, profile)));
        const version = (current?.version ?? 0) + 1;
        await tx
          .insert(policies)
          .values({ schoolId, profile, version, body, updatedBy })
          .onConflictDoUpdate({
            target: [policies.schoolId, policies.profile],
            set: { version, body, updatedBy, updatedAt: new Date() },
          });
        return version;
      });
    },
  };
}
export type PolicyService = ReturnType<typeof createPolicyService>;
