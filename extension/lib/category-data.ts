import { storage } from 'wxt/utils/storage';
import {
  applyCategorySync,
  CategoryIntegrityError,
  CategorySyncResponseSchema,
  entriesForHost,
  hashCategoryEntries,
  joinCategoryLists,
  mergeCategoryEntries,
  mirrorOf,
  urlParts,
  type CategoryEntries,
  type CategorySyncRequest,
  type CategorySyncResponse,
  type HeldCategorySource,
  type Policy,
} from '@waymark/shared';

/**
 * The category data this device holds (docs/architecture.md, "Category data"): per source, the
 * version and the entries of the categories its profile blocks. Kept in storage.local (the
 * `unlimitedStorage` permission: a million domains is tens of megabytes), and in memory while the
 * worker lives. Checked against its hash before it is used, at every load.
 */
export const categoryDataItem = storage.defineItem<HeldCategorySource[]>('local:categoryData', {
  fallback: [],
});

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
  const stored = await categoryDataItem.getValue();
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
 */
export async function syncCategoryData(
  ask: (request: CategorySyncRequest) => Promise<CategorySyncResponse>,
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
  await categoryDataItem.setValue(next);
  inMemory = next;
  return true;
}

/** The policy with every held entry in its category lists: what the DNR rules compile from. */
export function withCategoryData(policy: Policy, held: readonly HeldCategorySource[]): Policy {
  return { ...policy, categoryLists: joinCategoryLists(policy.categoryLists, mergeCategoryEntries(held)) };
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
