import { CategoryHash, combineCategoryHashes, EMPTY_CATEGORY_HASH, type Category } from '@waymark/shared';
import { STARTER_CATEGORY_LISTS } from '../../seed/starter-policies';

export { STARTER_CATEGORY_LISTS };

const hashes = new Map<string, string>(
  Object.entries(STARTER_CATEGORY_LISTS).map(([category, list]) => {
    const hash = new CategoryHash();
    for (const entry of list ?? []) hash.add(category, entry);
    return [category, hash.hex()];
  }),
);

/**
 * Waymark's reviewed starter lists, a built-in source every school has (its version changes with
 * the lists in a release, so devices refresh them).
 */
export const STARTER_SOURCE = {
  id: 'starter',
  name: 'Waymark starter lists',
  version: Number.parseInt(combineCategoryHashes(hashes.values()).slice(0, 7), 16),
  entryCount: Object.values(STARTER_CATEGORY_LISTS).reduce((n, list) => n + (list?.length ?? 0), 0),
  counts: Object.fromEntries(
    Object.entries(STARTER_CATEGORY_LISTS).map(([c, list]) => [c, list?.length ?? 0]),
  ),
  hashOf(categories: readonly Category[]): string {
    return combineCategoryHashes(categories.map((c) => hashes.get(c) ?? EMPTY_CATEGORY_HASH));
  },
};
