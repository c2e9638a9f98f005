import { describe, expect, it } from 'vitest';
import {
  CATEGORY_RULE_BASE,
  CATEGORY_RULE_CHUNK,
  categoryRuleGroups,
  ILLEGAL_PRIORITY,
  parseFilter,
  specificityPriority,
} from '../src';

const PAGE = 'chrome-extension://id/blocked.html';

describe('category rule groups', () => {
  it('take the plain domains at the priority the policy compiler gives them, and leave the rest', () => {
    const odd = ['Upper.Example', 'example.org/path', '.exact.example', '10.0.0.1', 'under_score.example'];
    const { groups, rest } = categoryRuleGroups(
      { gambling: ['bet.example', 'www.bet.example', ...odd], 'illegal-csam': ['abuse.invalid'] },
      () => true,
      PAGE,
    );
    expect(rest).toEqual({ gambling: odd });
    for (const group of groups) {
      for (const domain of group.domains) {
        const parsed = parseFilter(domain);
        expect(parsed.ok && parsed.filter.host).toBe(domain);
        expect(parsed.ok && parsed.filter.matchSubdomains).toBe(true);
        expect(group.priority).toBe(
          group.category === 'illegal-csam'
            ? ILLEGAL_PRIORITY
            : parsed.ok && specificityPriority(parsed.filter),
        );
      }
      expect(group.id).toBeGreaterThanOrEqual(CATEGORY_RULE_BASE);
    }
    expect(
      groups
        .map((g) => g.domains)
        .flat()
        .sort(),
    ).toEqual(['abuse.invalid', 'bet.example', 'www.bet.example']);
  });

  it('hold a name listed twice (two sources) once, with the same key as when listed once', () => {
    const once = categoryRuleGroups({ gambling: ['bet.example', 'dice.example'] }, () => true, PAGE).groups;
    const twice = categoryRuleGroups(
      { gambling: ['bet.example', 'dice.example', 'bet.example'] },
      () => true,
      PAGE,
    ).groups;
    expect(twice.map((g) => [g.id, g.key, [...g.domains].sort()])).toEqual(
      once.map((g) => [g.id, g.key, [...g.domains].sort()]),
    );
  });

  it('a category that does not block now has no group (its entries go to the compiler untouched); illegal always has', () => {
    const lists = { gambling: ['bet.example'], 'illegal-hate': ['hate.invalid'] };
    const { groups, rest } = categoryRuleGroups(lists, () => false, PAGE);
    expect(groups.map((g) => g.category)).toEqual(['illegal-hate']);
    expect(rest).toEqual({ gambling: ['bet.example'] });
  });

  it('keep their ids when other groups change, and split past the chunk size', () => {
    const big = Array.from(
      { length: CATEGORY_RULE_CHUNK * 2 + 10 },
      (_, i) => `b${String(i).padStart(7, '0')}.example`,
    );
    const first = categoryRuleGroups({ gambling: big, video: ['tube.example'] }, () => true, PAGE).groups;
    expect(first.filter((g) => g.category === 'gambling').length).toBe(3);
    for (const g of first) expect(g.domains.length).toBeLessThanOrEqual(CATEGORY_RULE_CHUNK * 1.1);
    const second = categoryRuleGroups(
      { gambling: big, video: ['tube.example', 'clips.example'] },
      () => true,
      PAGE,
    ).groups;
    const byId = new Map(first.map((g) => [g.id, g.key]));
    const changed = second.filter((g) => byId.get(g.id) !== g.key);
    expect(changed.map((g) => g.domains)).toEqual([['clips.example']]);
    expect(new Set(second.map((g) => g.id)).size).toBe(second.length);
  });
});
