import { eq } from 'drizzle-orm';
import {
  createDetector,
  schoolPhrasesFrom,
  type Category,
  type Detection,
  type KeywordLists,
  type Matcher,
  type Profile,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { policyChanges, schools } from '../../db/schema';
import { parseKeywordList } from './category-importers';

/**
 * How long a process keeps a school's lists before reading them again: with several processes on
 * one database, an import made through another process is in use here within this time.
 */
const KEYWORDS_TTL_MS = 60_000;

/**
 * Each school's own phrases (what it imported, on top of the phrase library every school has), and
 * the matcher compiled from the library and them.
 */
export function createKeywordService({ db }: { db: Database }) {
  const flaggers = new Map<string, { lists: KeywordLists; detector: Matcher; until: number }>();

  /** Reads under way: devices connecting together share one read (and one detector build). */
  const reading = new Map<string, Promise<KeywordLists>>();

  function lists(schoolId: string): Promise<KeywordLists> {
    const cached = flaggers.get(schoolId);
    if (cached && cached.until > Date.now()) return Promise.resolve(cached.lists);
    let read = reading.get(schoolId);
    if (!read) {
      read = readLists(schoolId).finally(() => reading.delete(schoolId));
      reading.set(schoolId, read);
    }
    return read;
  }

  async function readLists(schoolId: string): Promise<KeywordLists> {
    const [school] = await db
      .select({ lists: schools.keywordLists })
      .from(schools)
      .where(eq(schools.id, schoolId));
    const current = (school?.lists as KeywordLists | null) ?? {};
    const previous = flaggers.get(schoolId);
    const detector =
      previous && JSON.stringify(previous.lists) === JSON.stringify(current)
        ? previous.detector
        : createDetector({ phrases: schoolPhrasesFrom(current) });
    flaggers.set(schoolId, { lists: current, detector, until: Date.now() + KEYWORDS_TTL_MS });
    return current;
  }

  return {
    lists,

    /** The library and the school's phrases on a text; whose search it is decides a few sections (circumvention: pupils only). */
    async flag(schoolId: string, query: string, profile?: Profile): Promise<Detection> {
      await lists(schoolId);
      return flaggers.get(schoolId)!.detector.match(query, profile ? { profile } : {});
    },

    /** Adds phrases to a category (one per line, optionally with a risk), as an audited change. */
    async import(who: Staff, category: Category, content: string, reason: string) {
      const parsed = parseKeywordList(content);
      const current = await lists(who.schoolId);
      // One line per phrase: a phrase imported again with another risk takes the new risk.
      const phraseOf = (line: string) => line.replace(/, (high|medium|low)$/, '');
      const byPhrase = new Map((current[category] ?? []).map((line) => [phraseOf(line), line]));
      const fresh = [...new Set(parsed.keywords)].filter((line) => byPhrase.get(phraseOf(line)) !== line);
      for (const line of fresh) byPhrase.set(phraseOf(line), line);
      const next: KeywordLists = { ...current, [category]: [...byPhrase.values()] };
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
            ? [`${category} keywords: added ${fresh.length <= 10 ? fresh.join('; ') : `${fresh.length}`}`]
            : [],
          before: current,
          after: next,
        });
      });
      flaggers.delete(who.schoolId);
      reading.delete(who.schoolId);
      return { added: fresh.length, alreadyListed: parsed.keywords.length - fresh.length, bad: parsed.bad };
    },
  };
}
export type KeywordService = ReturnType<typeof createKeywordService>;
