import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CATEGORY_RULE_BASE,
  CategoryHash,
  FAIL_CLOSED_OVERRULE_PRIORITY,
  hashCategoryEntries,
  ILLEGAL_PRIORITY,
  PolicySchema,
  type CategoryEntries,
  type CategorySyncResponse,
  type DnrRule,
  type PolicyMessage,
} from '@waymark/shared';
import { applyPolicy } from '../lib/apply-policy';
import { forgetCategoryDataCache, heldCategoryData, syncCategoryData } from '../lib/category-data';
import { FAIL_CLOSED_OVERRULE_ID, installedSessionRulesItem } from '../lib/install-rules';

const NOW = new Date('2026-11-25T11:00:00Z');

function message(): PolicyMessage {
  return {
    policy: PolicySchema.parse({
      version: 3,
      profile: 'KS4',
      mode: 'block-list',
      allow: [],
      block: ['school-blocked.example'],
      categories: { gambling: { action: 'block' } },
      alwaysAllowed: [],
      overrides: [],
    }),
    classIds: [],
    className: null,
    schoolName: 'Test School',
    keywords: {},
  };
}

// Names of many lengths, so the data falls into many groups, as a real list does.
const gambling = Array.from({ length: 120_000 }, (_, i) => `${'b'.repeat(1 + (i % 12))}${i}.example`);
const illegal = ['abuse1.invalid', 'abuse2.invalid'];

function snapshot(entries: CategoryEntries): CategorySyncResponse {
  return {
    sources: [
      {
        kind: 'snapshot',
        id: 'feed',
        name: 'Test feed',
        version: 1,
        hash: hashCategoryEntries(entries),
        categories: ['gambling', 'illegal-csam'],
        entries,
      },
    ],
  };
}

function delta(from: CategoryEntries, added: string[], removed: string[]): CategorySyncResponse {
  const hash = new CategoryHash(hashCategoryEntries(from));
  for (const e of removed) hash.remove('gambling', e);
  for (const e of added) hash.add('gambling', e);
  return {
    sources: [
      {
        kind: 'delta',
        id: 'feed',
        name: 'Test feed',
        version: 2,
        from: 1,
        hash: hash.hex(),
        categories: ['gambling', 'illegal-csam'],
        added: { gambling: added },
        removed: { gambling: removed },
      },
    ],
  };
}

/** A Chrome ruleset, as far as these tests need it: ids unique, an update all or nothing. */
function fakeRuleset() {
  const installed = new Map<number, DnrRule>();
  const update = vi.fn(async (options: { removeRuleIds?: number[]; addRules?: unknown[] }) => {
    const next = new Map(installed);
    for (const id of options.removeRuleIds ?? []) next.delete(id);
    for (const rule of (options.addRules ?? []) as DnrRule[]) {
      if (next.has(rule.id)) throw new Error(`Rule with id ${rule.id} does not have a unique ID.`);
      next.set(rule.id, rule);
    }
    installed.clear();
    for (const [id, rule] of next) installed.set(id, rule);
  });
  return { installed, update };
}

/**
 * Chrome's dynamic and session rules and the fail-closed static ruleset (on, as the manifest
 * has it). `installed` and `blocking` read what is in force: both rulesets.
 */
function fakeDnr() {
  const dynamic = fakeRuleset();
  const session = fakeRuleset();
  const dnr = fakeBrowser.declarativeNetRequest;
  vi.spyOn(dnr, 'getDynamicRules').mockImplementation(async () => [...dynamic.installed.values()] as never);
  vi.spyOn(dnr, 'getSessionRules').mockImplementation(async () => [...session.installed.values()] as never);
  vi.spyOn(dnr, 'updateDynamicRules').mockImplementation(dynamic.update as never);
  vi.spyOn(dnr, 'updateSessionRules').mockImplementation(session.update as never);
  const enabled = new Set(['fail_closed']);
  vi.spyOn(dnr, 'getEnabledRulesets').mockImplementation(async () => [...enabled]);
  vi.spyOn(dnr, 'updateEnabledRulesets').mockImplementation(async (options) => {
    for (const id of options.disableRulesetIds ?? []) enabled.delete(id);
    for (const id of options.enableRulesetIds ?? []) enabled.add(id);
  });
  const inForce = () => [...dynamic.installed.values(), ...session.installed.values()];
  const blocking = (domain: string) => inForce().filter((r) => r.condition.requestDomains?.includes(domain));
  return { dynamic, session, enabled, blocking };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  forgetCategoryDataCache();
});

describe('category rules on the device', () => {
  it('a delta replaces only the rules of the groups it changed, with the same ids', async () => {
    const { dynamic, session, blocking } = fakeDnr();
    const { update, installed } = session;
    const entries = { gambling, 'illegal-csam': illegal };
    const enforce = () => applyPolicy(message(), NOW).then(() => undefined);
    await syncCategoryData(async () => snapshot(entries), enforce);
    expect(update).toHaveBeenCalledTimes(1);
    expect(dynamic.update).toHaveBeenCalledTimes(1);
    // The category groups are session rules; the dynamic rules are the policy's alone.
    for (const rule of dynamic.installed.values()) expect(rule.id).toBeLessThan(CATEGORY_RULE_BASE);
    expect(installed.get(FAIL_CLOSED_OVERRULE_ID)?.action.type).toBe('allow');
    const before = new Map(installed);
    expect(
      blocking('bb1.example')
        .map((r) => r.action.type)
        .sort(),
    ).toEqual(['block', 'redirect']);
    for (const rule of blocking('abuse1.invalid')) expect(rule.priority).toBe(ILLEGAL_PRIORITY);

    const gone = gambling[1]!; // 'bb1.example'
    const added = 'newly-listed.example';
    await syncCategoryData(async () => delta(entries, [added], [gone]), enforce);
    expect(update).toHaveBeenCalledTimes(2);
    // A delta leaves the dynamic (policy) rules alone.
    expect(dynamic.update).toHaveBeenCalledTimes(1);
    const call = update.mock.calls[1]![0];
    // The group that lost a name and the group that gained one: two rules each, no others.
    expect(call.removeRuleIds).toHaveLength(4);
    expect(call.addRules).toHaveLength(4);
    expect(blocking(gone)).toEqual([]);
    expect(
      blocking(added)
        .map((r) => r.action.type)
        .sort(),
    ).toEqual(['block', 'redirect']);
    // Every other rule is the very rule installed before, under the same id.
    const touched = new Set(call.removeRuleIds);
    for (const [id, rule] of installed) if (!touched.has(id)) expect(before.get(id)).toBe(rule);
    for (const rule of blocking('abuse2.invalid')) expect(rule.priority).toBe(ILLEGAL_PRIORITY);
    expect(blocking('school-blocked.example')).toHaveLength(2);
  });

  it('a policy push with the same category data and categories blocking changes no rule', async () => {
    const { dynamic, session } = fakeDnr();
    await syncCategoryData(async () => snapshot({ gambling }));
    await applyPolicy(message(), NOW);
    const pushed = message();
    pushed.policy.version = 4;
    await applyPolicy(pushed, NOW);
    expect(dynamic.update).toHaveBeenCalledTimes(1);
    expect(session.update).toHaveBeenCalledTimes(1);
  });

  it('a policy change replaces dynamic rules only: the category groups stay where they are', async () => {
    const { dynamic, session, blocking } = fakeDnr();
    await syncCategoryData(async () => snapshot({ gambling }));
    await applyPolicy(message(), NOW);
    const changed = message();
    changed.policy.version = 4;
    changed.policy.block = ['school-blocked.example', 'also-blocked.example'];
    await applyPolicy(changed, NOW);
    expect(dynamic.update).toHaveBeenCalledTimes(2);
    expect(session.update).toHaveBeenCalledTimes(1);
    expect(blocking('also-blocked.example')).toHaveLength(2);
    expect(blocking('bb1.example')).toHaveLength(2);
  });

  it('keeps the fail-closed ruleset on, overruled by a session allow put in with the groups', async () => {
    const { session, enabled } = fakeDnr();
    enabled.delete('fail_closed'); // a device an older version turned it off on
    await syncCategoryData(async () => snapshot({ gambling }));
    await applyPolicy(message(), NOW);
    expect([...enabled]).toEqual(['fail_closed']);
    // One update, all or nothing: the allow never stands without the groups.
    const added = (session.update.mock.calls[0]![0].addRules ?? []) as DnrRule[];
    expect(added.map((r) => r.id)).toContain(FAIL_CLOSED_OVERRULE_ID);
    expect(added.some((r) => r.condition.requestDomains?.includes('bb1.example'))).toBe(true);
    const overrule = session.installed.get(FAIL_CLOSED_OVERRULE_ID)!;
    expect(overrule).toMatchObject({
      priority: FAIL_CLOSED_OVERRULE_PRIORITY,
      action: { type: 'allow' },
      condition: { regexFilter: '^https?://', resourceTypes: ['main_frame', 'sub_frame'] },
    });
  });

  it('a browser restart (session rules and session storage gone) puts every session rule back', async () => {
    const { dynamic, session, blocking } = fakeDnr();
    await syncCategoryData(async () => snapshot({ gambling, 'illegal-csam': illegal }));
    await applyPolicy(message(), NOW);
    const count = session.installed.size;
    session.installed.clear();
    await fakeBrowser.storage.session.clear();
    await applyPolicy(message(), NOW);
    expect(session.update).toHaveBeenCalledTimes(2);
    expect(session.installed.size).toBe(count);
    expect(dynamic.update).toHaveBeenCalledTimes(1);
    for (const rule of blocking('abuse1.invalid')) expect(rule.priority).toBe(ILLEGAL_PRIORITY);
    expect(blocking('abuse1.invalid')).toHaveLength(2);
  });

  it('a delta cut short leaves the old data held and the next sync puts every rule back in order', async () => {
    const { session, blocking } = fakeDnr();
    const { update, installed } = session;
    const entries = { gambling };
    const enforce = () => applyPolicy(message(), NOW).then(() => undefined);
    await syncCategoryData(async () => snapshot(entries), enforce);
    const gone = gambling[5]!;
    const added = 'newly-listed.example';

    update.mockRejectedValueOnce(new Error('browser stopped'));
    await expect(syncCategoryData(async () => delta(entries, [added], [gone]), enforce)).rejects.toThrow(
      'browser stopped',
    );
    expect((await heldCategoryData())[0]!.version).toBe(1);
    forgetCategoryDataCache();
    expect((await heldCategoryData())[0]!.version).toBe(1);
    // The record of what is installed was dropped before the update: the next install replaces all.
    expect(await installedSessionRulesItem.getValue()).toBeNull();

    const count = installed.size;
    await syncCategoryData(async () => delta(entries, [added], [gone]), enforce);
    const call = update.mock.lastCall![0];
    expect(call.removeRuleIds).toHaveLength(count);
    expect(blocking(gone)).toEqual([]);
    expect(blocking(added)).toHaveLength(2);
    expect((await heldCategoryData())[0]!.version).toBe(2);
  });
});
