import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  categoryGroupRules,
  categoryRuleGroups,
  compilePolicy,
  PolicySchema,
  type PolicyMessage,
} from '@waymark/shared';
import {
  applyPolicy,
  appliedVersionItem,
  blockPageUrl,
  cachedPolicyItem,
  REFRESH_ALARM,
  scheduleRefresh,
} from '../lib/apply-policy';

const NOW = new Date('2026-11-25T11:00:00Z'); // Wednesday, 11:00 in London

function message(overrides: PolicyMessage['policy']['overrides'] = []): PolicyMessage {
  return {
    policy: PolicySchema.parse({
      version: 9,
      profile: 'KS4',
      mode: 'block-list',
      allow: [],
      block: [],
      categories: {
        gaming: {
          action: 'allow-at-times',
          windows: [{ days: [1, 2, 3, 4, 5], start: '12:00', end: '13:00' }],
        },
      },
      categoryLists: { gaming: ['roblox.com'] },
      alwaysAllowed: ['school.test'],
      overrides,
    }),
    classIds: ['year10'],
    className: 'Year 10',
    schoolName: 'Test School',
    keywords: {},
  };
}

// fakeBrowser does not implement declarativeNetRequest: spy on it (docs/architecture.md, platform facts).
function spyDnr(existing: number[] = []) {
  const dnr = fakeBrowser.declarativeNetRequest;
  vi.spyOn(dnr, 'getDynamicRules').mockResolvedValue(existing.map((id) => ({ id }) as never));
  const update = vi.spyOn(dnr, 'updateDynamicRules').mockResolvedValue();
  const rulesets = vi.spyOn(dnr, 'updateEnabledRulesets').mockResolvedValue();
  return { update, rulesets };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('applyPolicy', () => {
  it('replaces every dynamic rule with the compiled policy, then leaves the fail-closed rules', async () => {
    const { update, rulesets } = spyDnr([1, 2, 3]);
    const m = message();
    const rules = await applyPolicy(m, NOW);
    // The category lists' plain domains are compiled apart, into groups with ids of their own.
    const { groups } = categoryRuleGroups(m.policy.categoryLists, () => true, blockPageUrl());
    expect(rules).toEqual([
      ...compilePolicy(
        { ...m.policy, categoryLists: {} },
        { now: NOW, classIds: ['year10'], blockPage: blockPageUrl() },
      ),
      ...groups.flatMap((g) => categoryGroupRules(g, blockPageUrl())),
    ]);
    expect(update).toHaveBeenCalledWith({ removeRuleIds: [1, 2, 3], addRules: rules });
    expect(rulesets).toHaveBeenCalledWith({ disableRulesetIds: ['fail_closed'] });
    expect(update.mock.invocationCallOrder[0]).toBeLessThan(rulesets.mock.invocationCallOrder[0]!);
    expect(await cachedPolicyItem.getValue()).toEqual(m);
    expect(await appliedVersionItem.getValue()).toBe(9);
  });

  it('applies time windows as they stand at the moment: gaming blocked in lessons, open at lunch', async () => {
    const { update } = spyDnr();
    const blocksRoblox = () =>
      (update.mock.lastCall![0].addRules ?? []).some((r) =>
        r.condition.requestDomains?.includes('roblox.com'),
      );
    await applyPolicy(message(), NOW);
    expect(blocksRoblox()).toBe(true);
    await applyPolicy(message(), new Date('2026-11-25T12:30:00Z'));
    expect(blocksRoblox()).toBe(false);
  });

  it('keeps the old rules when the policy cannot be compiled', async () => {
    const { update } = spyDnr([1]);
    const tooBig = message();
    tooBig.policy.allow = Array.from({ length: 1200 }, (_, i) => `site.example/page${i}`);
    await expect(applyPolicy(tooBig, NOW)).rejects.toThrow(/regex rules/);
    expect(update).not.toHaveBeenCalled();
  });
});

describe('scheduleRefresh', () => {
  it('sets an alarm for the end of a lesson override, so it ends on time even offline', async () => {
    const m = message([
      {
        id: 'o1',
        classId: 'year10',
        kind: 'open',
        sites: ['scratch.mit.edu'],
        startsAt: '2026-11-25T10:30:00.000Z',
        endsAt: '2026-11-25T11:20:00.000Z',
        createdBy: 't',
      },
    ]);
    await scheduleRefresh(m, NOW);
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(alarm?.scheduledTime).toBe(Date.parse('2026-11-25T11:20:01.000Z'));
  });

  it('otherwise for the next time window boundary', async () => {
    await scheduleRefresh(message(), NOW);
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(
      Date.parse('2026-11-25T12:00:01.000Z'),
    );
  });
});
