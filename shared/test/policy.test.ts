import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  DNR_LIMITS,
  evaluateUrl,
  nextPolicyChange,
  policyDiff,
  PolicyCompileError,
  PolicySchema,
  type Policy,
  type PolicyInput,
} from '../src';
import { simulateDnr } from './dnr-simulator';

const BLOCK_PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/blocked.html';
// Wednesday 11:00 in London (winter, UTC+0).
const NOW = new Date('2026-11-25T11:00:00Z');

function policy(overrides: Partial<PolicyInput>): Policy {
  return PolicySchema.parse({
    version: 1,
    profile: 'KS1',
    mode: 'allow-list',
    allow: [],
    block: [],
    categories: {},
    categoryLists: {},
    alwaysAllowed: ['school.test'],
    overrides: [],
    ...overrides,
  });
}

const ks1 = policy({ allow: ['bbc.co.uk/bitesize', 'topmarks.co.uk', '.allowed.test'] });
const ks3 = policy({
  profile: 'KS3',
  mode: 'block-list',
  allow: ['youtube.com/watch?v=lesson1'],
  block: ['blocked.test'],
  categories: {
    gambling: { action: 'block' },
    video: { action: 'block' },
    gaming: { action: 'allow-at-times', windows: [{ days: [1, 2, 3, 4, 5], start: '12:00', end: '13:00' }] },
    'social-media': { action: 'allow-for-nominated', nominated: ['media-club'] },
    messaging: { action: 'allow' },
  },
  categoryLists: {
    gambling: ['bet365.com', 'williamhill.com'],
    video: ['youtube.com', 'vimeo.com'],
    gaming: ['miniclip.com', 'roblox.com'],
    'social-media': ['tiktok.com'],
    messaging: ['discord.com'],
  },
});

const urls = [
  'https://www.bbc.co.uk/bitesize/subjects',
  'https://www.bbc.co.uk/news',
  'https://topmarks.co.uk/maths-games',
  'https://www.topmarks.co.uk/',
  'https://allowed.test/',
  'https://sub.allowed.test/',
  'https://school.test/console',
  'https://www.childline.org.uk/get-support/',
  'https://www.ceop.police.uk/safety-centre/',
  'https://www.bet365.com/',
  'https://williamhill.com/bet',
  'https://www.youtube.com/watch?v=lesson1',
  'https://www.youtube.com/watch?v=other',
  'https://vimeo.com/123',
  'https://miniclip.com/games',
  'https://www.roblox.com/',
  'https://www.tiktok.com/@x',
  'https://discord.com/app',
  'https://blocked.test/',
  'https://example.org/',
  'http://127.0.0.1:9999/',
];

function dnrVerdict(rules: ReturnType<typeof compilePolicy>, url: string) {
  return simulateDnr(rules, url).action === 'redirect' ? 'blocked' : 'allowed';
}

describe('evaluateUrl', () => {
  it('allow-list profiles block what is not listed and say why', () => {
    expect(evaluateUrl(ks1, 'https://example.org/', { now: NOW })).toMatchObject({
      verdict: 'blocked',
      rule: 'not on the KS1 allow-list',
      source: 'default',
      category: null,
    });
    const withLists = policy({ categoryLists: { gaming: ['miniclip.com'] } });
    expect(evaluateUrl(withLists, 'https://www.miniclip.com/', { now: NOW })).toMatchObject({
      verdict: 'blocked',
      rule: 'not on the KS1 allow-list',
      category: 'gaming',
    });
    expect(evaluateUrl(ks1, 'https://www.bbc.co.uk/bitesize/x', { now: NOW })).toMatchObject({
      verdict: 'allowed',
      rule: 'KS1 allow-list: "bbc.co.uk/bitesize"',
    });
  });

  it('help sites and the console server can never be blocked', () => {
    const lockedDown = policy({ mode: 'allow-list', block: ['*', 'childline.org.uk', 'school.test'] });
    for (const url of [
      'https://www.childline.org.uk/',
      'https://www.nhs.uk/mental-health/',
      'https://school.test/',
    ]) {
      expect(evaluateUrl(lockedDown, url, { now: NOW }).verdict).toBe('allowed');
    }
  });

  it('category actions: block, allow, allow-at-times, allow-for-nominated', () => {
    expect(evaluateUrl(ks3, 'https://www.bet365.com/', { now: NOW })).toMatchObject({
      verdict: 'blocked',
      category: 'gambling',
    });
    expect(evaluateUrl(ks3, 'https://discord.com/', { now: NOW }).verdict).toBe('allowed');
    expect(evaluateUrl(ks3, 'https://miniclip.com/', { now: NOW }).verdict).toBe('blocked');
    const lunch = new Date('2026-11-25T12:30:00Z');
    expect(evaluateUrl(ks3, 'https://miniclip.com/', { now: lunch }).verdict).toBe('allowed');
    const saturdayLunch = new Date('2026-11-28T12:30:00Z');
    expect(evaluateUrl(ks3, 'https://miniclip.com/', { now: saturdayLunch }).verdict).toBe('blocked');
    expect(evaluateUrl(ks3, 'https://tiktok.com/', { now: NOW }).verdict).toBe('blocked');
    expect(evaluateUrl(ks3, 'https://tiktok.com/', { now: NOW, classIds: ['media-club'] }).verdict).toBe(
      'allowed',
    );
  });

  it('time windows follow the school’s time zone, including summer time', () => {
    // 11:30 UTC in June is 12:30 in London.
    expect(evaluateUrl(ks3, 'https://miniclip.com/', { now: new Date('2026-06-10T11:30:00Z') }).verdict).toBe(
      'allowed',
    );
  });

  it('a more specific allow beats a category block', () => {
    expect(evaluateUrl(ks3, 'https://www.youtube.com/watch?v=lesson1', { now: NOW }).verdict).toBe('allowed');
    expect(evaluateUrl(ks3, 'https://www.youtube.com/watch?v=other', { now: NOW })).toMatchObject({
      verdict: 'blocked',
      category: 'video',
    });
  });

  it('lesson overrides open sites until they expire', () => {
    const withOverride = policy({
      ...ks1,
      overrides: [
        {
          id: 'o1',
          classId: 'year2',
          kind: 'open',
          sites: ['scratch.mit.edu'],
          startsAt: '2026-11-25T10:00:00.000Z',
          endsAt: '2026-11-25T11:30:00.000Z',
          createdBy: 'teacher@school.test',
        },
      ],
    });
    const url = 'https://scratch.mit.edu/projects';
    expect(evaluateUrl(withOverride, url, { now: NOW, classIds: ['year2'] }).verdict).toBe('allowed');
    expect(evaluateUrl(withOverride, url, { now: NOW, classIds: ['year5'] }).verdict).toBe('blocked');
    expect(
      evaluateUrl(withOverride, url, { now: new Date('2026-11-25T11:30:00Z'), classIds: ['year2'] }).verdict,
    ).toBe('blocked');
  });

  it('focus mode allows only the lesson’s sites and help', () => {
    const focused = policy({
      ...ks3,
      overrides: [
        {
          id: 'f1',
          classId: 'year9',
          kind: 'focus',
          sites: ['docs.google.com'],
          startsAt: '2026-11-25T10:00:00.000Z',
          endsAt: '2026-11-25T12:00:00.000Z',
          createdBy: 't',
        },
      ],
    });
    const ctx = { now: NOW, classIds: ['year9'] };
    expect(evaluateUrl(focused, 'https://docs.google.com/document/1', ctx).verdict).toBe('allowed');
    expect(evaluateUrl(focused, 'https://discord.com/', ctx).verdict).toBe('blocked');
    expect(evaluateUrl(focused, 'https://www.childline.org.uk/', ctx).verdict).toBe('allowed');
  });

  it('never throws on junk', () => {
    for (const junk of ['', 'nope', '\u0000', 'http://', 'https://[']) {
      expect(evaluateUrl(ks1, junk, { now: NOW })).toMatchObject({
        verdict: 'blocked',
        source: 'invalid-url',
      });
    }
  });
});

describe('compilePolicy', () => {
  it.each([
    ['KS1 allow-list', ks1],
    ['KS3 categories', ks3],
  ])('%s: the DNR rules decide every URL exactly as evaluateUrl does', (_, p) => {
    const rules = compilePolicy(p, { now: NOW, blockPage: BLOCK_PAGE });
    for (const url of urls) {
      expect([url, dnrVerdict(rules, url)]).toEqual([url, evaluateUrl(p, url, { now: NOW }).verdict]);
    }
  });

  it('gives every rule a unique id; redirects only navigations and <object>/<embed> loads', () => {
    const rules = compilePolicy(ks3, { now: NOW, blockPage: BLOCK_PAGE });
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.every((r) => r.id >= 1 && r.priority >= 1)).toBe(true);
    const redirects = rules.filter(
      (r) => r.action.type === 'redirect' && 'regexSubstitution' in r.action.redirect,
    );
    expect(redirects.every((r) => r.condition.resourceTypes.join() === 'main_frame,sub_frame,object')).toBe(
      true,
    );
  });

  it('blocks <object>/<embed> loads of whatever a navigation would be blocked from', () => {
    for (const p of [ks1, ks3]) {
      const rules = compilePolicy(p, { now: NOW, blockPage: BLOCK_PAGE });
      for (const url of urls) {
        const navigation = dnrVerdict(rules, url);
        expect([
          url,
          simulateDnr(rules, url, 'object').action === 'redirect' ? 'blocked' : 'allowed',
        ]).toEqual([url, navigation]);
      }
    }
  });

  it('blocked categories and the block list refuse every subresource and socket; an allow-list’s default does not', () => {
    const types = ['xmlhttprequest', 'script', 'image', 'websocket', 'ping', 'media', 'other'] as const;
    const ks3rules = compilePolicy(ks3, { now: NOW, blockPage: BLOCK_PAGE });
    for (const type of types) {
      expect(simulateDnr(ks3rules, 'https://www.bet365.com/odds.json', type).action).toBe('block');
      expect(simulateDnr(ks3rules, 'wss://blocked.test/socket', type).action).toBe('block');
      expect(simulateDnr(ks3rules, 'https://example.org/app.js', type).action).toBe('none');
      // A more specific allow beats the category's block for subresources too.
      expect(simulateDnr(ks3rules, 'https://www.youtube.com/watch?v=lesson1', type).action).toBe('allow');
      expect(simulateDnr(ks3rules, 'https://www.youtube.com/watch?v=other', type).action).toBe('block');
    }
    // KS1: a CDN an allowed page uses still loads; the school's explicit block list does not.
    const withBlock = policy({ allow: ['topmarks.co.uk'], block: ['bad.test'] });
    const ks1rules = compilePolicy(withBlock, { now: NOW, blockPage: BLOCK_PAGE });
    for (const type of types) {
      expect(simulateDnr(ks1rules, 'https://cdn.example.net/lib.js', type).action).toBe('none');
      expect(simulateDnr(ks1rules, 'https://bad.test/x', type).action).toBe('block');
    }
    expect(simulateDnr(ks1rules, 'https://cdn.example.net/', 'main_frame').action).toBe('redirect');
  });

  it('help sites are never blocked, whatever the resource', () => {
    const p = policy({
      mode: 'block-list',
      profile: 'KS4',
      categories: { 'self-harm': { action: 'block' } },
      categoryLists: { 'self-harm': ['childline.org.uk'] },
    });
    const rules = compilePolicy(p, { now: NOW, blockPage: BLOCK_PAGE });
    for (const type of ['main_frame', 'script', 'image', 'xmlhttprequest'] as const) {
      expect(simulateDnr(rules, 'https://www.childline.org.uk/a', type).action).toBe('allow');
    }
  });

  it('redirects blocked navigations to the block page with the original URL after #', () => {
    const rules = compilePolicy(ks1, { now: NOW, blockPage: BLOCK_PAGE });
    expect(simulateDnr(rules, 'https://example.org/a?b=1')).toMatchObject({
      action: 'redirect',
      target: `${BLOCK_PAGE}#https://example.org/a?b=1`,
    });
    const ks3rules = compilePolicy(ks3, { now: NOW, blockPage: BLOCK_PAGE });
    expect(simulateDnr(ks3rules, 'https://www.bet365.com/x')).toMatchObject({
      action: 'redirect',
      target: `${BLOCK_PAGE}#https://www.bet365.com/x`,
    });
  });

  it('allow-list profiles end with one lowest-priority catch-all redirect', () => {
    const rules = compilePolicy(ks1, { now: NOW, blockPage: BLOCK_PAGE });
    const catchAll = rules.filter((r) => r.condition.regexFilter === '^(.*)$');
    expect(catchAll).toHaveLength(1);
    expect(catchAll[0]!.priority).toBe(1);
    expect(Math.min(...rules.map((r) => r.priority))).toBe(1);
    const ks3rules = compilePolicy(ks3, { now: NOW, blockPage: BLOCK_PAGE });
    expect(ks3rules.some((r) => r.condition.regexFilter === '^(.*)$')).toBe(false);
  });

  it('a blocked category’s domains share a redirect rule and a block rule per specificity', () => {
    const gambling = Array.from({ length: 1_000 }, (_, i) => `site${i}.example`);
    const p = policy({
      mode: 'block-list',
      profile: 'KS4',
      categories: { gambling: { action: 'block' } },
      categoryLists: { gambling },
    });
    const rules = compilePolicy(p, { now: NOW, blockPage: BLOCK_PAGE });
    const groups = new Set(gambling.map((d) => d.length)).size;
    expect(rules.filter((r) => r.action.type === 'block')).toHaveLength(groups);
    expect(dnrVerdict(rules, 'https://www.site999.example/')).toBe('blocked');
    expect(simulateDnr(rules, 'https://www.site999.example/a.png', 'image').action).toBe('block');
  });

  it('groups plain domains into few rules: 10,000 allowed domains fit easily', () => {
    const allow = Array.from({ length: 10_000 }, (_, i) => `site${i}.example`);
    const rules = compilePolicy(policy({ allow }), { now: NOW, blockPage: BLOCK_PAGE });
    expect(rules.length).toBeLessThan(50);
    expect(dnrVerdict(rules, 'https://www.site9999.example/')).toBe('allowed');
    expect(dnrVerdict(rules, 'https://site10000.example/')).toBe('blocked');
  });

  it('fails clearly past Chrome’s regex-rule limit', () => {
    const allow = Array.from(
      { length: DNR_LIMITS.MAX_NUMBER_OF_REGEX_RULES + 1 },
      (_, i) => `site.example/page${i}`,
    );
    expect(() => compilePolicy(policy({ allow }), { now: NOW, blockPage: BLOCK_PAGE })).toThrow(
      PolicyCompileError,
    );
    expect(() => compilePolicy(policy({ allow }), { now: NOW, blockPage: BLOCK_PAGE })).toThrow(
      /\d+ regex rules \(Chrome allows 1000\)/,
    );
  });

  it('fails clearly on a filter with more query tokens than DNR can express', () => {
    const p = policy({ allow: ['example.com?a=1&b=2&c=3&d=4'] });
    expect(() => compilePolicy(p, { now: NOW, blockPage: BLOCK_PAGE })).toThrow(/4 query tokens/);
  });

  it('compiles paths, ports, schemes and query filters into regex rules that agree with the matcher', () => {
    const p = policy({
      mode: 'block-list',
      profile: 'KS4',
      block: [
        'example.com/games',
        'https://exact.test',
        'ports.test:8080',
        '.only.test',
        'q.test?a=1&b=2',
        'default.test:443',
      ],
      allow: ['example.com/games/chess'],
    });
    const rules = compilePolicy(p, { now: NOW, blockPage: BLOCK_PAGE });
    for (const url of [
      'https://example.com/games',
      'https://www.example.com/games/x',
      'https://example.com/games/chess/1',
      'https://example.com/Games',
      'https://exact.test/',
      'http://exact.test/',
      'http://ports.test:8080/',
      'http://ports.test/',
      'https://only.test/',
      'https://www.only.test/',
      'https://q.test/?b=2&a=1',
      'https://q.test/?a=1',
      'https://default.test/',
      'http://default.test/',
      'https://default.test:443/',
    ]) {
      expect([url, dnrVerdict(rules, url)]).toEqual([url, evaluateUrl(p, url, { now: NOW }).verdict]);
    }
  });
});

describe('PolicySchema', () => {
  it('rejects an invalid filter and says which', () => {
    const result = PolicySchema.safeParse({ ...ks1, allow: ['exa mple.com'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('invalid filter "exa mple.com"');
  });
});

describe('nextPolicyChange', () => {
  it('is the next window boundary in the school’s time zone', () => {
    // Wednesday 11:00 London → the gaming window opens at 12:00.
    expect(nextPolicyChange(ks3, { now: NOW })?.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(nextPolicyChange(ks3, { now: new Date('2026-11-25T12:30:00Z') })?.toISOString()).toBe(
      '2026-11-25T13:00:00.000Z',
    );
    // Friday after the window → Monday 12:00.
    expect(nextPolicyChange(ks3, { now: new Date('2026-11-27T14:00:00Z') })?.toISOString()).toBe(
      '2026-11-30T12:00:00.000Z',
    );
    // Summer time: 12:00 in London is 11:00 UTC.
    expect(nextPolicyChange(ks3, { now: new Date('2026-06-10T09:00:00Z') })?.toISOString()).toBe(
      '2026-06-10T11:00:00.000Z',
    );
    // Across the October clock change (Sun 25 Oct 2026): Friday 23 Oct 14:00 BST → Mon 26 Oct 12:00 GMT.
    expect(nextPolicyChange(ks3, { now: new Date('2026-10-23T13:00:00Z') })?.toISOString()).toBe(
      '2026-10-26T12:00:00.000Z',
    );
  });

  it('includes the end of a lesson override for the device’s class', () => {
    const p = policy({
      overrides: [
        {
          id: 'o',
          classId: 'year2',
          kind: 'open',
          sites: ['scratch.mit.edu'],
          startsAt: '2026-11-25T10:00:00.000Z',
          endsAt: '2026-11-25T11:20:00.000Z',
          createdBy: 't',
        },
      ],
    });
    expect(nextPolicyChange(p, { now: NOW, classIds: ['year2'] })?.toISOString()).toBe(
      '2026-11-25T11:20:00.000Z',
    );
    expect(nextPolicyChange(p, { now: NOW, classIds: ['year5'] })).toBeNull();
  });
});

describe('locked safe search', () => {
  const rulesFor = (p: Policy) => compilePolicy(p, { now: NOW, blockPage: BLOCK_PAGE });

  it.each([
    ['https://www.google.com/search?q=cats', 'https://www.google.com/search?q=cats&safe=active'],
    ['https://www.google.co.uk/search?q=cats&safe=off', 'https://www.google.co.uk/search?q=cats&safe=active'],
    ['https://www.bing.com/search?q=cats', 'https://www.bing.com/search?q=cats&adlt=strict'],
    ['https://duckduckgo.com/?q=cats&kp=-2', 'https://duckduckgo.com/?q=cats&kp=1'],
    ['http://www.google.com:8080/search?q=cats', 'http://www.google.com:8080/search?q=cats&safe=active'],
  ])('forces strict mode: %s', (url, target) => {
    expect(simulateDnr(rulesFor(ks3), url)).toMatchObject({ action: 'transform', target });
  });

  it('sets YouTube Restricted Mode on every YouTube request', () => {
    const open = policy({ ...ks3, categories: { ...ks3.categories, video: { action: 'allow' } } });
    expect(simulateDnr(rulesFor(open), 'https://www.youtube.com/watch?v=1').headers).toEqual({
      'YouTube-Restrict': 'Strict',
    });
    expect(simulateDnr(rulesFor(open), 'https://www.bbc.co.uk/').headers).toEqual({});
  });

  it('leaves other pages of the engines alone', () => {
    expect(simulateDnr(rulesFor(ks3), 'https://www.google.com/maps').action).not.toBe('transform');
  });

  it('adds no rewrite for an engine the policy blocks, so its block page still shows', () => {
    const rules = rulesFor(ks1);
    expect(simulateDnr(rules, 'https://www.google.com/search?q=cats')).toMatchObject({ action: 'redirect' });
    expect(rules.some((r) => r.action.type === 'modifyHeaders')).toBe(false);
  });

  it('can be turned off by the policy', () => {
    const rules = rulesFor(policy({ ...ks3, safeSearch: false }));
    expect(simulateDnr(rules, 'https://www.google.com/search?q=cats').action).toBe('none');
  });
});

describe('policyDiff', () => {
  it('describes what changed, in words', () => {
    const before = ks3;
    const after = policy({
      ...ks3,
      allow: ['youtube.com/watch?v=lesson2'],
      safeSearch: false,
      categories: { ...ks3.categories, video: { action: 'allow' } },
      categoryLists: { ...ks3.categoryLists, gambling: ['bet365.com', 'skybet.com'] },
    });
    expect(policyDiff(before, after)).toEqual([
      'locked SafeSearch: on → off',
      'allow-list: added youtube.com/watch?v=lesson2',
      'allow-list: removed youtube.com/watch?v=lesson1',
      'category video: block → allow',
      'gambling sites: added skybet.com',
      'gambling sites: removed williamhill.com',
    ]);
  });
});
