import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CategoryHash,
  hashCategoryEntries,
  ILLEGAL_PRIORITY,
  PolicySchema,
  type CategoryEntries,
  type CategorySyncResponse,
  type DnrRule,
  type PolicyMessage,
} from '@waymark/shared';
import { applyPolicy, resumePolicy } from '../lib/apply-policy';
import {
  categoryDataItem,
  forgetCategoryDataCache,
  heldCategoryData,
  syncCategoryData,
} from '../lib/category-data';
import { forgetInstalledRules, installedRulesItem } from '../lib/install-rules';
import { checkRules } from '../lib/rule-integrity';

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

/** Chrome's dynamic rules, as far as these tests need them: ids unique, an update all or nothing. */
function fakeDnr() {
  const installed = new Map<number, DnrRule>();
  const dnr = fakeBrowser.declarativeNetRequest;
  vi.spyOn(dnr, 'getDynamicRules').mockImplementation(
    async (filter) =>
      (filter?.ruleIds
        ? filter.ruleIds.flatMap((id) => installed.get(id) ?? [])
        : [...installed.values()]) as never,
  );
  vi.spyOn(dnr, 'getSessionRules').mockResolvedValue([]);
  vi.spyOn(dnr, 'updateEnabledRulesets').mockResolvedValue();
  const update = vi.spyOn(dnr, 'updateDynamicRules').mockImplementation(async (options) => {
    const next = new Map(installed);
    for (const id of options.removeRuleIds ?? []) next.delete(id);
    for (const rule of (options.addRules ?? []) as DnrRule[]) {
      if (next.has(rule.id)) throw new Error(`Rule with id ${rule.id} does not have a unique ID.`);
      next.set(rule.id, rule);
    }
    installed.clear();
    for (const [id, rule] of next) installed.set(id, rule);
  });
  const blocking = (domain: string) =>
    [...installed.values()].filter((r) => r.condition.requestDomains?.includes(domain));
  return { installed, update, blocking };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  forgetCategoryDataCache();
});

describe('category rules on the device', () => {
  it('a delta replaces only the rules of the groups it changed, with the same ids', async () => {
    const { update, blocking, installed } = fakeDnr();
    const entries = { gambling, 'illegal-csam': illegal };
    const enforce = () => applyPolicy(message(), NOW).then(() => undefined);
    await syncCategoryData(async () => snapshot(entries), enforce);
    expect(update).toHaveBeenCalledTimes(1);
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
    const { update } = fakeDnr();
    await syncCategoryData(async () => snapshot({ gambling }));
    await applyPolicy(message(), NOW);
    const pushed = message();
    pushed.policy.version = 4;
    await applyPolicy(pushed, NOW);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('a delta cut short leaves the old data held and the next sync puts every rule back in order', async () => {
    const { update, blocking, installed } = fakeDnr();
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
    expect(await installedRulesItem.getValue()).toBeNull();

    const count = installed.size;
    await syncCategoryData(async () => delta(entries, [added], [gone]), enforce);
    const call = update.mock.lastCall![0];
    expect(call.removeRuleIds).toHaveLength(count);
    expect(blocking(gone)).toEqual([]);
    expect(blocking(added)).toHaveLength(2);
    expect((await heldCategoryData())[0]!.version).toBe(2);
  });

  // docs/architecture.md, "A start that trusts the rules in force".
  describe('at a start', () => {
    async function applied() {
      const dnr = fakeDnr();
      await syncCategoryData(async () => snapshot({ gambling }));
      await applyPolicy(message(), NOW);
      // A new worker: nothing in memory, and the held data is not what the rules need read.
      forgetCategoryDataCache();
      await categoryDataItem.setValue([]);
      const rulesets = vi.mocked(fakeBrowser.declarativeNetRequest.updateEnabledRulesets);
      rulesets.mockClear();
      return { ...dnr, rulesets };
    }

    it('rules verified as recorded: fail-closed is turned off without reading or installing anything', async () => {
      const { update, rulesets } = await applied();
      expect((await checkRules()).dynamicVerified).toBe(true);
      const pushed = message();
      pushed.policy.version = 4;
      expect(await resumePolicy(pushed, NOW)).toBe(true);
      expect(update).toHaveBeenCalledTimes(1);
      expect(rulesets).toHaveBeenCalledWith({ disableRulesetIds: ['fail_closed'] });
    });

    it('rules changed by something else are not verified', async () => {
      const { installed } = await applied();
      installed.delete(installed.keys().next().value!);
      const { finding, dynamicVerified } = await checkRules();
      expect(finding?.dynamicChanged).toBe(true);
      expect(dynamicVerified).toBe(false);
    });

    it('a policy that compiles to other rules now, or no record, leaves fail-closed on', async () => {
      const { update, rulesets } = await applied();
      const opened = message();
      opened.policy.categories = { gambling: { action: 'allow' } };
      expect(await resumePolicy(opened, NOW)).toBe(false);
      const blocksMore = message();
      blocksMore.policy.block.push('also-blocked.example');
      expect(await resumePolicy(blocksMore, NOW)).toBe(false);
      await forgetInstalledRules();
      expect(await resumePolicy(message(), NOW)).toBe(false);
      expect(rulesets).not.toHaveBeenCalled();
      expect(update).toHaveBeenCalledTimes(1);
    });
  });
});
