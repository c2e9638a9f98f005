import { applyChange, type IncidentState } from './incident-state';

/** One incident as a checkpoint records it: what a purge of it is later checked against. */
export interface CheckpointIncident {
  id: string;
  status: string;
  raisedAt: string;
}

/**
 * Where the chain-1 entries leave each incident: written, chained, as the first chain-2 entry of
 * a school's log (a `checkpoint`), so an incident whose history is all chain 1 can later be purged
 * and the purge still checked (was it closed, was it raised before the cutoff).
 */
export function checkpointOf(
  rows: ReadonlyArray<{ incidentId: string | null; at: Date; change: Record<string, unknown> }>,
): CheckpointIncident[] {
  const states = new Map<string, IncidentState>();
  const raisedAt = new Map<string, string>();
  for (const row of rows) {
    if (row.change.type === 'purge') {
      for (const t of (row.change.removed as Array<{ incidentId?: string | null }> | undefined) ?? [])
        if (t.incidentId) states.delete(t.incidentId);
      for (const i of (row.change.incidents as Array<{ id: string }> | undefined) ?? []) states.delete(i.id);
      continue;
    }
    if (row.incidentId === null) continue;
    try {
      states.set(row.incidentId, applyChange(states.get(row.incidentId) ?? null, row.change));
      if (row.change.type === 'created') raisedAt.set(row.incidentId, row.at.toISOString());
    } catch {
      // A broken history is verify-log's to report; the checkpoint records what folds.
    }
  }
  return [...states.entries()]
    .map(([id, s]) => ({ id, status: s.status, raisedAt: raisedAt.get(id) ?? '' }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
