import { count, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/open-database';
import { incidentHistory } from '../../db/schema';
import { GENESIS } from './hash-chain';

export interface ChainHead {
  schoolId: string;
  /** The hash of the school's latest log entry (GENESIS when the log is empty). */
  hash: string;
  entryId: number | null;
  entries: number;
  at: string | null;
}

/**
 * The head of a school's incident-log chain: printed outside the database (each weekly digest
 * e-mail, the annual review pack) so `npx waymark verify-log --since-anchor <hash>` can later prove
 * nothing before it was rewritten, even by someone who recomputed every hash after it.
 */
export async function chainHead(db: Database, schoolId: string): Promise<ChainHead> {
  const [last] = await db
    .select({ id: incidentHistory.id, hash: incidentHistory.hash, at: incidentHistory.at })
    .from(incidentHistory)
    .where(eq(incidentHistory.schoolId, schoolId))
    .orderBy(desc(incidentHistory.id))
    .limit(1);
  const [{ n }] = (await db
    .select({ n: count() })
    .from(incidentHistory)
    .where(eq(incidentHistory.schoolId, schoolId))) as [{ n: number }];
  return {
    schoolId,
    hash: last?.hash ?? GENESIS,
    entryId: last?.id ?? null,
    entries: Number(n),
    at: last?.at.toISOString() ?? null,
  };
}

/** The sentence each copy of the weekly digest carries, and what to do with it. */
export function anchorSentence(head: ChainHead): string {
  return `Incident log anchor: ${head.hash} (${head.entries} entries). Keep this e-mail: "npx waymark verify-log --since-anchor ${head.hash}" proves the log up to this point has not been rewritten since.`;
}
