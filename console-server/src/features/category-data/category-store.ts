import { and, eq, sql } from 'drizzle-orm';
import {
  CategoryHash,
  combineCategoryHashes,
  EMPTY_CATEGORY_HASH,
  entryHost,
  hostSuffixes,
  type Category,
  type CategoryEntries,
  type CategorySourceUpdate,
  type CategorySyncResponse,
  type HeldSource,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { rawQuery } from '../../db/raw-query';
import { categorySources } from '../../db/schema';
import { STARTER_CATEGORY_LISTS, STARTER_SOURCE } from './starter-source';

/** Rows per INSERT: one statement per batch, its columns passed as arrays (COPY-like). */
const BATCH = 20_000;
/** Versions whose changes are kept for deltas (a daily feed: a month). */
const KEPT_VERSIONS = 30;

export interface CategoryEntryRow {
  category: Category;
  entry: string;
}

export interface StagedVersion {
  version: number;
  count: number;
  counts: Record<string, number>;
  hashes: Record<string, string>;
}

export interface VersionChanges {
  added: number;
  removed: number;
  byCategory: Record<string, { added: number; removed: number }>;
}

/** A match for a URL's host: the entry, its category and the list it came from. */
export interface CategoryMatch {
  category: Category;
  entry: string;
  sourceId: string;
  source: string;
}

/**
 * The category store: entries per category, per source, per version, in the database. A new
 * version is written beside the one in use (staged), compared with it in SQL, then swapped in by
 * one UPDATE of the source's version: readers always ask for the source's current version, so
 * they see the old one or the new one, never a mix. What each version added and removed is kept
 * for devices' deltas.
 */
export function createCategoryStore({ db }: { db: Database }) {
  const query = rawQuery(db);

  /**
   * Writes the entries as version `version` of the source (it must not exist yet), deduplicated
   * by the table's key; returns the counts and hashes of what was stored. Entries arrive in
   * batches (an async iterable), so a feed of millions is never held whole.
   */
  async function stage(
    sourceId: string,
    version: number,
    batches: AsyncIterable<CategoryEntryRow[]> | Iterable<CategoryEntryRow[]>,
    base?: { version: number; counts: Record<string, number>; hashes: Record<string, string> },
  ): Promise<StagedVersion> {
    await query('DELETE FROM category_entries WHERE source_id = $1 AND version = $2', [sourceId, version]);
    const counts: Record<string, number> = { ...base?.counts };
    const hashes = new Map<string, CategoryHash>(
      Object.entries(base?.hashes ?? {}).map(([c, h]) => [c, new CategoryHash(h)]),
    );
    if (base) {
      await query(
        `INSERT INTO category_entries (source_id, version, category, entry, host)
         SELECT source_id, $2, category, entry, host FROM category_entries WHERE source_id = $1 AND version = $3`,
        [sourceId, version, base.version],
      );
    }
    const write = async (rows: CategoryEntryRow[]) => {
      if (rows.length === 0) return;
      const { rows: inserted } = await query<{ category: string; entry: string }>(
        `INSERT INTO category_entries (source_id, version, category, entry, host)
         SELECT $1, $2, c, e, h FROM unnest($3::text[], $4::text[], $5::text[]) AS t(c, e, h)
         ON CONFLICT DO NOTHING RETURNING category, entry`,
        [
          sourceId,
          version,
          rows.map((r) => r.category),
          rows.map((r) => r.entry),
          rows.map((r) => entryHost(r.entry)),
        ],
      );
      for (const { category, entry } of inserted) {
        let hash = hashes.get(category);
        if (!hash) hashes.set(category, (hash = new CategoryHash()));
        hash.add(category, entry);
        counts[category] = (counts[category] ?? 0) + 1;
      }
    };
    let pending: CategoryEntryRow[] = [];
    for await (const batch of batches) {
      for (const row of batch) {
        pending.push(row);
        if (pending.length >= BATCH) {
          const full = pending;
          pending = [];
          await write(full);
        }
      }
    }
    await write(pending);
    return {
      version,
      count: Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
      hashes: Object.fromEntries([...hashes].map(([c, h]) => [c, h.hex()])),
    };
  }

  /** What `version` adds to and removes from the source's current version, by category. */
  async function compare(sourceId: string, from: number, to: number): Promise<VersionChanges> {
    const { rows } = await query<{ category: string; added: string; removed: string }>(
      `SELECT category, sum(added)::text AS added, sum(removed)::text AS removed FROM (
         SELECT n.category, 1 AS added, 0 AS removed FROM category_entries n
          WHERE n.source_id = $1 AND n.version = $3 AND NOT EXISTS (SELECT 1 FROM category_entries o
            WHERE o.source_id = $1 AND o.version = $2 AND o.category = n.category AND o.entry = n.entry)
         UNION ALL
         SELECT o.category, 0, 1 FROM category_entries o
          WHERE o.source_id = $1 AND o.version = $2 AND NOT EXISTS (SELECT 1 FROM category_entries n
            WHERE n.source_id = $1 AND n.version = $3 AND n.category = o.category AND n.entry = o.entry)
       ) d GROUP BY category`,
      [sourceId, from, to],
    );
    const byCategory: VersionChanges['byCategory'] = {};
    let added = 0;
    let removed = 0;
    for (const r of rows) {
      byCategory[r.category] = { added: Number(r.added), removed: Number(r.removed) };
      added += Number(r.added);
      removed += Number(r.removed);
    }
    return { added, removed, byCategory };
  }

  /**
   * Makes a staged version the source's current one: its changes are recorded for deltas, the
   * source's version, counts and hashes move in one statement, then the old rows go.
   */
  async function swap(sourceId: string, staged: StagedVersion): Promise<void> {
    const [source] = await db.select().from(categorySources).where(eq(categorySources.id, sourceId));
    if (!source) throw new Error(`no category source ${sourceId}`);
    const from = source.version;
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        INSERT INTO category_changes (source_id, version, category, entry, added)
        SELECT n.source_id, n.version, n.category, n.entry, true FROM category_entries n
         WHERE n.source_id = ${sourceId} AND n.version = ${staged.version} AND NOT EXISTS (SELECT 1 FROM category_entries o
           WHERE o.source_id = ${sourceId} AND o.version = ${from} AND o.category = n.category AND o.entry = n.entry)`);
      await tx.execute(sql`
        INSERT INTO category_changes (source_id, version, category, entry, added)
        SELECT o.source_id, ${staged.version}::int, o.category, o.entry, false FROM category_entries o
         WHERE o.source_id = ${sourceId} AND o.version = ${from} AND NOT EXISTS (SELECT 1 FROM category_entries n
           WHERE n.source_id = ${sourceId} AND n.version = ${staged.version} AND n.category = o.category AND n.entry = o.entry)`);
      await tx
        .update(categorySources)
        .set({
          version: staged.version,
          hashes: staged.hashes,
          counts: staged.counts,
          entryCount: staged.count,
          updatedAt: new Date(),
          pendingVersion: null,
          pendingSummary: null,
        })
        .where(eq(categorySources.id, sourceId));
    });
    await query('DELETE FROM category_entries WHERE source_id = $1 AND version <> $2', [
      sourceId,
      staged.version,
    ]);
    await query('DELETE FROM category_changes WHERE source_id = $1 AND version <= $2', [
      sourceId,
      staged.version - KEPT_VERSIONS,
    ]);
  }

  /** Counts and hashes of a source's current version, computed once for lists moved in by the migration. */
  async function ensureHashes(source: typeof categorySources.$inferSelect) {
    if (source.hashes) return { hashes: source.hashes, counts: source.counts ?? {} };
    const hashes = new Map<string, CategoryHash>();
    const counts: Record<string, number> = {};
    const { rows } = await query<{ category: string; entry: string }>(
      'SELECT category, entry FROM category_entries WHERE source_id = $1 AND version = $2',
      [source.id, source.version],
    );
    for (const { category, entry } of rows) {
      let hash = hashes.get(category);
      if (!hash) hashes.set(category, (hash = new CategoryHash()));
      hash.add(category, entry);
      counts[category] = (counts[category] ?? 0) + 1;
    }
    const computed = Object.fromEntries([...hashes].map(([c, h]) => [c, h.hex()]));
    await db
      .update(categorySources)
      .set({ hashes: computed, counts, entryCount: rows.length })
      .where(and(eq(categorySources.id, source.id), eq(categorySources.version, source.version)));
    return { hashes: computed, counts };
  }

  async function entriesOf(
    sourceId: string,
    version: number,
    categories: readonly string[],
  ): Promise<CategoryEntries> {
    const { rows } = await query<{ category: Category; entry: string }>(
      'SELECT category, entry FROM category_entries WHERE source_id = $1 AND version = $2 AND category = ANY($3::text[])',
      [sourceId, version, [...categories]],
    );
    const out: CategoryEntries = {};
    for (const { category, entry } of rows) (out[category] ??= []).push(entry);
    return out;
  }

  /** The net change from `from` to the current version, or null when a snapshot is due instead. */
  async function deltaOf(
    sourceId: string,
    from: number,
    to: number,
    categories: readonly string[],
    limit: number,
  ): Promise<{ added: CategoryEntries; removed: CategoryEntries } | null> {
    const { rows: oldest } = await query<{ min: number | null; n: string }>(
      'SELECT min(version) AS min, count(*)::text AS n FROM category_changes WHERE source_id = $1 AND version > $2 AND category = ANY($3::text[])',
      [sourceId, from, [...categories]],
    );
    const kept = await query<{ min: number | null }>(
      'SELECT min(version) AS min FROM category_changes WHERE source_id = $1',
      [sourceId],
    );
    // Changes from before the oldest kept version are gone: the device needs the whole list.
    if (kept.rows[0]?.min == null || kept.rows[0].min > from + 1) return null;
    if (Number(oldest[0]?.n ?? 0) > limit) return null;
    const { rows } = await query<{ category: Category; entry: string; first: boolean; last: boolean }>(
      `SELECT category, entry, (array_agg(added ORDER BY version))[1] AS first,
              (array_agg(added ORDER BY version DESC))[1] AS last
         FROM category_changes WHERE source_id = $1 AND version > $2 AND version <= $3 AND category = ANY($4::text[])
        GROUP BY category, entry`,
      [sourceId, from, to, [...categories]],
    );
    const added: CategoryEntries = {};
    const removed: CategoryEntries = {};
    for (const r of rows) {
      // Added then removed (or the reverse) within the span: no net change.
      if (r.first && r.last) (added[r.category] ??= []).push(r.entry);
      else if (!r.first && !r.last) (removed[r.category] ??= []).push(r.entry);
    }
    return { added, removed };
  }

  return {
    stage,
    compare,
    swap,
    countsOf: ensureHashes,

    /** Drops a staged version that was refused or never confirmed. */
    async discard(sourceId: string, version: number) {
      await query('DELETE FROM category_entries WHERE source_id = $1 AND version = $2', [sourceId, version]);
    },

    async source(schoolId: string, sourceId: string) {
      const [row] = await db
        .select()
        .from(categorySources)
        .where(and(eq(categorySources.schoolId, schoolId), eq(categorySources.id, sourceId)));
      return row ?? null;
    },

    async sources(schoolId: string) {
      return db
        .select()
        .from(categorySources)
        .where(eq(categorySources.schoolId, schoolId))
        .orderBy(categorySources.name);
    },

    /**
     * Every entry (of any of the school's sources, current versions, and the starter data) that
     * could match a host: the host itself and each parent domain, looked up by index.
     */
    async lookup(schoolId: string, host: string): Promise<CategoryMatch[]> {
      const suffixes = hostSuffixes(host);
      const { rows } = await query<{ category: Category; entry: string; source_id: string; name: string }>(
        `SELECT e.category, e.entry, e.source_id, s.name FROM category_entries e
           JOIN category_sources s ON s.id = e.source_id AND s.version = e.version
          WHERE s.school_id = $1 AND e.host = ANY($2::text[])`,
        [schoolId, suffixes],
      );
      const matches: CategoryMatch[] = rows.map((r) => ({
        category: r.category,
        entry: r.entry,
        sourceId: r.source_id,
        source: r.name,
      }));
      const wanted = new Set(suffixes);
      for (const [category, list] of Object.entries(STARTER_CATEGORY_LISTS) as Array<[Category, string[]]>)
        for (const entry of list)
          if (wanted.has(entryHost(entry)))
            matches.push({ category, entry, sourceId: STARTER_SOURCE.id, source: STARTER_SOURCE.name });
      return matches;
    },

    /** Every entry of these categories (the illegal ones: an override never opens them). */
    async entriesIn(schoolId: string, categories: readonly Category[]): Promise<CategoryEntries> {
      const { rows } = await query<{ category: Category; entry: string }>(
        `SELECT e.category, e.entry FROM category_entries e
           JOIN category_sources s ON s.id = e.source_id AND s.version = e.version
          WHERE s.school_id = $1 AND e.category = ANY($2::text[])`,
        [schoolId, [...categories]],
      );
      const out: CategoryEntries = {};
      for (const c of categories) if (STARTER_CATEGORY_LISTS[c]) out[c] = [...STARTER_CATEGORY_LISTS[c]];
      for (const { category, entry } of rows) (out[category] ??= []).push(entry);
      return out;
    },

    /**
     * What a device should hold for these categories, from what it holds: per source, nothing
     * (same version), a delta (the net changes since its version) or, past `deltaLimit` changes
     * or the kept history, a snapshot.
     */
    async sync(
      schoolId: string,
      categories: readonly Category[],
      held: readonly HeldSource[],
      deltaLimit = 50_000,
    ): Promise<CategorySyncResponse> {
      const heldById = new Map(held.map((h) => [h.id, h]));
      const wanted = [...categories].sort();
      const sameCategories = (h: HeldSource | undefined) =>
        h !== undefined &&
        h.categories.length === wanted.length &&
        [...h.categories].sort().every((c, i) => c === wanted[i]);
      const out: CategorySourceUpdate[] = [];

      const starterEntries: CategoryEntries = {};
      for (const c of wanted)
        if (STARTER_CATEGORY_LISTS[c]) starterEntries[c] = [...STARTER_CATEGORY_LISTS[c]];
      const starterHash = STARTER_SOURCE.hashOf(wanted);
      const starterHeader = {
        id: STARTER_SOURCE.id,
        name: STARTER_SOURCE.name,
        version: STARTER_SOURCE.version,
        hash: starterHash,
        categories: wanted,
      };
      const heldStarter = heldById.get(STARTER_SOURCE.id);
      out.push(
        sameCategories(heldStarter) && heldStarter!.version === STARTER_SOURCE.version
          ? { kind: 'same', ...starterHeader }
          : { kind: 'snapshot', ...starterHeader, entries: starterEntries },
      );

      for (const row of await db
        .select()
        .from(categorySources)
        .where(eq(categorySources.schoolId, schoolId))) {
        if (row.version === 0) continue;
        const { hashes } = await ensureHashes(row);
        const header = {
          id: row.id,
          name: row.name,
          version: row.version,
          hash: combineCategoryHashes(wanted.map((c) => hashes[c] ?? EMPTY_CATEGORY_HASH)),
          categories: wanted,
        };
        const h = heldById.get(row.id);
        if (sameCategories(h) && h!.version === row.version) {
          out.push({ kind: 'same', ...header });
          continue;
        }
        const delta =
          sameCategories(h) && h!.version < row.version
            ? await deltaOf(row.id, h!.version, row.version, wanted, deltaLimit)
            : null;
        if (delta) out.push({ kind: 'delta', ...header, from: h!.version, ...delta });
        else out.push({ kind: 'snapshot', ...header, entries: await entriesOf(row.id, row.version, wanted) });
      }
      return { sources: out };
    },
  };
}
export type CategoryStore = ReturnType<typeof createCategoryStore>;
