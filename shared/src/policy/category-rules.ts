import { CATEGORIES, isIllegalCategory, type Category } from './categories';
import type { CategoryEntries } from './category-data';
import {
  ILLEGAL_PRIORITY,
  NAVIGATIONS,
  SUBRESOURCES,
  specificityPriority,
  type DnrRule,
} from './compile-policy';

/**
 * The DNR rules of a device's category data, apart from the policy's own (docs/architecture.md,
 * "Category data"): a million plain domains become a few dozen rules with large `requestDomains`
 * lists, grouped by layer (illegal or not), category, host length (the priority Chrome's filter
 * precedence gives them) and, past `CATEGORY_RULE_CHUNK` domains, a stable bucket of the domain.
 *
 * A group's rule ids follow from its key alone, so the same group keeps the same ids from one
 * version to the next: a delta replaces the rules of the groups it changed and no other.
 */

/** Policy rules are numbered from 1 (Chrome allows 30,000 dynamic rules); category rules above. */
export const CATEGORY_RULE_BASE = 1_000_000;
/** Domains per rule at most (Chromium 156 took 900,001 in one rule: docs/architecture.md). */
export const CATEGORY_RULE_CHUNK = 50_000;
const MAX_BUCKETS = 64;

/** A lower-case name of dotted labels whose last has a letter: a plain domain `parseFilter` keeps as is. */
const PLAIN_DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z0-9-]*[a-z][a-z0-9-]*$/;

export interface CategoryRuleGroup {
  /** The group's redirect rule (navigations); its block rule (subresources) is `id + 1`. */
  id: number;
  priority: number;
  category: Category;
  domains: string[];
  /** Order-independent hash of the group's domains, its priority and block page: equal means unchanged. */
  key: string;
}

function fnv(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Splits category data into the groups of plain domains (the bulk, compiled here without parsing
 * each as a filter) and the rest (URL prefixes, unusual names), which the policy compiler takes.
 * `blocks` says whether a non-illegal category blocks now; illegal ones always do.
 */
export function categoryRuleGroups(
  lists: CategoryEntries,
  blocks: (category: Category) => boolean,
  blockPage: string,
): { groups: CategoryRuleGroup[]; rest: CategoryEntries } {
  const rest: CategoryEntries = {};
  const groups: CategoryRuleGroup[] = [];
  for (const [index, category] of CATEGORIES.entries()) {
    const list = Object.hasOwn(lists, category) ? lists[category] : undefined;
    if (!list || list.length === 0) continue;
    const illegal = isIllegalCategory(category);
    if (!illegal && !blocks(category)) {
      // Not compiled, but kept whole so the policy compiler sees exactly what it saw before.
      rest[category] = list;
      continue;
    }
    // Arrays, not Sets: a Set over a million names was the largest thing in the worker's heap
    // while a snapshot was applied. Duplicates (a name in two sources) go per bucket, below.
    const byLength = new Map<number, string[]>();
    const others: string[] = [];
    for (const entry of list) {
      if (entry.length > 253 || !PLAIN_DOMAIN.test(entry)) {
        others.push(entry);
        continue;
      }
      let same = byLength.get(entry.length);
      if (!same) byLength.set(entry.length, (same = []));
      same.push(entry);
    }
    if (others.length > 0) rest[category] = others;
    for (const [length, names] of byLength) {
      byLength.delete(length);
      const priority = illegal
        ? ILLEGAL_PRIORITY
        : specificityPriority({
            source: '',
            scheme: '',
            host: 'x'.repeat(length),
            matchSubdomains: true,
            port: 0,
            path: '',
            query: [],
          });
      const buckets = Math.min(MAX_BUCKETS, Math.ceil(names.length / CATEGORY_RULE_CHUNK));
      const chunks: string[][] = Array.from({ length: buckets }, () => []);
      for (const domain of names) chunks[buckets === 1 ? 0 : fnv(domain, 0x811c9dc5) % buckets]!.push(domain);
      for (let b = 0; b < buckets; b++) {
        const seen = new Set(chunks[b]);
        const domains = seen.size === chunks[b]!.length ? chunks[b]! : [...seen];
        seen.clear();
        if (domains.length === 0) continue;
        let sumA = 0;
        let sumB = 0;
        for (const domain of domains) {
          sumA = (sumA + fnv(domain, 0x811c9dc5)) >>> 0;
          sumB = (sumB + fnv(domain, 0x050c5d1f)) >>> 0;
        }
        const slot = ((index * 256 + length) * MAX_BUCKETS + b) * 2;
        groups.push({
          id: CATEGORY_RULE_BASE + slot,
          priority,
          category,
          domains,
          key: `${priority}:${buckets}:${domains.length}:${sumA}:${sumB}:${blockPage}`,
        });
      }
    }
  }
  return { groups, rest };
}

/** A group's two rules: the block page for navigations, a plain block for everything else. */
export function categoryGroupRules(group: CategoryRuleGroup, blockPage: string): [DnrRule, DnrRule] {
  return [
    {
      id: group.id,
      priority: group.priority,
      action: { type: 'redirect', redirect: { regexSubstitution: `${blockPage}#\\0` } },
      condition: { requestDomains: group.domains, regexFilter: '^.*$', resourceTypes: NAVIGATIONS },
    },
    {
      id: group.id + 1,
      priority: group.priority,
      action: { type: 'block' },
      condition: { requestDomains: group.domains, resourceTypes: SUBRESOURCES },
    },
  ];
}
