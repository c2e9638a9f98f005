import { eq } from 'drizzle-orm';
import {
  keywordFlagger,
  STARTER_KEYWORDS,
  type Category,
  type KeywordLists,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../db/open-database';
import { policyChanges, schools } from '../db/schema';
import { parseKeywordList } from '../imports/category-importers';

/**
 * How long a process keeps a school's lists before reading them again: with several processes on
 * one database, an import made through another process is in use here within this time.
 */
const KEYWORDS_TTL_MS = 60_000;

/** Each school's search keyword lists (starter lists until it imports its own), and their flaggers. */
export function createKeywordService({ db }: { db: Database }) {
  const flaggers = new Map<
    string,
    { lists: KeywordLists; flag: (query: string) => Category[]; until: number }
  >();

  async function lists(schoolId: string): Promise<KeywordLists> {
    const cached = flaggers.get(schoolId);
    if (cached && cached.until > Date.now()) return cached.lists;
    const [school] = await db
      .select({ lists: schools.keywordLists })
      .from(schools)
      .where(eq(schools.id, schoolId));
    const current = (school?.lists as KeywordLists | null) ?? STARTER_KEYWORDS;
    flaggers.set(schoolId, {
      lists: current,
      flag: keywordFlagger(current),
      until: Date.now() + KEYWORDS_TTL_MS,
    });
    return current;
  }

  return {
    lists,

    async flag(schoolId: string, query: string): Promise<Category[]> {
      await lists(schoolId);
      return flaggers.get(schoolId)!.flag(query);
    },

    /** Adds keywords to a category (one word or phrase per line), as an audited change. */
    async import(who: Staff, category: Category, content: string, reason: string) {
      const parsed = parseKeywordList(content);
      const current = await lists(who.schoolId);
      const existing = new Set(current[category] ?? []);
      const fresh = [...new Set(parsed.keywords)].filter((k) => !existing.has(k));
      const next: KeywordLists = { ...current, [category]: [...(current[category] ?? []), ...fresh] };
      await db.transaction(async (tx) => {
        await tx.update(schools).set({ keywordLists: next }).where(eq(schools.id, who.schoolId));
        await tx.insert(policyChanges).values({
          schoolId: who.schoolId,
          profile: 'keywords',
          version: 0,
          changedBy: who.id,
          changedByName: who.name,
          reason,
          summary: fresh.length
            ? [`${category} keywords: added ${fresh.length <= 10 ? fresh.join(', ') : `${fresh.length}`}`]
            : [],
          before: current,
          after: next,
        });
      });
      flaggers.delete(who.schoolId);
      return { added: fresh.length, alreadyListed: parsed.keywords.length - fresh.length, bad: parsed.bad };
    },
  };
}
export type KeywordService = ReturnType<typeof createKeywordService>;
