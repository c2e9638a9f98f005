import { createHash } from 'node:crypto';

/** The hash before the first entry of a school's log. */
export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface ChainedEntry {
  /** Null for the retention job's purge entries. */
  incidentId: string | null;
  at: Date;
  actorId: string;
  actorName: string;
  change: Record<string, unknown>;
}

export function entryHash(prevHash: string, entry: ChainedEntry): string {
  const body = canonicalJson({
    incidentId: entry.incidentId,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    change: entry.change,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
