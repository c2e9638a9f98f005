import { describe, expect, it } from 'vitest';
import { appendAll, compilePolicy, evaluateUrl, minOf, policyDiff, PolicySchema } from '../src';

const BLOCK_PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/blocked.html';
const NOW = new Date('2026-11-25T11:00:00Z');
const SIZE = 160_000;

const domains = Array.from({ length: SIZE }, (_, i) => `site${i}.gamble.example`);
const urlsOfPaths = Array.from({ length: SIZE }, (_, i) => `paths.example/p${i}`);

describe('lists past the engine’s argument limit (~100,000)', () => {
  it('appendAll and minOf take 500,000 items where push(...xs) and Math.min(...xs) throw', () => {
    const big = Array.from({ length: 500_000 }, (_, i) => 500_000 - i);
    expect(() => [].push(...(big as never[]))).toThrow(RangeError);
    expect(appendAll([0], big)).toHaveLength(500_001);
    expect(minOf(big)).toBe(1);
    expect(minOf([])).toBe(Infinity);
  });

  it(`compiles and evaluates a policy with a ${SIZE.toLocaleString('en-GB')}-domain category list`, () => {
    const policy = PolicySchema.parse({
      version: 1,
      profile: 'KS4',
      mode: 'block-list',
      allow: [],
      block: [],
      categories: { gambling: { action: 'block' } },
      categoryLists: { gambling: domains },
      alwaysAllowed: [],
      overrides: [],
    });
    const rules = compilePolicy(policy, { now: NOW, blockPage: BLOCK_PAGE });
    const blocked = rules
      .filter((r) => r.action.type === 'redirect')
      .reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0);
    expect(blocked).toBe(SIZE);
    // Few rules with long requestDomains lists: the count grows with the distinct host lengths
    // (each length is its own priority, as Chrome prefers longer hosts), never with the list.
    const oneSite = compilePolicy(
      PolicySchema.parse({ ...policy, categoryLists: { gambling: [domains[0]!] } }),
      { now: NOW, blockPage: BLOCK_PAGE },
    );
    const lengths = new Set(domains.map((d) => d.length)).size;
    expect(rules.length).toBeLessThanOrEqual(oneSite.length + 2 * (lengths - 1));
    expect(evaluateUrl(policy, 'https://www.site80000.gamble.example/', { now: NOW })).toMatchObject({
      verdict: 'blocked',
      category: 'gambling',
    });
    expect(evaluateUrl(policy, 'https://unlisted.example/', { now: NOW }).verdict).toBe('allowed');
    // Validating and parsing 160,000 filters three times (schema, compile, evaluate) takes seconds.
  }, 60_000);

  it('a list of paths past Chrome’s regex limit is refused with PolicyCompileError, not RangeError', () => {
    const policy = PolicySchema.parse({
      version: 1,
      profile: 'KS4',
      mode: 'block-list',
      allow: [],
      block: [],
      categories: { gambling: { action: 'block' } },
      categoryLists: { gambling: urlsOfPaths },
      alwaysAllowed: [],
      overrides: [],
    });
    expect(() => compilePolicy(policy, { now: NOW, blockPage: BLOCK_PAGE })).toThrow(/over 1000 regex rules/);
  }, 60_000);

  it('policyDiff of a 160,000-site import names a few and counts the rest', () => {
    const body = (lists: string[]) => ({
      profile: 'KS4' as const,
      mode: 'block-list' as const,
      allow: [],
      block: [],
      categories: {},
      categoryLists: { gambling: lists },
      safeSearch: true,
      timeZone: 'Europe/London',
    });
    const lines = policyDiff(body([]), body(domains));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^gambling sites: added 160000 \(site0\.gamble\.example/);
  });
});
