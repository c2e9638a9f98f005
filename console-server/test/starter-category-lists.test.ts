import { describe, expect, it } from 'vitest';
import { canonicalHost, CATEGORIES, HELP_SITE_HOSTS, isIllegalCategory } from '@waymark/shared';
import { STARTER_CATEGORY_LISTS, STARTER_LIST_SOURCES } from '../src/seed/starter-policies';

const lists = Object.entries(STARTER_CATEGORY_LISTS) as Array<[string, string[]]>;

describe("Waymark's starter category lists", () => {
  it('hold a reviewed set for every category a school filters, each with its sources noted', () => {
    for (const category of CATEGORIES) {
      if (isIllegalCategory(category)) continue;
      expect(STARTER_CATEGORY_LISTS[category]?.length, category).toBeGreaterThan(0);
      expect(STARTER_LIST_SOURCES[category], category).toMatch(/.{20,}/);
    }
    const total = lists.reduce((n, [, list]) => n + list.length, 0);
    expect(total).toBeGreaterThan(400);
  });

  it('are bare, canonical host names, each once per category', () => {
    for (const [category, list] of lists) {
      expect(new Set(list).size, category).toBe(list.length);
      for (const entry of list) expect(canonicalHost(entry), `${category}: ${entry}`).toBe(entry);
    }
  });

  it('never name a help site or a host under one', () => {
    for (const [category, list] of lists)
      for (const entry of list)
        for (const help of HELP_SITE_HOSTS)
          expect(help === entry || help.endsWith(`.${entry}`), `${category}: ${entry} covers ${help}`).toBe(
            false,
          );
  });
});
