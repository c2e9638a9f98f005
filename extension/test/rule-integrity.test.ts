import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  canonicalJson,
  findChangedRules,
  recordDynamicRules,
  recordSessionRules,
  rulesDigest,
} from '../lib/rule-integrity';

type Rule = { id: number; [key: string]: unknown };

// fakeBrowser does not implement declarativeNetRequest: the installed rules are these lists.
let dynamic: Rule[] = [];
let session: Rule[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  dynamic = [
    { id: 1, priority: 2, action: { type: 'block' }, condition: { requestDomains: ['bet365.com'] } },
    { id: 2, priority: 1, action: { type: 'allow' }, condition: { requestDomains: ['school.test'] } },
  ];
  session = [];
  const dnr = fakeBrowser.declarativeNetRequest;
  vi.spyOn(dnr, 'getDynamicRules').mockImplementation(
    async (filter) =>
      (filter?.ruleIds ? dynamic.filter((r) => filter.ruleIds!.includes(r.id)) : dynamic) as never,
  );
  vi.spyOn(dnr, 'getSessionRules').mockImplementation(async () => session as never);
});

describe('rulesDigest', () => {
  it('is the same whatever order the rules and their keys come in', async () => {
    const reordered = [
      { condition: { requestDomains: ['school.test'] }, action: { type: 'allow' }, priority: 1, id: 2 },
      dynamic[0]!,
    ];
    expect(await rulesDigest(reordered)).toBe(await rulesDigest(dynamic));
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });

  it('differs when a rule changes', async () => {
    const changed = [{ ...dynamic[0]!, action: { type: 'allow' } }, dynamic[1]!];
    expect(await rulesDigest(changed)).not.toBe(await rulesDigest(dynamic));
  });
});

describe('findChangedRules', () => {
  it('finds nothing before any policy was applied, nor while the rules are the ones recorded', async () => {
    expect(await findChangedRules()).toBeNull();
    await recordDynamicRules();
    expect(await findChangedRules()).toBeNull();
    session = [{ id: 1000, action: { type: 'allow' } }];
    await recordSessionRules();
    expect(await findChangedRules()).toBeNull();
  });

  it('a digest recorded from the rules read back a few at a time is the digest of them all', async () => {
    const read = vi.mocked(fakeBrowser.declarativeNetRequest.getDynamicRules);
    const long = Array.from({ length: 12 }, (_, i) => 1_000_000 + i);
    dynamic.push(
      ...long.map((id) => ({
        id,
        priority: 3,
        action: { type: 'block' },
        condition: { requestDomains: [`a${id}.example`, `b${id}.example`] },
      })),
    );
    await recordDynamicRules(
      dynamic.map((r) => r.id),
      (id) => id >= 1_000_000,
    );
    // The two short rules and the first eight long ones, then the other four long ones.
    expect(read.mock.calls.map(([filter]) => filter?.ruleIds)).toEqual([
      [1, 2, ...long.slice(0, 8)],
      long.slice(8),
    ]);
    expect(await findChangedRules()).toBeNull();
    dynamic.push({ id: 7, action: { type: 'allow' } });
    expect(await findChangedRules()).toMatchObject({ dynamicChanged: true });
  });

  it('finds deleted or edited filter rules', async () => {
    await recordDynamicRules();
    dynamic = dynamic.slice(1);
    expect(await findChangedRules()).toEqual({
      dynamicChanged: true,
      sessionChanged: false,
      detail: 'the filter rules were changed (1 installed)',
    });
  });

  it('finds a session rule the extension did not add', async () => {
    await recordDynamicRules();
    session = [{ id: 99, priority: 100000, action: { type: 'allow' }, condition: { regexFilter: '.*' } }];
    expect(await findChangedRules()).toMatchObject({ dynamicChanged: false, sessionChanged: true });
  });
});
