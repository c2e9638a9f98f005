import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  hashCategoryEntries,
  CategoryHash,
  PolicySchema,
  type CategorySyncRequest,
  type CategorySyncResponse,
  type PolicyMessage,
} from '@waymark/shared';
import { applyPolicy } from '../lib/apply-policy';
import {
  categoryDataItem,
  categoryHitsFor,
  forgetCategoryDataCache,
  heldCategoryData,
  listOf,
  syncCategoryData,
} from '../lib/category-data';
import { explainBlock } from '../lib/pupil-events';

const NOW = new Date('2026-11-25T11:00:00Z');

function message(): PolicyMessage {
  return {
    policy: PolicySchema.parse({
      version: 3,
      profile: 'KS4',
      mode: 'block-list',
      allow: [],
      block: [],
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

const domains = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}.example`);

function snapshot(version: number, gambling: string[]): CategorySyncResponse {
  const entries = { gambling };
  return {
    sources: [
      {
        kind: 'snapshot',
        id: 'feed',
        name: 'Test feed',
        version,
        hash: hashCategoryEntries(entries),
        categories: ['gambling'],
        entries,
      },
    ],
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetCategoryDataCache();
});

describe('category data on the device', () => {
  it('a snapshot is verified, kept, compiled into few requestDomains rules, and names its list', async () => {
    const list = domains(50_000, 'bet');
    const asked: CategorySyncRequest[] = [];
    expect(await syncCategoryData(async (r) => (asked.push(r), snapshot(1, list)))).toBe(true);
    expect(asked).toEqual([{ held: [] }]);
    expect((await categoryDataItem.getValue())[0]).toMatchObject({ id: 'feed', version: 1 });

    const dnr = fakeBrowser.declarativeNetRequest;
    vi.spyOn(dnr, 'getDynamicRules').mockResolvedValue([]);
    vi.spyOn(dnr, 'updateEnabledRulesets').mockResolvedValue();
    const update = vi.spyOn(dnr, 'updateDynamicRules').mockResolvedValue();
    await applyPolicy(message(), NOW);
    const rules = update.mock.calls[0]![0].addRules!;
    const withDomains = rules.filter((r) => r.condition.requestDomains?.includes('bet25000.example'));
    expect(withDomains.map((r) => r.action.type).sort()).toEqual(['block', 'redirect']);
    expect(rules.length).toBeLessThan(50);

    const url = 'https://www.bet25000.example/play';
    const hits = categoryHitsFor(await heldCategoryData(), url);
    const decision = explainBlock(url, message(), hits.categoryLists, NOW)!;
    expect(decision).toMatchObject({ verdict: 'blocked', category: 'gambling' });
    expect(listOf(hits.sources, decision)).toBe('Test feed');
    expect(explainBlock('https://bet25000.example.org/', message(), hits.categoryLists, NOW)?.verdict).toBe(
      'allowed',
    );
  });

  it('a delta unblocks one and blocks another; a delta that fails its hash is asked for again whole', async () => {
    const list = domains(1000, 'bet');
    await syncCategoryData(async () => snapshot(1, list));
    const held = await heldCategoryData();
    const hash = new CategoryHash(held[0]!.hash);
    hash.remove('gambling', 'bet500.example');
    hash.add('gambling', 'newbet.example');
    const delta: CategorySyncResponse = {
      sources: [
        {
          kind: 'delta',
          id: 'feed',
          name: 'Test feed',
          version: 2,
          from: 1,
          hash: hash.hex(),
          categories: ['gambling'],
          added: { gambling: ['newbet.example'] },
          removed: { gambling: ['bet500.example'] },
        },
      ],
    };
    const asked: CategorySyncRequest[] = [];
    await syncCategoryData(async (r) => (asked.push(r), delta));
    expect(asked[0]).toEqual({ held: [{ id: 'feed', version: 1, categories: ['gambling'] }] });
    const now = (await heldCategoryData())[0]!.entries.gambling!;
    expect(now).toContain('newbet.example');
    expect(now).not.toContain('bet500.example');
    expect(now).toHaveLength(1000);

    // A corrupted delta: the device asks for the whole list (it holds nothing of that source).
    const bad = structuredClone(delta);
    const source = bad.sources[0]! as Extract<CategorySyncResponse['sources'][number], { kind: 'delta' }>;
    source.from = 2;
    source.version = 3;
    source.added = { gambling: ['evil.example'] };
    const requests: CategorySyncRequest[] = [];
    await syncCategoryData(async (r) => {
      requests.push(r);
      return requests.length === 1 ? bad : snapshot(3, ['whole.example']);
    });
    expect(requests[1]).toEqual({ held: [] });
    expect((await heldCategoryData())[0]!.entries.gambling).toEqual(['whole.example']);
  });

  it('stored data that fails its hash is not used', async () => {
    await syncCategoryData(async () => snapshot(1, ['bet1.example', 'bet2.example']));
    const stored = await categoryDataItem.getValue();
    expect(stored[0]!.packed).toEqual({ gambling: 'bet1.example\nbet2.example' });
    await categoryDataItem.setValue([{ ...stored[0]!, packed: { gambling: 'bet1.example' } }]);
    forgetCategoryDataCache();
    expect(await heldCategoryData()).toEqual([]);
  });
});
