import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { reviewPacks } from '../../../db/schema';
import type { EvidenceProvider } from '../evidence';

const DAY = 86_400_000;
/** A review is due a year after the last one was signed; "at risk" in its last month. */
const DUE_SOON_DAYS = 30;

export function nextReviewDue(lastSigned: Date): Date {
  const due = new Date(lastSigned);
  due.setUTCFullYear(due.getUTCFullYear() + 1);
  return due;
}

/** DfE: filtering and monitoring are reviewed at least once a year (the signed review packs). */
export const annualReview: EvidenceProvider = {
  id: 'annual-review',
  async collect({ db, schoolId, now }) {
    const [last] = await db
      .select({ signedAt: reviewPacks.signedAt })
      .from(reviewPacks)
      .where(and(eq(reviewPacks.schoolId, schoolId), isNotNull(reviewPacks.signedAt)))
      .orderBy(desc(reviewPacks.signedAt))
      .limit(1);
    const base = { id: 'annual-review', standard: 'review', fix: '/compliance/review' } as const;
    if (!last?.signedAt)
      return {
        ...base,
        status: 'not-met',
        reason: 'never',
        figures: [
          { key: 'lastReview', value: null },
          { key: 'nextDue', value: null },
        ],
      };
    const due = nextReviewDue(last.signedAt);
    const figures = [
      { key: 'lastReview', value: last.signedAt.toISOString() },
      { key: 'nextDue', value: due.toISOString() },
    ];
    if (due <= now) return { ...base, status: 'not-met', reason: 'overdue', figures };
    if (due.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY)
      return { ...base, status: 'at-risk', reason: 'due-soon', figures };
    return { ...base, status: 'met', reason: 'in-date', figures };
  },
};
