import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Staff } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { incidentHistory } from '../../db/schema';
import { checkpointOf } from './chain-checkpoint';
import { CHAIN_VERSION, entryHashV2, GENESIS, type EntryFacts } from './hash-chain';

/** Writing the school's incident chain: its lock, and each entry appended under it. */

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** One writer per school's chain at a time, across processes too. */
export const lockChain = (tx: Tx, schoolId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${schoolId}))`);

/**
 * Appends a history entry (chain 2) to the school's chain and returns it; callers hold the
 * school's lock. The first chain-2 entry after chain-1 ones is preceded by a checkpoint.
 */
export async function appendEntry(
  tx: Tx,
  schoolId: string,
  incidentId: string | null,
  who: Pick<Staff, 'id' | 'name'>,
  change: Record<string, unknown>,
  facts: EntryFacts,
  at = new Date(),
) {
  const [last] = await tx
    .select({ hash: incidentHistory.hash, version: incidentHistory.version })
    .from(incidentHistory)
    .where(eq(incidentHistory.schoolId, schoolId))
    .orderBy(desc(incidentHistory.id))
    .limit(1);
  let prevHash = last?.hash ?? GENESIS;
  if (last && last.version < CHAIN_VERSION) {
    const rows = await tx
      .select()
      .from(incidentHistory)
      .where(eq(incidentHistory.schoolId, schoolId))
      .orderBy(asc(incidentHistory.id));
    prevHash = await insertEntry(tx, schoolId, prevHash, {
      incidentId: null,
      at,
      actorId: 'waymark',
      actorName: 'Waymark (chain version 2)',
      change: { type: 'checkpoint', incidents: checkpointOf(rows) },
      facts: { type: 'checkpoint' },
    });
  }
  await insertEntry(tx, schoolId, prevHash, {
    incidentId,
    at,
    actorId: who.id,
    actorName: who.name,
    change,
    facts,
  });
}

async function insertEntry(
  tx: Tx,
  schoolId: string,
  prevHash: string,
  entry: {
    incidentId: string | null;
    at: Date;
    actorId: string;
    actorName: string;
    change: Record<string, unknown>;
    facts: EntryFacts;
  },
): Promise<string> {
  const hash = entryHashV2(prevHash, { schoolId, ...entry });
  await tx.insert(incidentHistory).values({
    schoolId,
    ...entry,
    facts: entry.facts as unknown as Record<string, unknown>,
    version: CHAIN_VERSION,
    prevHash,
    hash,
  });
  return hash;
}
