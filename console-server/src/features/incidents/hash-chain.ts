import { createHash } from 'node:crypto';

/** The hash before the first entry of a school's log. */
export const GENESIS = '0'.repeat(64);

/**
 * The chain format new entries are written in. 1: the hash covers the whole entry (rows written
 * before migration 0019 keep it and still verify). 2: the hash also covers the school and the
 * entry's facts (the incident's status after it, what kind of step it was), and covers the
 * change through its digest, so a purge can keep a removed entry's facts and digest (its
 * tombstone) without its content, and verify-log can still check them against the chain
 * (docs/architecture.md, "Incidents").
 */
export const CHAIN_VERSION = 2;

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What kind of step an entry is, and where it leaves its incident: kept by a purge's tombstone. */
export interface EntryFacts {
  type: 'created' | 'change' | 'countersign' | 'purge' | 'checkpoint';
  /** The incident's status after this entry (incident entries only). */
  status?: string;
}

interface ChainedEntry {
  /** Null for the retention job's purge entries and checkpoints. */
  incidentId: string | null;
  at: Date;
  actorId: string;
  actorName: string;
  change: Record<string, unknown>;
}

interface ChainedEntryV2 extends ChainedEntry {
  schoolId: string;
  facts: EntryFacts;
}

/** A chain-1 entry's hash: the previous hash and the whole entry. */
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

/** The digest of a change: what a tombstone keeps of the content a purge removed. */
export const contentDigest = (change: Record<string, unknown>) => sha256(canonicalJson(change));

/**
 * A removed entry as a purge keeps it: enough to recompute its hash (chain 2) and check its facts,
 * and no content (no pupil's name, no description). Chain-1 entries keep their links only.
 */
export type Tombstone =
  | { v: 1; id: number; incidentId: string | null; prevHash: string; hash: string }
  | {
      v: 2;
      id: number;
      schoolId: string;
      incidentId: string | null;
      at: string;
      actorId: string;
      actorName: string;
      facts: EntryFacts;
      content: string;
      prevHash: string;
      hash: string;
    };

function hashV2(prevHash: string, t: Omit<Extract<Tombstone, { v: 2 }>, 'hash' | 'prevHash' | 'id'>): string {
  const body = canonicalJson({
    v: 2,
    schoolId: t.schoolId,
    incidentId: t.incidentId,
    at: t.at,
    actorId: t.actorId,
    actorName: t.actorName,
    facts: t.facts,
    content: t.content,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** A chain-2 entry's hash. */
export function entryHashV2(prevHash: string, entry: ChainedEntryV2): string {
  return hashV2(prevHash, {
    v: 2,
    schoolId: entry.schoolId,
    incidentId: entry.incidentId,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    facts: entry.facts,
    content: contentDigest(entry.change),
  });
}

/** Whether a chain-2 tombstone's facts and digest are the ones its hash was made from. */
export function tombstoneHolds(t: Extract<Tombstone, { v: 2 }>): boolean {
  return hashV2(t.prevHash, t) === t.hash;
}

/** The hash of a stored entry, in the format it was written in. */
export function storedEntryHash(row: {
  version: number;
  schoolId: string;
  incidentId: string | null;
  at: Date;
  actorId: string;
  actorName: string;
  change: Record<string, unknown>;
  facts: unknown;
  prevHash: string;
}): string {
  return row.version >= 2
    ? entryHashV2(row.prevHash, { ...row, facts: (row.facts ?? {}) as EntryFacts })
    : entryHash(row.prevHash, row);
}

/** What a purge keeps of a stored entry: for chain 2 its facts and content digest, for chain 1 its links. */
export function tombstoneOf(row: {
  version: number;
  id: number;
  schoolId: string;
  incidentId: string | null;
  at: Date;
  actorId: string;
  actorName: string;
  change: Record<string, unknown>;
  facts: unknown;
  prevHash: string;
  hash: string;
}): Tombstone {
  return row.version >= 2
    ? {
        v: 2,
        id: row.id,
        schoolId: row.schoolId,
        incidentId: row.incidentId,
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorName: row.actorName,
        facts: row.facts as EntryFacts,
        content: contentDigest(row.change),
        prevHash: row.prevHash,
        hash: row.hash,
      }
    : { v: 1, id: row.id, incidentId: row.incidentId, prevHash: row.prevHash, hash: row.hash };
}
