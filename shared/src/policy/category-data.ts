import { z } from 'zod';
import { safeText } from '../text/safe-text';
import {
  CATEGORIES,
  CategorySchema,
  ILLEGAL_CATEGORIES,
  OFF_TASK_CATEGORIES,
  type Category,
} from './categories';
import type { Policy } from './schema';

/**
 * Category data travels apart from policies (docs/architecture.md, "Category data"): a device
 * holds, per source list, a versioned snapshot of the entries of the categories its profile
 * blocks, and is sent deltas when a source changes. Each version carries a hash of its entries
 * that the device checks before it uses them.
 *
 * The hash is a multiset hash: the sum (mod 2^32, twice, with two different FNV-1a seeds) of one
 * hash per `category \t entry`. It does not depend on order, so the server keeps it up to date
 * from the entries added and removed, and a device checks a delta without sorting a million names.
 * It guards against corruption and partial writes, not against a forger (the channel is
 * authenticated by the device token over TLS).
 */
export function entryHash(category: string, entry: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  const text = `${category}\t${entry}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0];
}

/** A running multiset hash: add and remove entries in any order. */
export class CategoryHash {
  private a = 0;
  private b = 0;
  constructor(hex = '0000000000000000') {
    this.a = Number.parseInt(hex.slice(0, 8), 16) >>> 0;
    this.b = Number.parseInt(hex.slice(8, 16), 16) >>> 0;
  }
  add(category: string, entry: string): void {
    const [x, y] = entryHash(category, entry);
    this.a = (this.a + x) >>> 0;
    this.b = (this.b + y) >>> 0;
  }
  remove(category: string, entry: string): void {
    const [x, y] = entryHash(category, entry);
    this.a = (this.a - x) >>> 0;
    this.b = (this.b - y) >>> 0;
  }
  hex(): string {
    return this.a.toString(16).padStart(8, '0') + this.b.toString(16).padStart(8, '0');
  }
}

/** The hash of several categories' entries together: the sum of their hashes. */
export function combineCategoryHashes(hexes: Iterable<string>): string {
  let a = 0;
  let b = 0;
  for (const hex of hexes) {
    a = (a + Number.parseInt(hex.slice(0, 8), 16)) >>> 0;
    b = (b + Number.parseInt(hex.slice(8, 16), 16)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export const EMPTY_CATEGORY_HASH = '0000000000000000';

/** The hash of a whole snapshot. */
export function hashCategoryEntries(categories: CategoryEntries): string {
  const hash = new CategoryHash();
  for (const [category, entries] of Object.entries(categories))
    for (const e of entries ?? []) hash.add(category, e);
  return hash.hex();
}

/**
 * The categories whose lists a device of this policy holds: every category its profile blocks at
 * some time or for someone, the illegal ones always, and the ones a teacher may mark off task for a
 * lesson (to name a tab's category; an allowed category compiles to no rule). On an allow-list profile every category
 * not allowed is blocked (it needs no rule for that), and its lists name what was blocked on the
 * block page and in the teacher's feed ("Online games").
 */
export function categoriesToHold(policy: Pick<Policy, 'categories' | 'mode'>): Category[] {
  const held = new Set<Category>([...ILLEGAL_CATEGORIES, ...OFF_TASK_CATEGORIES]);
  for (const category of CATEGORIES) {
    const action = policy.categories[category];
    if (action ? action.action !== 'allow' : policy.mode === 'allow-list') held.add(category);
  }
  return [...held].sort();
}

/** Entries (Chrome filters: mostly plain domains, some URL prefixes) by category. */
export type CategoryEntries = Partial<Record<Category, string[]>>;

// Entries are checked where they are stored (the server parses every one); here only their shape,
// since a million zod string checks cost the device seconds.
const entries = z.array(z.string().max(2000));
const CategoryEntriesSchema = z.partialRecord(CategorySchema, entries);

const HASH = z.string().regex(/^[0-9a-f]{16}$/);

/** What a device holds of one source. */
export const HeldSourceSchema = z.object({
  id: safeText().min(1).max(100),
  version: z.number().int().nonnegative(),
  /** The categories it holds of that source (its profile's blocked ones when it synced). */
  categories: z.array(CategorySchema).max(50),
});
export type HeldSource = z.infer<typeof HeldSourceSchema>;

/** Device → server (`category-sync`, acked): the sources and versions it holds. */
export const CategorySyncRequestSchema = z.object({ held: z.array(HeldSourceSchema).max(200) });
export type CategorySyncRequest = z.infer<typeof CategorySyncRequestSchema>;

const SourceHeader = {
  id: safeText().min(1).max(100),
  /** The list's name, shown when it blocks a site ("UT1 blacklists"). */
  name: safeText().max(200),
  version: z.number().int().nonnegative(),
  /** Hash of the version's entries (of the categories sent), checked by the device before use. */
  hash: HASH,
  categories: z.array(CategorySchema).max(50),
};

export const CategorySourceUpdateSchema = z.discriminatedUnion('kind', [
  /** The device's copy is current. */
  z.object({ kind: z.literal('same'), ...SourceHeader }),
  /** The whole version (first sync, categories changed, or too many changes since the device's). */
  z.object({ kind: z.literal('snapshot'), ...SourceHeader, entries: CategoryEntriesSchema }),
  /** The changes from the device's version (`from`) to `version`. */
  z.object({
    kind: z.literal('delta'),
    ...SourceHeader,
    from: z.number().int().nonnegative(),
    added: CategoryEntriesSchema,
    removed: CategoryEntriesSchema,
  }),
]);
export type CategorySourceUpdate = z.infer<typeof CategorySourceUpdateSchema>;

/** Server → device: every source the device should hold (any other it holds is dropped). */
export const CategorySyncResponseSchema = z.object({ sources: z.array(CategorySourceUpdateSchema).max(200) });
export type CategorySyncResponse = z.infer<typeof CategorySyncResponseSchema>;

/** One source as a device keeps it. */
export interface HeldCategorySource {
  id: string;
  name: string;
  version: number;
  hash: string;
  categories: Category[];
  entries: CategoryEntries;
}

/**
 * Applies a sync answer to what the device holds. Throws when a result's hash does not match
 * (the device then asks again for snapshots, holding nothing of that source).
 */
export function applyCategorySync(
  held: readonly HeldCategorySource[],
  response: CategorySyncResponse,
): HeldCategorySource[] {
  const byId = new Map(held.map((s) => [s.id, s]));
  return response.sources.map((update) => {
    const { id, name, version, hash, categories } = update;
    let entries: CategoryEntries;
    if (update.kind === 'snapshot') {
      entries = update.entries;
      const got = hashCategoryEntries(entries);
      if (got !== hash) throw new CategoryIntegrityError(id, version, got, hash);
    } else {
      const current = byId.get(id);
      if (!current) throw new CategoryIntegrityError(id, version, 'nothing held', hash);
      if (update.kind === 'same') {
        if (current.version !== version || current.hash !== hash)
          throw new CategoryIntegrityError(id, version, current.hash, hash);
        return { ...current, name, categories };
      }
      if (current.version !== update.from)
        throw new CategoryIntegrityError(id, version, `version ${current.version}`, `version ${update.from}`);
      entries = applyDelta(current, update.added, update.removed);
      const running = new CategoryHash(current.hash);
      for (const [c, list] of Object.entries(update.removed))
        for (const e of list ?? []) running.remove(c, e);
      for (const [c, list] of Object.entries(update.added)) for (const e of list ?? []) running.add(c, e);
      if (running.hex() !== hash) throw new CategoryIntegrityError(id, version, running.hex(), hash);
    }
    return { id, name, version, hash, categories, entries };
  });
}

function applyDelta(
  current: HeldCategorySource,
  added: CategoryEntries,
  removed: CategoryEntries,
): CategoryEntries {
  const out: CategoryEntries = {};
  const categories = new Set<Category>([
    ...(Object.keys(current.entries) as Category[]),
    ...(Object.keys(added) as Category[]),
  ]);
  for (const category of categories) {
    const gone = new Set(removed[category] ?? []);
    const kept = (current.entries[category] ?? []).filter((e) => !gone.has(e));
    for (const e of added[category] ?? []) kept.push(e);
    out[category] = kept;
  }
  return out;
}

export class CategoryIntegrityError extends Error {
  constructor(
    readonly sourceId: string,
    readonly version: number,
    got: string,
    expected: string,
  ) {
    super(
      `category source ${sourceId} version ${version} failed its integrity check (${got}, expected ${expected})`,
    );
  }
}

/** Every held source's entries merged by category: what the policy's blocked categories compile from. */
export function mergeCategoryEntries(sources: readonly HeldCategorySource[]): CategoryEntries {
  const out: CategoryEntries = {};
  // A category only one source holds is that source's list itself (read, never changed): a copy
  // of a million-entry list is megabytes of the worker's heap while a snapshot is applied.
  const copied = new Set<Category>();
  for (const source of sources) {
    for (const [category, list] of Object.entries(source.entries) as Array<[Category, string[]]>) {
      const had = out[category];
      if (!had) {
        out[category] = list;
        continue;
      }
      const target = copied.has(category) ? had : had.slice();
      copied.add(category);
      for (const e of list) target.push(e);
      out[category] = target;
    }
  }
  return out;
}

/** Two sets of category lists as one (a policy's own, from an older server or a file, and the held data's). */
export function joinCategoryLists(a: CategoryEntries, b: CategoryEntries): CategoryEntries {
  if (Object.keys(a).length === 0) return b;
  if (Object.keys(b).length === 0) return a;
  const out: CategoryEntries = { ...b };
  for (const [category, list] of Object.entries(a) as Array<[Category, string[]]>)
    out[category] = [...list, ...(out[category] ?? [])];
  return out;
}

/** The host part of an entry (a Chrome filter), lower-cased, for looking it up by a URL's host. */
export function entryHost(entry: string): string {
  let rest = entry.trim().toLowerCase();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  if (rest.startsWith('.')) rest = rest.slice(1);
  const end = rest.search(/[/:?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

const PLAIN_DOMAIN = /^[a-z0-9.-]+$/;

/** A host and each parent domain: `a.b.example.com`, `b.example.com`, `example.com`, `com`. */
export function hostSuffixes(host: string): string[] {
  const parts = host.toLowerCase().split('.');
  return parts.map((_, i) => parts.slice(i).join('.')).filter((h) => h !== '');
}

/**
 * The entries (with their source) that could match a URL's host: a lookup before evaluating, so
 * a device never builds a matcher over a million entries to explain one block.
 */
export function entriesForHost(
  sources: readonly HeldCategorySource[],
  host: string,
): Array<{ category: Category; entry: string; source: string }> {
  const wanted = new Set(hostSuffixes(host));
  const out: Array<{ category: Category; entry: string; source: string }> = [];
  for (const source of sources) {
    for (const [category, list] of Object.entries(source.entries) as Array<[Category, string[]]>) {
      for (const entry of list) {
        // Cheap tests first: most entries are plain domains, matched whole or not at all.
        if (wanted.has(entry) || (!PLAIN_DOMAIN.test(entry) && wanted.has(entryHost(entry))))
          out.push({ category, entry, source: source.name });
      }
    }
  }
  return out;
}
