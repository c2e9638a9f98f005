import { describe, expect, it } from 'vitest';
import {
  addressRangeRegex,
  compilePolicy,
  evaluateUrl,
  MIRROR_FORMS,
  MIRROR_PRIORITY,
  mirrorOf,
  parseAddressRange,
  policyDiff,
  PolicySchema,
  RAW_ADDRESS_REGEX,
  type Policy,
  type PolicyInput,
} from '../src';
import { simulateDnr } from './dnr-simulator';

const BLOCK_PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/blocked.html';
const NOW = new Date('2026-11-25T11:00:00Z');

function policy(overrides: Partial<PolicyInput>): Policy {
  return PolicySchema.parse({
    version: 1,
    profile: 'KS4',
    mode: 'block-list',
    allow: [],
    block: ['blocked.test'],
    categories: { gambling: { action: 'block' } },
    categoryLists: { gambling: ['bet365.com'] },
    alwaysAllowed: ['school.test', 'google.com'],
    overrides: [],
    ...overrides,
  });
}
const ks4 = policy({ allowedAddresses: ['10.20.0.0/16', '192.168.1.5', '::1'] });
const ks1 = policy({
  profile: 'KS1',
  mode: 'allow-list',
  allow: ['topmarks.co.uk'],
  block: [],
  categories: {},
});
const rules = (p: Policy) => compilePolicy(p, { now: NOW, blockPage: BLOCK_PAGE });
const verdict = (p: Policy, url: string) => evaluateUrl(p, url, { now: NOW }).verdict;
const dnr = (p: Policy, url: string) =>
  simulateDnr(rules(p), url).action === 'redirect' ? 'blocked' : 'allowed';

describe('raw IP addresses', () => {
  it('every IPv4 notation reaches the rules as dotted (WHATWG URL, as Chromium)', () => {
    for (const form of ['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '0x7f.0.0.1', '127.0.1']) {
      expect(new URL(`http://${form}/`).hostname).toBe('127.0.0.1');
    }
    expect(new URL('http://[0:0:0:0:0:0:0:1]/').hostname).toBe('[::1]');
  });

  it.each([
    'http://8.8.8.8/',
    'https://1.2.3.4:8443/x',
    'http://user@93.184.216.34/',
    'http://2130706433/',
    'http://0x5db8d822/',
    'http://[2606:2800:220:1:248:1893:25c8:1946]/',
    'http://10.21.0.1/',
  ])('a block-list profile refuses %s, naming the reason', (url) => {
    const decision = evaluateUrl(ks4, url, { now: NOW });
    expect(decision).toMatchObject({ verdict: 'blocked', source: 'ip-address' });
    expect(decision.rule).toContain('IP address');
    expect(dnr(ks4, new URL(url).href)).toBe('blocked');
  });

  it.each(['http://10.20.3.4/', 'http://10.20.255.255:8080/x', 'http://192.168.1.5/', 'http://[::1]:3000/'])(
    'allows %s, an address or range the school allows',
    (url) => {
      expect(verdict(ks4, url)).toBe('allowed');
      expect(dnr(ks4, url)).toBe('allowed');
    },
  );

  it('site names, and hosts that only look numeric, are unaffected', () => {
    for (const url of ['https://example.org/', 'https://1.2.3.4.example/', 'https://school.test/']) {
      expect([url, verdict(ks4, url), dnr(ks4, url)]).toEqual([url, 'allowed', 'allowed']);
    }
  });

  it('ranges: CIDR prefixes at any length, junk refused by the schema', () => {
    expect(parseAddressRange('10.20.0.0/12')).toEqual({
      v: 4,
      first: 10 * 2 ** 24 + 16 * 2 ** 16,
      last: 10 * 2 ** 24 + 31 * 2 ** 16 + 65535,
    });
    const twelve = new RegExp(addressRangeRegex(parseAddressRange('10.16.0.0/12')!));
    expect(twelve.test('http://10.31.1.1/')).toBe(true);
    expect(twelve.test('http://10.32.1.1/')).toBe(false);
    expect(twelve.test('http://10.15.1.1/')).toBe(false);
    for (const junk of ['10.0.0.0/33', '256.1.1.1', 'example.com', '1.2.3.4/8/1', '::1/64']) {
      expect(PolicySchema.safeParse({ ...ks4, allowedAddresses: [junk] }).success).toBe(false);
    }
    expect(new RegExp(RAW_ADDRESS_REGEX).test('http://999.1.1.1.example/')).toBe(false);
  });

  it('allow-list profiles already refuse addresses, except those the school allows', () => {
    expect(verdict(ks1, 'http://8.8.8.8/')).toBe('blocked');
    const withAddress = policy({ ...ks1, allowedAddresses: ['10.0.0.0/8'] });
    expect(verdict(withAddress, 'http://10.1.2.3/')).toBe('allowed');
    expect(dnr(withAddress, 'http://10.1.2.3/')).toBe('allowed');
  });
});

describe('mirrors', () => {
  it.each(MIRROR_FORMS.flatMap((form) => form.examples.map((e) => ({ form, ...e }))))(
    '$form.name: $url carries $target',
    ({ form, url, target }) => {
      expect(new RegExp(form.regex).test(url)).toBe(true);
      expect(mirrorOf(url)).toEqual({ form, target });
    },
  );

  it('ordinary pages of the same services are not mirrors', () => {
    for (const url of [
      'https://translate.google.com/',
      'https://www.google.com/search?q=translate',
      'https://archive.org/details/texts',
      'https://translate.goog.example/',
    ]) {
      expect([url, mirrorOf(url)]).toEqual([url, null]);
    }
  });

  it.each([
    'https://www-bet365-com.translate.goog/?_x_tr_sl=auto&_x_tr_tl=en',
    'https://translate.google.com/translate?sl=auto&tl=en&u=https://www.bet365.com/',
    'https://web.archive.org/web/2024/https://www.bet365.com/',
    'https://webcache.googleusercontent.com/search?q=cache:www.bet365.com',
    'https://translate.google.com/translate?u=https://web.archive.org/web/2024/https://blocked.test/',
  ])('a mirror of a blocked site inherits its block and category: %s', (url) => {
    const decision = evaluateUrl(ks4, url, { now: NOW });
    expect(decision.verdict).toBe('blocked');
    if (url.includes('bet365')) expect(decision.category).toBe('gambling');
  });

  it('a mirror of an allowed site is allowed; the device lets it through after the check', () => {
    const url = 'https://en-wikipedia-org.translate.goog/wiki/Cat';
    expect(verdict(ks4, url)).toBe('allowed');
    expect(verdict(ks1, 'https://www-topmarks-co-uk.translate.goog/')).toBe('allowed');
    expect(verdict(ks1, 'https://www-tiktok-com.translate.goog/')).toBe('blocked');
    // Every mirror goes through the block page for the check, above every allow.
    const outcome = simulateDnr(rules(ks4), url);
    expect(outcome).toMatchObject({ action: 'redirect', target: `${BLOCK_PAGE}#${url}` });
    expect(rules(ks4).find((r) => r.priority === MIRROR_PRIORITY)).toBeDefined();
  });

  it('the school can block mirrors outright', () => {
    const strict = policy({ mirrors: 'block' });
    expect(evaluateUrl(strict, 'https://en-wikipedia-org.translate.goog/', { now: NOW })).toMatchObject({
      verdict: 'blocked',
      source: 'mirror',
    });
    expect(verdict(strict, 'https://translate.google.com/')).toBe('allowed');
  });
});

describe('policyDiff', () => {
  it('names changes to allowed addresses and the mirror setting (change-control log)', () => {
    expect(policyDiff(ks4, { ...ks4, allowedAddresses: ['10.20.0.0/16'], mirrors: 'block' })).toEqual([
      'allowed addresses: removed 192.168.1.5, ::1',
      'mirror sites (translate proxies, web archives, search caches): each treated as the site it copies → all blocked',
    ]);
  });
});
