import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/open-database';
import { incidentHistory, incidents, schools } from '../../db/schema';
import { entryHash, GENESIS } from './hash-chain';
import { applyChange, type IncidentState } from './incident-state';

interface LogProblem {
  schoolId: string;
  entryId?: number;
  incidentId?: string;
  problem: string;
}

const PROJECTED = [
  'status',
  'severity',
  'category',
  'ownerId',
  'actions',
  'outcome',
  'followUpDate',
  'countersignedBy',
  'description',
] as const;

/**
 * Checks every school's incident log: each entry's hash and link to the one before, and that the
 * incidents the console shows are exactly what their histories add up to.
 */
export async function verifyLog(
  db: Database,
): Promise<{ entries: number; incidents: number; problems: LogProblem[] }> {
  const problems: LogProblem[] = [];
  let entries = 0;
  let incidentCount = 0;
  for (const { id: schoolId } of await db.select({ id: schools.id }).from(schools)) {
    const rows = await db
      .select()
      .from(incidentHistory)
      .where(eq(incidentHistory.schoolId, schoolId))
      .orderBy(asc(incidentHistory.id));
    // Entries the retention job removed, by the hash they followed: the chain may step over them.
    const removedAfter = new Map<string, string>();
    for (const row of rows) {
      if (row.change.type !== 'purge') continue;
      for (const r of row.change.removed as Array<{ prevHash: string; hash: string }>)
        removedAfter.set(r.prevHash, r.hash);
    }
    const states = new Map<string, IncidentState>();
    let prev = GENESIS;
    for (const row of rows) {
      entries++;
      let linked = prev;
      while (linked !== row.prevHash && removedAfter.has(linked)) linked = removedAfter.get(linked)!;
      if (row.prevHash !== linked) {
        problems.push({
          schoolId,
          entryId: row.id,
          incidentId: row.incidentId ?? undefined,
          problem: 'does not follow the entry before it (an entry was removed or reordered)',
        });
      }
      if (row.hash !== entryHash(row.prevHash, row)) {
        problems.push({
          schoolId,
          entryId: row.id,
          incidentId: row.incidentId ?? undefined,
          problem: 'its content does not match its hash (the entry was edited)',
        });
      }
      prev = row.hash;
      if (row.incidentId === null) continue;
      try {
        states.set(row.incidentId, applyChange(states.get(row.incidentId) ?? null, row.change));
      } catch (error) {
        problems.push({
          schoolId,
          entryId: row.id,
          incidentId: row.incidentId,
          problem: (error as Error).message,
        });
      }
    }
    const projected = await db.select().from(incidents).where(eq(incidents.schoolId, schoolId));
    for (const incident of projected) {
      incidentCount++;
      const state = states.get(incident.id);
      if (!state) {
        problems.push({
          schoolId,
          incidentId: incident.id,
          problem: 'has no history (it was inserted outside the log)',
        });
        continue;
      }
      for (const field of PROJECTED) {
        if (JSON.stringify(state[field] ?? null) !== JSON.stringify(incident[field] ?? null)) {
          problems.push({
            schoolId,
            incidentId: incident.id,
            problem: `${field} differs from its history (the incident was edited in place)`,
          });
        }
      }
    }
  }
  return { entries, incidents: incidentCount, problems };
}
