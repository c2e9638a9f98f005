import {
  ILLEGAL_CATEGORIES,
  illegalCategoryOf,
  isIllegalCategory,
  urlParts,
  type Category,
  type CategoryEntries,
} from '@waymark/shared';
import type { CategoryStore } from './category-store';

/**
 * The school's illegal-category lists, read from the category store (they no longer travel in
 * policies): a request, an override or a tab's address on them stays hidden or closed.
 */
export function createIllegalLists(store: CategoryStore) {
  return {
    /** Every entry of the illegal categories (small lists: the licensed ones stay on the network filter). */
    entries: (schoolId: string): Promise<CategoryEntries> => store.entriesIn(schoolId, ILLEGAL_CATEGORIES),

    /** The illegal category a URL is listed under, looked up by its host. */
    async categoryOf(schoolId: string, url: string): Promise<Category | null> {
      const parts = urlParts(url);
      if (!parts) return null;
      const categoryLists: CategoryEntries = {};
      for (const m of await store.lookup(schoolId, parts.host))
        if (isIllegalCategory(m.category)) (categoryLists[m.category] ??= []).push(m.entry);
      return illegalCategoryOf({ categoryLists }, url);
    },
  };
}
export type IllegalLists = ReturnType<typeof createIllegalLists>;
