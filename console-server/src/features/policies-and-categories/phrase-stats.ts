import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { PhraseCount, Staff, StoredEvent } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { events, falsePositives, phraseCounts } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';

type Phrase = { category: string; phrase: string };

/** The phrases that matched an event (one each), as the server's matcher recorded them. */
function phrasesOf(details: Record<string, unknown>): Phrase[] {
  const matches = Array.isArray(details.matches) ? (details.matches as Array<Record<string, unknown>>) : [];
  const seen = new Map<string, Phrase>();
  for (const m of matches)
    if (typeof m.phrase === 'string' && typeof m.category === 'string')
      seen.set(`${m.category}|${m.phrase}`, { category: m.category, phrase: m.phrase });
  return [...seen.values()];
}

/**
 * How each phrase does at a school: how many events it flagged, and how many of those the DSL
 * marked as false positives, so the lists can be tuned. Counted as events arrive (kept when the
 * events themselves are purged); a false positive is recorded once per event, with who and when.
 */
export function createPhraseStats({ db }: { db: Database }) {
  async function add(schoolId: string, phrases: Phrase[], column: 'hits' | 'falsePositives') {
    for (const p of phrases) {
      await db
        .insert(phraseCounts)
        .values({ schoolId, category: p.category, phrase: p.phrase, [column]: 1 })
        .onConflictDoUpdate({
          target: [phraseCounts.schoolId, phraseCounts.category, phraseCounts.phrase],
          set: { [column]: sql`${phraseCounts[column]} + 1` },
        });
    }
  }

  return {
    /** Counts a newly stored event's phrases (called once per event, when it is first stored). */
    async recordHits(event: StoredEvent): Promise<void> {
      const phrases = phrasesOf(event.details);
      if (phrases.length) await add(event.schoolId, phrases, 'hits');
    },

    /** The DSL marks a flagged event as a false positive: recorded once, with who and when. */
    async markFalsePositive(who: Staff, eventId: string) {
      const [event] = await db
        .select({ details: events.details })
        .from(events)
        .where(and(eq(events.id, eventId), eq(events.schoolId, who.schoolId)));
      if (!event) throw new DomainError('not-found', 'no such event');
      const phrases = phrasesOf(event.details as Record<string, unknown>);
      if (!phrases.length) throw new DomainError('invalid', 'eventId: the event was not flagged by a phrase');
      const [marked] = await db
        .insert(falsePositives)
        .values({ eventId, schoolId: who.schoolId, markedBy: who.id, markedByName: who.name, phrases })
        .onConflictDoNothing()
        .returning();
      if (marked) await add(who.schoolId, phrases, 'falsePositives');
      const [row] = await db.select().from(falsePositives).where(eq(falsePositives.eventId, eventId));
      return {
        eventId,
        markedByName: row!.markedByName,
        markedAt: row!.markedAt.toISOString(),
        phrases: row!.phrases,
        recorded: Boolean(marked),
      };
    },

    /** Which of these events the DSL has marked. */
    async marked(schoolId: string, eventIds: readonly string[]): Promise<string[]> {
      if (!eventIds.length) return [];
      const rows = await db
        .select({ eventId: falsePositives.eventId })
        .from(falsePositives)
        .where(and(eq(falsePositives.schoolId, schoolId), inArray(falsePositives.eventId, [...eventIds])));
      return rows.map((r) => r.eventId);
    },

    /** The school's phrases that have flagged anything, most hits first. */
    async counts(schoolId: string): Promise<PhraseCount[]> {
      return db
        .select({
          category: phraseCounts.category,
          phrase: phraseCounts.phrase,
          hits: phraseCounts.hits,
          falsePositives: phraseCounts.falsePositives,
        })
        .from(phraseCounts)
        .where(and(eq(phraseCounts.schoolId, schoolId), gt(phraseCounts.hits, 0)))
        .orderBy(desc(phraseCounts.hits), phraseCounts.phrase)
        .limit(500);
    },
  };
}
export type PhraseStats = ReturnType<typeof createPhraseStats>;
