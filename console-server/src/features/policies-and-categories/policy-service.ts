import { and, desc, eq, sql } from 'drizzle-orm';
import {
  allowsNamingIllegal,
  type CategoryEntries,
  type ChangeLogSubject,
  helpSitesOnIllegalLists,
  policyDiff,
  PolicySchema,
  type LessonOverride,
  type Policy,
  type PolicyBody,
  type Profile,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { policies, policyChanges, schools } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';

/** A profile's policy as edited: category lists are not part of it (they live in the category store). */
type PolicyEdit = Omit<PolicyBody, 'categoryLists'> & { categoryLists?: PolicyBody['categoryLists'] };

/** A stored body without category lists (a body saved before the store may still carry them). */
function withoutLists(body: PolicyBody): PolicyBody {
  return { ...body, categoryLists: {} };
}

interface PolicyServiceDeps {
  db: Database;
  /** The school's illegal-category lists (from the category store): an allow naming one is refused. */
  illegalLists?: (schoolId: string) => Promise<CategoryEntries>;
}

/** A profile's policy, as stored, plus the parts that belong to the school and the moment. */
export function createPolicyService({ db, illegalLists = async () => ({}) }: PolicyServiceDeps) {
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
        ...withoutLists(row.body as PolicyBody),
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

    async body(
      schoolId: string,
      profile: Profile,
    ): Promise<{ body: PolicyBody; version: number; updatedAt: Date; updatedBy: string | null }> {
      const [row] = await db
        .select()
        .from(policies)
        .where(and(eq(policies.schoolId, schoolId), eq(policies.profile, profile)));
      if (!row) throw new Error(`school ${schoolId} has no ${profile} policy`);
      return {
        body: withoutLists(row.body as PolicyBody),
        version: row.version,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      };
    },

    async summaries(schoolId: string) {
      return db
        .select({
          profile: policies.profile,
          version: policies.version,
          updatedAt: policies.updatedAt,
          updatedBy: policies.updatedBy,
          mode: sql<PolicyBody['mode']>`${policies.body}->>'mode'`,
          allowCount: sql<number>`jsonb_array_length(${policies.body}->'allow')`.mapWith(Number),
          blockCount: sql<number>`jsonb_array_length(${policies.body}->'block')`.mapWith(Number),
          blockedCategoryCount:
            sql<number>`(select count(*) from jsonb_each(${policies.body}->'categories') c where c.value->>'action' = 'block')`.mapWith(
              Number,
            ),
        })
        .from(policies)
        .where(eq(policies.schoolId, schoolId))
        .orderBy(policies.profile);
    },

    /**
     * Replaces a profile's lists and records the change (who, when, what, why) in the same
     * transaction; the version goes up so devices can report what they applied.
     */
    async update(who: Staff, profile: Profile, edited: PolicyEdit, reason: string, expectedVersion?: number) {
      // Read before the transaction: the store is read through the database, not the transaction.
      const illegal = edited.allow.length > 0 ? await illegalLists(who.schoolId) : {};
      return db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(policies)
          .where(and(eq(policies.schoolId, who.schoolId), eq(policies.profile, profile)));
        if (expectedVersion !== undefined && (current?.version ?? 0) !== expectedVersion)
          throw new DomainError(
            'conflict',
            `${profile} was changed by ${current?.updatedBy ?? 'someone else'} (now version ${current?.version ?? 0}, you started from version ${expectedVersion}); reload it and make your change again`,
          );
        const version = (current?.version ?? 0) + 1;
        const before = current ? withoutLists(current.body as PolicyBody) : null;
        // Category data is never stored in a policy: it lives in the category store.
        const { categoryLists: _ignored, ...rest } = edited;
        const body = rest as Omit<PolicyBody, 'categoryLists'>;
        const summary = before ? policyDiff(before, withoutLists(body as PolicyBody)) : ['policy created'];
        refuseIllegalOpenings(before, body, illegal);
        refuseHelpSitesOnIllegalLists(edited.categoryLists ?? {});
        await tx
          .insert(policies)
          .values({ schoolId: who.schoolId, profile, version, body, updatedBy: who.name })
          .onConflictDoUpdate({
            target: [policies.schoolId, policies.profile],
            set: { version, body, updatedBy: who.name, updatedAt: new Date() },
          });
        await tx.insert(policyChanges).values({
          schoolId: who.schoolId,
          profile,
          version,
          changedBy: who.id,
          changedByName: who.name,
          reason,
          summary,
          before,
          after: body,
        });
        return { version, summary };
      });
    },

    async changeLog(schoolId: string, filter: { profile?: ChangeLogSubject } = {}, limit = 500) {
      return db
        .select({
          id: policyChanges.id,
          profile: policyChanges.profile,
          version: policyChanges.version,
          changedByName: policyChanges.changedByName,
          reason: policyChanges.reason,
          summary: policyChanges.summary,
          at: policyChanges.at,
        })
        .from(policyChanges)
        .where(
          and(
            eq(policyChanges.schoolId, schoolId),
            filter.profile ? eq(policyChanges.profile, filter.profile) : undefined,
          ),
        )
        .orderBy(desc(policyChanges.at), desc(policyChanges.id))
        .limit(limit);
    },
  };
}
/**
 * docs/architecture.md, "Illegal content is always blocked". An edit may not add an allow-list
 * entry naming a site on an illegal list (it could never open it, and would look as if it did);
 * the lists are the category store's. Only what this edit adds is checked: an entry stored before
 * a list named it stays, and never opens the site. (Help sites on an illegal list are refused where
 * lists enter the store: uploads and feeds.)
 */
function refuseIllegalOpenings(
  before: Pick<PolicyBody, 'allow'> | null,
  after: Pick<PolicyBody, 'allow'>,
  illegal: CategoryEntries,
): void {
  const had = new Set(before?.allow ?? []);
  const [named] = allowsNamingIllegal(
    { categoryLists: illegal },
    after.allow.filter((f) => !had.has(f)),
  );
  if (named)
    throw new DomainError(
      'illegal-category',
      `"${named.filter}" is in an illegal category, which is blocked for everyone whatever the allow-list says; take it off the allow-list`,
    );
}

/**
 * An edit carrying lists is not how lists change (they are ignored: the category store holds them),
 * but one putting a help site on an illegal list is refused all the same, with why, rather than
 * taken silently: the person meant it, and it would block the help link of every block page.
 */
function refuseHelpSitesOnIllegalLists(lists: PolicyBody['categoryLists']): void {
  const [help] = helpSitesOnIllegalLists(lists);
  if (help)
    throw new DomainError(
      'invalid',
      `"${help.filter}" would put ${help.helpSite}, a help site every block page points to, on the ${help.category} list; help sites are never on an illegal list`,
    );
}

export type PolicyService = ReturnType<typeof createPolicyService>;
