import { describe, expect, it } from 'vitest';
import {
  allowsNamingIllegal,
  ALWAYS_ALLOWED_PRIORITY,
  compilePolicy,
  helpSitesOnIllegalLists,
  evaluateUrl,
  ILLEGAL_PRIORITY,
  MIRROR_PRIORITY,
  PolicyBodySchema,
  PolicySchema,
  SAFE_SEARCH_PRIORITY,
  type Policy,
  type PolicyInput,
} from '../src';
import { simulateDnr } from './dnr-simulator';

/** docs/architecture.md, "Illegal content is always blocked": every layer of the shared policy model. */

const BLOCK_PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/blocked.html';
const NOW = new Date('2026-11-25T11:00:00Z');
const BAD = 'https://bad.example/page';

function policy(overrides: Partial<PolicyInput>): Policy {
  return PolicySchema.parse({
    version: 1,
    profile: 'KS3',
    mode: 'block-list',
    allow: [],
    block: [],
    categories: { 'illegal-csam': { action: 'block' } },
    categoryLists: { 'illegal-csam': ['bad.example'], gambling: ['bet.example'] },
    alwaysAllowed: ['school.test'],
    overrides: [],
    ...overrides,
  });
}

const lesson = (kind: 'open' | 'focus', sites: string[]) => ({
  id: `o-${kind}`,
  classId: '7A',
  kind,
  sites,
  startsAt: '2026-11-25T10:00:00Z',
  endsAt: '2026-11-25T12:00:00Z',
  createdBy: 'teacher@school.test',
});

/** Every way a school, a teacher or a request could try to let the host through. */
const attempts: Array<[string, Partial<PolicyInput>]> = [
  ['an allow-list entry (block-list profile)', { allow: ['bad.example'] }],
  [
    'an allow-list entry (allow-list profile)',
    { mode: 'allow-list', profile: 'KS1', allow: ['bad.example'] },
  ],
  ['a wider allow-list entry', { mode: 'allow-list', profile: 'KS1', allow: ['example'] }],
  ['a path allow-list entry', { allow: ['https://bad.example/page'] }],
  ['a lesson override', { overrides: [lesson('open', ['bad.example'])] }],
  ['a lesson focus site', { overrides: [lesson('focus', ['bad.example'])] }],
  ['an always-allowed host', { alwaysAllowed: ['school.test', 'bad.example'] }],
  ['the category left unset', { categories: {} }],
  [
    'an allowed address',
    { allowedAddresses: ['127.0.0.1'], categoryLists: { 'illegal-csam': ['127.0.0.1'] } },
  ],
];

describe('illegal categories: the schema', () => {
  it.each(['allow', 'allow-at-times', 'allow-for-nominated'] as const)(
    'refuses "%s" for an illegal category, with a message that says why',
    (action) => {
      const categoryAction =
        action === 'allow'
          ? { action }
          : action === 'allow-at-times'
            ? { action, windows: [{ days: [1], start: '09:00', end: '10:00' }] }
            : { action, nominated: ['pupil@school.test'] };
      for (const schema of [PolicySchema, PolicyBodySchema]) {
        const parsed = schema.safeParse({
          ...policy({}),
          categories: { 'illegal-terrorism': categoryAction, gambling: { action: 'allow' } },
        });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.path).toEqual(['categories', 'illegal-terrorism']);
        expect(parsed.error?.issues[0]?.message).toMatch(/illegal content: its only action is "block"/);
      }
    },
  );

  it('accepts block, or leaving it unset, and any action for other categories', () => {
    expect(
      PolicySchema.safeParse({ ...policy({}), categories: { 'illegal-hate': { action: 'block' } } }).success,
    ).toBe(true);
    expect(
      PolicySchema.safeParse({ ...policy({}), categories: { gambling: { action: 'allow' } } }).success,
    ).toBe(true);
  });
});

describe('illegal categories: evaluate', () => {
  it.each(attempts)('%s does not open a host on an illegal list', (_, overrides) => {
    const p = policy(overrides);
    const url = overrides.allowedAddresses ? 'http://127.0.0.1/x' : BAD;
    const decision = evaluateUrl(p, url, { now: NOW, classIds: ['7A'], user: 'pupil@school.test' });
    expect(decision).toMatchObject({ verdict: 'blocked', source: 'category', category: 'illegal-csam' });
  });

  it('a mirror of an illegal site is blocked as illegal', () => {
    const p = policy({ allow: ['bad.example'] });
    const decision = evaluateUrl(p, 'https://bad-example.translate.goog/page', { now: NOW });
    expect(decision.verdict).toBe('blocked');
  });

  it('the rest of a host the allow-list opens stays open when the illegal list names one page of it', () => {
    const p = policy({
      mode: 'allow-list',
      profile: 'KS1',
      allow: ['images.example'],
      categoryLists: { 'illegal-csam': ['images.example/abuse'] },
    });
    expect(evaluateUrl(p, 'https://images.example/cats', { now: NOW }).verdict).toBe('allowed');
    expect(evaluateUrl(p, 'https://images.example/abuse/1', { now: NOW })).toMatchObject({
      verdict: 'blocked',
      category: 'illegal-csam',
    });
  });
});

describe('illegal categories: compile (DNR priorities)', () => {
  it('puts the illegal block above every allow rule and above the lock, notice and mirror rules', () => {
    const rules = compilePolicy(policy({ allow: ['bad.example'] }), { now: NOW, blockPage: BLOCK_PAGE });
    const illegal = rules.filter((r) => r.condition.requestDomains?.includes('bad.example'));
    expect(illegal.map((r) => r.action.type).sort()).toEqual(['block', 'redirect']);
    for (const rule of illegal) expect(rule.priority).toBe(ILLEGAL_PRIORITY);
    const allows = rules.filter((r) => r.action.type === 'allow');
    expect(Math.max(...allows.map((r) => r.priority))).toBeLessThan(ILLEGAL_PRIORITY);
    // Above always-allowed, mirror, safe-search, the visitor notice (+1) and the lock (+5, +6).
    expect(ILLEGAL_PRIORITY).toBeGreaterThan(
      Math.max(ALWAYS_ALLOWED_PRIORITY, MIRROR_PRIORITY, SAFE_SEARCH_PRIORITY + 6),
    );
  });

  it('generates no allow rule for a host on an illegal list', () => {
    for (const [, overrides] of attempts.filter(([, o]) => !o.allowedAddresses)) {
      const rules = compilePolicy(policy(overrides), { now: NOW, classIds: ['7A'], blockPage: BLOCK_PAGE });
      const allowsBad = rules.filter(
        (r) =>
          r.action.type === 'allow' &&
          (r.condition.requestDomains?.includes('bad.example') ||
            r.condition.regexFilter?.includes('bad\\.example')),
      );
      expect(allowsBad).toEqual([]);
    }
  });

  it.each(attempts)(
    '%s: Chrome sends the host to the block page, and its subresources nowhere',
    (_, overrides) => {
      const rules = compilePolicy(policy(overrides), {
        now: NOW,
        classIds: ['7A'],
        user: 'pupil@school.test',
        blockPage: BLOCK_PAGE,
      });
      const url = overrides.allowedAddresses ? 'http://127.0.0.1/x' : BAD;
      expect(simulateDnr(rules, url, 'main_frame')).toMatchObject({
        action: 'redirect',
        target: `${BLOCK_PAGE}#${url}`,
      });
      expect(simulateDnr(rules, url, 'sub_frame').action).toBe('redirect');
      for (const type of ['xmlhttprequest', 'image', 'script', 'websocket'] as const)
        expect(simulateDnr(rules, url, type).action).toBe('block');
    },
  );

  it('a nominated user is not let through an illegal list even if an old policy named them', () => {
    // A policy stored before the schema refused it: compile and evaluate still block.
    const stored = {
      ...policy({}),
      categories: {
        'illegal-csam': { action: 'allow-for-nominated' as const, nominated: ['pupil@school.test'] },
      },
    } as Policy;
    const ctx = { now: NOW, user: 'pupil@school.test', blockPage: BLOCK_PAGE };
    expect(evaluateUrl(stored, BAD, ctx).verdict).toBe('blocked');
    expect(simulateDnr(compilePolicy(stored, ctx), BAD).action).toBe('redirect');
  });
});

describe('illegal categories: the edit guards the server uses', () => {
  it('finds help sites on an illegal list: the site, a page or subdomain of it, or a filter covering it', () => {
    expect(
      helpSitesOnIllegalLists({
        'illegal-csam': ['bad.example', 'childline.org.uk', 'www.samaritans.org/page'],
        'illegal-hate': ['uk'],
        gambling: ['nhs.uk'],
      }).map((h) => [h.category, h.filter, h.helpSite]),
    ).toEqual([
      ['illegal-csam', 'childline.org.uk', 'Childline'],
      ['illegal-csam', 'www.samaritans.org/page', 'Samaritans'],
      ['illegal-hate', 'uk', 'Childline'],
    ]);
  });

  it('finds allow entries naming a listed site, not wider ones', () => {
    const lists = { categoryLists: { 'illegal-terrorism': ['bad.example', 'host.example/one'] } };
    expect(
      allowsNamingIllegal(lists, [
        'www.bad.example',
        'https://bad.example/x',
        'host.example',
        'host.example/one/two',
        'fine.example',
      ]),
    ).toEqual([
      { filter: 'www.bad.example', category: 'illegal-terrorism' },
      { filter: 'https://bad.example/x', category: 'illegal-terrorism' },
      { filter: 'host.example/one/two', category: 'illegal-terrorism' },
    ]);
  });
});
