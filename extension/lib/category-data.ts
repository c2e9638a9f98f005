import { storage } from 'wxt/utils/storage';
import {
  activeOverrides,
  applyCategorySync,
  categoryBlocks,
  categoryRuleGroups,
  CategoryIntegrityError,
  CategorySyncResponseSchema,
  entriesForHost,
  hashCategoryEntries,
  joinCategoryLists,
  mergeCategoryEntries,
  illegalMatcher,
  isIllegalCategory,
  mirrorOf,
  parseFilter,
  FilterSet,
  urlParts,
  type Category,
  type CategoryEntries,
  type CategoryRuleGroup,
  type PolicyContext,
  type CategorySyncRequest,
  type CategorySyncResponse,
  type HeldCategorySource,
  type Policy,
} from '@waymark/shared';

/** One held source as stored: each category's entries as one string, a name a line. */
export interface StoredCategorySource extends Omit<HeldCategorySource, 'entries'> {
  packed: Partial<Record<Category, string>>;
}

/**
 * The category data this device holds (docs/architecture.md, "Category data"): per source, the
 * version and the entries of the categories its profile blocks. Kept in storage.local (the
 * `unlimitedStorage` permission: a million domains is tens of megabytes), and in memory while the
 * worker lives. Checked against its hash before it is used, at every load. Stored packed: a
 * million separate strings take seconds to store and to load again at start, one per category
 * does not (entries never hold a line break: the server parses each).
 */
export const categoryDataItem = storage.defineItem<StoredCategorySource[]>('local:categoryHeld', {
  fallback: [],
});
/** Where versions before the packed form kept it (read once, then removed). */
const unpackedItem = storage.defineItem<HeldCategorySource[] | null>('local:categoryData', {
  fallback: null,
});

function pack({ entries, ...header }: HeldCategorySource): StoredCategorySource {
  const packed: StoredCategorySource['packed'] = {};
  for (const [category, list] of Object.entries(entries) as Array<[Category, string[]]>)
    packed[category] = list.join('\n');
  return { ...header, packed };
}

function unpack({ packed, ...header }: StoredCategorySource): HeldCategorySource {
  const entries: CategoryEntries = {};
  for (const [category, text] of Object.entries(packed) as Array<[Category, string]>)
    entries[category] = text === '' ? [] : text.split('\n');
  return { ...header, entries };
}

async function storedCategoryData(): Promise<HeldCategorySource[]> {
  const stored = await categoryDataItem.getValue();
  if (stored.length > 0) return stored.map(unpack);
  return (await unpackedItem.getValue()) ?? [];
}

/** Stores what the device holds (and drops the unpacked copy of an older version). */
export async function storeCategoryData(held: readonly HeldCategorySource[]): Promise<void> {
  await categoryDataItem.setValue(held.map(pack));
  await unpackedItem.removeValue();
}

/**
 * The versions the DNR rules in force were compiled from, small (for the popup and tests: the
 * entries themselves are tens of megabytes).
 */
const categoryVersionsItem = storage.defineItem<Array<{ id: string; version: number; entries: number }>>(
  'local:categoryVersions',
  { fallback: [] },
);

let inMemory: HeldCategorySource[] | null = null;

/** What the device holds, verified (a source that fails its hash is dropped: the next sync sends it whole). */
export async function heldCategoryData(): Promise<HeldCategorySource[]> {
  if (inMemory) return inMemory;
  const stored = await storedCategoryData();
  const good = stored.filter((source) => hashCategoryEntries(source.entries) === source.hash);
  if (good.length !== stored.length)
    console.warn('waymark: category data failed its integrity check; resyncing');
  inMemory = good;
  return good;
}

export function forgetCategoryDataCache(): void {
  inMemory = null;
}

/** The request that asks for what changed since what the device holds. */
function syncRequest(held: readonly HeldCategorySource[]): CategorySyncRequest {
  return { held: held.map(({ id, version, categories }) => ({ id, version, categories })) };
}

/**
 * Syncs with the server: deltas from what the device holds, else snapshots. A result that fails
 * its integrity check is asked for again whole. Returns true when the data changed.
 *
 * `enforce` (when given) puts the new data's rules in force before it is stored: storing tens of
 * megabytes takes seconds, and if the worker stops in between, the stored (older, verified) data
 * is what the next start enforces and syncs from, so rules and data never disagree for long.
 */
export async function syncCategoryData(
  ask: (request: CategorySyncRequest) => Promise<CategorySyncResponse>,
  enforce?: () => Promise<void>,
): Promise<boolean> {
  const held = await heldCategoryData();
  let next: HeldCategorySource[];
  try {
    next = applyCategorySync(held, CategorySyncResponseSchema.parse(await ask(syncRequest(held))));
  } catch (error) {
    if (!(error instanceof CategoryIntegrityError)) throw error;
    console.warn('waymark:', error.message, '- asking for the whole list');
    next = applyCategorySync([], CategorySyncResponseSchema.parse(await ask(syncRequest([]))));
  }
  const changed =
    next.length !== held.length || next.some((s, i) => s.id !== held[i]?.id || s.hash !== held[i]?.hash);
  if (!changed) return false;
  inMemory = next;
  try {
    await enforce?.();
  } catch (error) {
    // Not stored: the next sync asks again from what the device held, and enforces it then.
    inMemory = held;
    throw error;
  }
  await storeCategoryData(next);
  return true;
}

/** The policy with every held entry in its category lists: what its decisions are made from. */
export function withCategoryData(policy: Policy, held: readonly HeldCategorySource[]): Policy {
  return { ...policy, categoryLists: joinCategoryLists(policy.categoryLists, mergeCategoryEntries(held)) };
}

/** Whether a category's own rules block now (its action, time windows and overrides). */
function categoryBlocksNow(policy: Policy, context: PolicyContext): (category: string) => boolean {
  // A lesson focus opens only its sites: the blocked categories need no rules then (illegal ones do).
  const focus = activeOverrides(policy, context).some((o) => o.kind === 'focus');
  return (category) =>
    !focus && categoryBlocks(policy.categories[category as keyof Policy['categories']], policy, context);
}

/**
 * The categories of a policy that block now, as one string: with the held data, all the
 * category groups depend on (the policy's own lists aside).
 */
export function blockingCategories(policy: Policy, context: PolicyContext): string {
  return Object.keys(policy.categories).filter(categoryBlocksNow(policy, context)).sort().join();
}

let lastGroups: {
  held: readonly HeldCategorySource[];
  lists: Policy['categoryLists'] | 'none';
  blocking: string;
  blockPage: string;
  result: { groups: CategoryRuleGroup[]; rest: CategoryEntries };
} | null = null;

/**
 * The category rule groups for the held data and the categories that block now, and the entries
 * left for the policy compiler. Grouping a million domains takes a while, so the last result is
 * kept: a policy push, an override or a lock with the same data and the same categories blocking
 * reuses it.
 */
export function categoryRulesFor(
  held: readonly HeldCategorySource[],
  policy: Policy,
  context: PolicyContext,
  blockPage: string,
): { groups: CategoryRuleGroup[]; rest: CategoryEntries } {
  const blocks = categoryBlocksNow(policy, context);
  const blocking = blockingCategories(policy, context);
  // Policies carry no lists now (a file or an older server may): each push is a new, empty object.
  const own = Object.keys(policy.categoryLists).length === 0 ? 'none' : policy.categoryLists;
  const reusable =
    lastGroups &&
    lastGroups.held === held &&
    lastGroups.lists === own &&
    lastGroups.blocking === blocking &&
    lastGroups.blockPage === blockPage;
  if (reusable) return lastGroups!.result;
  const lists = joinCategoryLists(policy.categoryLists, mergeCategoryEntries(held));
  const result = categoryRuleGroups(lists, blocks, blockPage);
  lastGroups = { held, lists: own, blocking, blockPage, result };
  return result;
}

/**
 * The held entries that could decide a URL (its host's, and for a mirror its site's), with the
 * list each came from: evaluating one address never builds a matcher over a million entries.
 */
export function categoryHitsFor(
  held: readonly HeldCategorySource[],
  url: string,
): { categoryLists: CategoryEntries; sources: Record<string, string> } {
  const hosts = new Set<string>();
  const host = urlParts(url)?.host;
  if (host) hosts.add(host);
  const target = mirrorOf(url)?.target;
  const targetHost = target ? urlParts(target)?.host : undefined;
  if (targetHost) hosts.add(targetHost);
  const categoryLists: CategoryEntries = {};
  const sources: Record<string, string> = {};
  for (const h of hosts) {
    for (const hit of entriesForHost(held, h)) {
      (categoryLists[hit.category] ??= []).push(hit.entry);
      sources[`${hit.category}\t${hit.entry}`] ??= hit.source;
    }
  }
  return { categoryLists, sources };
}

/**
 * The category the held data names a URL under, as blocking reads it: an illegal list first (the
 * tab is then blanked), else the most specific entry of any other (a mirror: its site's). Null
 * when no held list names it.
 */
export function categoryOfUrl(held: readonly HeldCategorySource[], url: string): Category | null {
  const { categoryLists } = categoryHitsFor(held, url);
  const targets = [url, mirrorOf(url)?.target].filter((u): u is string => typeof u === 'string');
  const illegal = illegalMatcher({ categoryLists });
  for (const target of targets) {
    const found = illegal(target);
    if (found) return found;
  }
  const set = new FilterSet(
    (Object.entries(categoryLists) as Array<[Category, string[]]>).flatMap(([category, filters]) =>
      isIllegalCategory(category)
        ? []
        : filters.flatMap((f) => {
            const parsed = parseFilter(f);
            return parsed.ok ? [{ filter: parsed.filter, allow: false, data: category }] : [];
          }),
    ),
  );
  for (const target of targets) {
    const hit = set.match(target);
    if (hit) return hit.data;
  }
  return null;
}

/** The list that holds the entry a decision names (`category gambling: "bet365.com"`). */
export function listOf(
  sources: Record<string, string>,
  decision: { category: string | null; rule: string | null },
) {
  if (!decision.category || !decision.rule) return null;
  const entry = /"([^"]*)"$/.exec(decision.rule)?.[1];
  return entry ? (sources[`${decision.category}\t${entry}`] ?? null) : null;
}

/** Records which versions the rules in force hold (after they are applied). */
export async function recordAppliedCategoryVersions(held: readonly HeldCategorySource[]): Promise<void> {
  await categoryVersionsItem.setValue(
    held.map((s) => ({
      id: s.id,
      version: s.version,
      entries: Object.values(s.entries).reduce((n, list) => n + (list?.length ?? 0), 0),
    })),
  );
}
