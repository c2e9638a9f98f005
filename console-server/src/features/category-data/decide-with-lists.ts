import {
  evaluateUrl,
  urlParts,
  type Category,
  type CategoryEntries,
  type Policy,
  type PolicyContext,
} from '@waymark/shared';
import type { CategoryMatch, CategoryStore } from './category-store';

/**
 * A URL's decision with the school's category data: the entries that could match its host are
 * looked up in the store (an index, not a scan of millions), put in the policy, and evaluated;
 * the answer names the list (source) that holds the deciding entry.
 */
export async function decideWithLists(
  store: CategoryStore,
  schoolId: string,
  policy: Policy,
  url: string,
  ctx: PolicyContext,
) {
  const parts = urlParts(url);
  const matches = parts ? await store.lookup(schoolId, parts.host) : [];
  return decideWithMatches(policy, url, ctx, matches);
}

export function decideWithMatches(policy: Policy, url: string, ctx: PolicyContext, matches: CategoryMatch[]) {
  const categoryLists: CategoryEntries = {};
  for (const m of matches) (categoryLists[m.category] ??= []).push(m.entry);
  const decision = evaluateUrl({ ...policy, categoryLists }, url, ctx);
  return { decision, lists: listsOf(matches, decision.category, decision.rule) };
}

/** The lists holding the deciding category's entry (the one the rule names, else any of that category). */
function listsOf(matches: CategoryMatch[], category: Category | null, rule: string | null): string[] {
  if (!category) return [];
  const ofCategory = matches.filter((m) => m.category === category);
  const named = ofCategory.filter((m) => rule?.includes(`"${m.entry}"`));
  return [...new Set((named.length > 0 ? named : ofCategory).map((m) => m.source))];
}
