import { and, eq } from 'drizzle-orm';
import {
  CategoryHash,
  CategorySchema,
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
import {
  arrayStream,
  diffSorted,
  entryKey,
  entryOfKey,
  hostRange,
  mergeSorted,
  type KeyStream,
} from './sorted-entries';
import { STARTER_CATEGORY_LISTS, STARTER_SOURCE } from './starter-source';

/** Entries per stored chunk. */
const CHUNK = 1000;
/** Chunks per INSERT (one statement, its columns passed as arrays: COPY-like). */
const CHUNKS_PER_INSERT = 100;
/** Entries sorted in memory at once; a larger import is sorted in runs, kept in the database, then merged. */
const RUN_SIZE = 400_000;
/** Changes kept per version for deltas; a version with more starts deltas afresh (devices get snapshots). */
const MAX_RECORDED_CHANGES = 250_000;
/** Versions whose changes are kept (a daily feed: a month). */
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
  /** Each change, or null when there were too many to keep (deltas restart from the new version). */
  rows: Array<{ category: string; entry: string; added: boolean }> | null;
}

/** A match for a URL's host: the entry, its category and the list it came from. */
export interface CategoryMatch {
  category: Category;
  entry: string;
  sourceId: string;
  source: string;
}

type SourceRow = typeof categorySources.$inferSelect;

/**
 * The category store: entries per category, per source, per version, in the database, as sorted
 * chunks. A new version is written beside the one in use (staged), compared with it by walking
 * both in order, then swapped in by one UPDATE of the source's version: readers always ask for
 * the source's current version, so they see the old one or the new one, never a mix. What each
 * version added and removed is kept for devices' deltas.
 */
export function createCategoryStore({ db }: { db: Database }) {
  const query = rawQuery(db);

  async function writeChunks(
    sourceId: string,
    version: number,
    category: string,
    keys: AsyncIterable<string[]>,
    hash: CategoryHash,
  ): Promise<number> {
    let seq = 0;
    let count = 0;
    let pending: Array<{ seq: number; first: string; last: string; count: number; entries: string }> = [];
    let chunk: string[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const rows = pending;
      pending = [];
      await query(
        `INSERT INTO category_chunks (source_id, version, category, seq, first_key, last_key, count, entries)
         SELECT $1, $2, $3, s, f, l, n, e FROM unnest($4::int[], $5::text[], $6::text[], $7::int[], $8::text[]) AS t(s, f, l, n, e)`,
        [
          sourceId,
          version,
          category,
          rows.map((r) => r.seq),
          rows.map((r) => r.first),
          rows.map((r) => r.last),
          rows.map((r) => r.count),
          rows.map((r) => r.entries),
        ],
      );
    };
    const close = async () => {
      if (chunk.length === 0) return;
      pending.push({
        seq: seq++,
        first: chunk[0]!,
        last: chunk[chunk.length - 1]!,
        count: chunk.length,
        entries: chunk.map(entryOfKey).join('\n'),
      });
      chunk = [];
      if (pending.length >= CHUNKS_PER_INSERT) await flush();
    };
    for await (const page of keys) {
      for (const key of page) {
        hash.add(category, entryOfKey(key));
        count++;
        chunk.push(key);
        if (chunk.length >= CHUNK) await close();
      }
    }
    await close();
    await flush();
    return count;
  }

  /** A stored version's keys for one category, in order, a page of chunks at a time. */
  async function* versionKeys(sourceId: string, version: number, category: string): AsyncGenerator<string[]> {
    const PAGE = 20;
    for (let seq = 0; ; seq += PAGE) {
      const { rows } = await query<{ entries: string }>(
        `SELECT entries FROM category_chunks WHERE source_id = $1 AND version = $2 AND category = $3
           AND seq >= $4 AND seq < $5 ORDER BY seq`,
        [sourceId, version, category, seq, seq + PAGE],
      );
      if (rows.length === 0) return;
      for (const r of rows) yield r.entries.split('\n').map(entryKey);
    }
  }

  async function* runKeys(sourceId: string, version: number, run: number, category: string) {
    const PAGE = 5;
    for (let seq = 0; ; seq += PAGE) {
      const { rows } = await query<{ entries: string }>(
        `SELECT entries FROM category_runs WHERE source_id = $1 AND version = $2 AND run = $3 AND category = $4
           AND seq >= $5 AND seq < $6 ORDER BY seq`,
        [sourceId, version, run, category, seq, seq + PAGE],
      );
      if (rows.length === 0) return;
      for (const r of rows) yield r.entries.split('\n');
    }
  }

  /**
   * Writes the entries as version `version` of the source, sorted and without duplicates, and
   * returns its counts and hashes. Entries arrive in batches (an async iterable), so a feed of
   * millions is never held whole: past RUN_SIZE they are sorted in runs kept in the database,
   * then merged. With `base`, that version's entries are kept too (an upload adds to the list).
   */
  async function stage(
    sourceId: string,
    version: number,
    batches: AsyncIterable<CategoryEntryRow[]> | Iterable<CategoryEntryRow[]>,
    base?: { version: number; categories: string[] },
  ): Promise<StagedVersion> {
    await discard(sourceId, version);
    const buffers = new Map<string, string[]>();
    let buffered = 0;
    let runs = 0;
    const runCategories = new Map<number, Set<string>>();
    const spill = async () => {
      const run = runs++;
      runCategories.set(run, new Set(buffers.keys()));
      for (const [category, keys] of buffers) {
        keys.sort();
        const pages: string[] = [];
        for (let i = 0; i < keys.length; i += 5000) pages.push(keys.slice(i, i + 5000).join('\n'));
        for (let i = 0; i < pages.length; i += 40) {
          const slice = pages.slice(i, i + 40);
          await query(
            `INSERT INTO category_runs (source_id, version, run, category, seq, entries)
             SELECT $1, $2, $3, $4, s, e FROM unnest($5::int[], $6::text[]) AS t(s, e)`,
            [sourceId, version, run, category, slice.map((_, j) => i + j), slice],
          );
        }
      }
      buffers.clear();
      buffered = 0;
    };
    for await (const batch of batches) {
      for (const { category, entry } of batch) {
        let buffer = buffers.get(category);
        if (!buffer) buffers.set(category, (buffer = []));
        buffer.push(entryKey(entry));
        if (++buffered >= RUN_SIZE) await spill();
      }
    }
    const categories = new Set<string>([...buffers.keys(), ...(base?.categories ?? [])]);
    for (const cats of runCategories.values()) for (const c of cats) categories.add(c);
    const counts: Record<string, number> = {};
    const hashes: Record<string, string> = {};
    for (const category of [...categories].sort()) {
      const streams: KeyStream[] = [];
      const memory = buffers.get(category);
      if (memory) streams.push(arrayStream(memory.sort()));
      for (const [run, cats] of runCategories)
        if (cats.has(category)) streams.push(runKeys(sourceId, version, run, category));
      if (base) streams.push(versionKeys(sourceId, base.version, category));
      buffers.delete(category);
      const hash = new CategoryHash();
      const n = await writeChunks(sourceId, version, category, mergeSorted(streams, CHUNK), hash);
      if (n > 0) {
        counts[category] = n;
        hashes[category] = hash.hex();
      }
    }
    await query('DELETE FROM category_runs WHERE source_id = $1 AND version = $2', [sourceId, version]);
    return { version, count: Object.values(counts).reduce((a, b) => a + b, 0), counts, hashes };
  }

  /** What version `to` adds to and removes from version `from`, walking both in order. */
  async function compare(
    sourceId: string,
    from: number,
    to: number,
    categories: { from: string[]; to: string[] },
  ): Promise<VersionChanges> {
    const byCategory: VersionChanges['byCategory'] = {};
    // A first version has no delta to give: devices take it whole.
    let rows: VersionChanges['rows'] = from === 0 ? null : [];
    let added = 0;
    let removed = 0;
    for (const category of [...new Set([...categories.from, ...categories.to])].sort()) {
      const c = { added: 0, removed: 0 };
      await diffSorted(
        versionKeys(sourceId, from, category),
        versionKeys(sourceId, to, category),
        (key) => {
          c.removed++;
          if (rows && rows.length < MAX_RECORDED_CHANGES)
            rows.push({ category, entry: entryOfKey(key), added: false });
          else rows = null;
        },
        (key) => {
          c.added++;
          if (rows && rows.length < MAX_RECORDED_CHANGES)
            rows.push({ category, entry: entryOfKey(key), added: true });
          else rows = null;
        },
      );
      if (c.added + c.removed > 0) byCategory[category] = c;
      added += c.added;
      removed += c.removed;
    }
    return { added, removed, byCategory, rows };
  }

  /**
   * Makes a staged version the source's current one: its changes are recorded for deltas, the
   * source's version, counts and hashes move in one statement, then the old chunks go.
   */
  async function swap(sourceId: string, staged: StagedVersion, changes: VersionChanges): Promise<void> {
    const [source] = await db.select().from(categorySources).where(eq(categorySources.id, sourceId));
    if (!source) throw new Error(`no category source ${sourceId}`);
    const rows = changes.rows;
    if (rows) {
      for (let i = 0; i < rows.length; i += 20_000) {
        const slice = rows.slice(i, i + 20_000);
        await query(
          `INSERT INTO category_changes (source_id, version, category, entry, added)
           SELECT $1, $2, c, e, a FROM unnest($3::text[], $4::text[], $5::bool[]) AS t(c, e, a)`,
          [
            sourceId,
            staged.version,
            slice.map((r) => r.category),
            slice.map((r) => r.entry),
            slice.map((r) => r.added),
          ],
        );
      }
    }
    // One statement moves the version: readers see the old one or the new one.
    await db
      .update(categorySources)
      .set({
        version: staged.version,
        hashes: staged.hashes,
        counts: staged.counts,
        entryCount: staged.count,
        updatedAt: new Date(),
        pendingVersion: null,
        pendingSummary: null,
        ...(rows ? {} : { deltaFloor: staged.version }),
        ...(source.status === 'awaiting-confirmation' || source.status === 'adopting'
          ? { status: 'ok' as const }
          : {}),
      })
      .where(eq(categorySources.id, sourceId));
    await query('DELETE FROM category_chunks WHERE source_id = $1 AND version <> $2 AND version <> $3', [
      sourceId,
      staged.version,
      source.pendingVersion ?? -1,
    ]);
    await query('DELETE FROM category_changes WHERE source_id = $1 AND (version <= $2 OR version <= $3)', [
      sourceId,
      staged.version - KEPT_VERSIONS,
      rows ? -1 : staged.version,
    ]);
  }

  async function discard(sourceId: string, version: number) {
    await query('DELETE FROM category_chunks WHERE source_id = $1 AND version = $2', [sourceId, version]);
    await query('DELETE FROM category_runs WHERE source_id = $1 AND version = $2', [sourceId, version]);
  }

  /** Lists moved out of policies by migration 0023 become the source's first version, once. */
  async function adoptLegacy(schoolId: string): Promise<void> {
    const { rows: claimed } = await query<{ id: string }>(
      `UPDATE category_sources SET status = 'adopting' WHERE school_id = $1 AND status = 'legacy' RETURNING id`,
      [schoolId],
    );
    for (const { id } of claimed) {
      const { rows } = await query<{ category: string; entry: string }>(
        'SELECT category, entry FROM category_legacy_entries WHERE source_id = $1',
        [id],
      );
      const valid = rows.filter((r) => CategorySchema.safeParse(r.category).success) as CategoryEntryRow[];
      const staged = await stage(id, 1, [valid]);
      await swap(id, staged, { added: staged.count, removed: 0, byCategory: {}, rows: null });
      await query('DELETE FROM category_legacy_entries WHERE source_id = $1', [id]);
    }
  }

  async function entriesOf(
    sourceId: string,
    version: number,
    categories: readonly string[],
  ): Promise<CategoryEntries> {
    const { rows } = await query<{ category: Category; entries: string }>(
      `SELECT category, entries FROM category_chunks WHERE source_id = $1 AND version = $2 AND category = ANY($3::text[])
        ORDER BY category, seq`,
      [sourceId, version, [...categories]],
    );
    const out: CategoryEntries = {};
    for (const { category, entries } of rows) {
      const list = (out[category] ??= []);
      for (const e of entries.split('\n')) list.push(e);
    }
    return out;
  }

  /** The net change from `from` to `to`, or null when a snapshot is due instead. */
  async function deltaOf(
    source: SourceRow,
    from: number,
    categories: readonly string[],
    limit: number,
  ): Promise<{ added: CategoryEntries; removed: CategoryEntries } | null> {
    if (from < source.deltaFloor || from < source.version - KEPT_VERSIONS) return null;
    const { rows: count } = await query<{ n: string }>(
      'SELECT count(*)::text AS n FROM category_changes WHERE source_id = $1 AND version > $2 AND category = ANY($3::text[])',
      [source.id, from, [...categories]],
    );
    if (Number(count[0]?.n ?? 0) > limit) return null;
    const { rows } = await query<{ category: Category; entry: string; first: boolean; last: boolean }>(
      `SELECT category, entry, (array_agg(added ORDER BY version))[1] AS first,
              (array_agg(added ORDER BY version DESC))[1] AS last
         FROM category_changes WHERE source_id = $1 AND version > $2 AND version <= $3 AND category = ANY($4::text[])
        GROUP BY category, entry`,
      [source.id, from, source.version, [...categories]],
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
    discard,
    adoptLegacy,

    async source(schoolId: string, sourceId: string) {
      const [row] = await db
        .select()
        .from(categorySources)
        .where(and(eq(categorySources.schoolId, schoolId), eq(categorySources.id, sourceId)));
      return row ?? null;
    },

    async sources(schoolId: string) {
      await adoptLegacy(schoolId);
      return db
        .select()
        .from(categorySources)
        .where(eq(categorySources.schoolId, schoolId))
        .orderBy(categorySources.name);
    },

    /**
     * Every entry (of any of the school's sources, current versions, and the starter data) that
     * could match a host: the host itself and each parent domain, each found by its chunk's key range.
     */
    async lookup(schoolId: string, host: string): Promise<CategoryMatch[]> {
      await adoptLegacy(schoolId);
      const suffixes = hostSuffixes(host);
      const ranges = suffixes.map(hostRange);
      const { rows } = await query<{ category: Category; entries: string; source_id: string; name: string }>(
        `SELECT c.category, c.entries, s.id AS source_id, s.name
           FROM category_sources s
           CROSS JOIN unnest($2::text[], $3::text[]) AS k(lo, hi)
           CROSS JOIN LATERAL jsonb_object_keys(coalesce(s.counts, '{}'::jsonb)) AS cat(category)
           CROSS JOIN LATERAL (
             SELECT c.category, c.first_key, c.entries FROM category_chunks c
              WHERE c.source_id = s.id AND c.version = s.version AND c.category = cat.category
                AND c.last_key >= k.lo COLLATE "C"
              ORDER BY c.last_key COLLATE "C" LIMIT 4) c
          WHERE s.school_id = $1 AND s.version > 0 AND c.first_key <= k.hi COLLATE "C"`,
        [schoolId, ranges.map((r) => r.lo), ranges.map((r) => r.hi)],
      );
      const wanted = new Set(suffixes);
      const seen = new Set<string>();
      const matches: CategoryMatch[] = [];
      for (const r of rows) {
        for (const entry of r.entries.split('\n')) {
          const key = `${r.source_id}\t${r.category}\t${entry}`;
          if (wanted.has(entryHost(entry)) && !seen.has(key)) {
            seen.add(key);
            matches.push({ category: r.category, entry, sourceId: r.source_id, source: r.name });
          }
        }
      }
      for (const [category, list] of Object.entries(STARTER_CATEGORY_LISTS) as Array<[Category, string[]]>)
        for (const entry of list)
          if (wanted.has(entryHost(entry)))
            matches.push({ category, entry, sourceId: STARTER_SOURCE.id, source: STARTER_SOURCE.name });
      return matches;
    },

    /** Every entry of these categories (the illegal ones: an override never opens them). */
    async entriesIn(schoolId: string, categories: readonly Category[]): Promise<CategoryEntries> {
      await adoptLegacy(schoolId);
      const out: CategoryEntries = {};
      for (const c of categories) if (STARTER_CATEGORY_LISTS[c]) out[c] = [...STARTER_CATEGORY_LISTS[c]];
      const { rows } = await query<{ category: Category; entries: string }>(
        `SELECT c.category, c.entries FROM category_chunks c
           JOIN category_sources s ON s.id = c.source_id AND s.version = c.version
          WHERE s.school_id = $1 AND c.category = ANY($2::text[])`,
        [schoolId, [...categories]],
      );
      for (const { category, entries } of rows) {
        const list = (out[category] ??= []);
        for (const e of entries.split('\n')) list.push(e);
      }
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
      await adoptLegacy(schoolId);
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
      const starterHeader = {
        id: STARTER_SOURCE.id,
        name: STARTER_SOURCE.name,
        version: STARTER_SOURCE.version,
        hash: STARTER_SOURCE.hashOf(wanted),
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
        const hashes = row.hashes ?? {};
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
            ? await deltaOf(row, h!.version, wanted, deltaLimit)
            : null;
        if (delta) out.push({ kind: 'delta', ...header, from: h!.version, ...delta });
        else out.push({ kind: 'snapshot', ...header, entries: await entriesOf(row.id, row.version, wanted) });
      }
      return { sources: out };
    },
  };
}
export type CategoryStore = ReturnType<typeof createCategoryStore>;
