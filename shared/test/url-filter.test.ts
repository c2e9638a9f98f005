import { describe, expect, it } from 'vitest';
import { chromePolicyFilterSet, matchesUnrelatedHosts, parseFilter, urlParts } from '../src';

type Verdict = 'allowed' | 'blocked';
/** [URLBlocklist, URLAllowlist, url, what Chrome does] */
type Case = [string[], string[], string, Verdict];

function chrome(block: string[], allow: string[], url: string): Verdict {
  const { set, errors } = chromePolicyFilterSet({ URLBlocklist: block, URLAllowlist: allow });
  expect(errors).toEqual([]);
  const hit = set.match(url);
  return hit === null || hit.allow ? 'allowed' : 'blocked';
}

const cases: Case[] = [
  // host and subdomains
  [['example.com'], [], 'http://example.com/', 'blocked'],
  [['example.com'], [], 'https://example.com/page', 'blocked'],
  [['example.com'], [], 'https://www.example.com/', 'blocked'],
  [['example.com'], [], 'https://sub.www.example.com/x', 'blocked'],
  [['example.com'], [], 'https://notexample.com/', 'allowed'],
  [['example.com'], [], 'https://example.com.evil.org/', 'allowed'],
  [['example.com'], [], 'https://example.org/', 'allowed'],
  [['www.example.com'], [], 'https://example.com/', 'allowed'],
  [['www.example.com'], [], 'https://www.example.com/', 'blocked'],
  // leading dot: exact host only
  [['.www.example.com'], [], 'https://www.example.com/', 'blocked'],
  [['.www.example.com'], [], 'https://sub.www.example.com/', 'allowed'],
  [['.example.com'], [], 'https://example.com/a', 'blocked'],
  [['.example.com'], [], 'https://www.example.com/a', 'allowed'],
  // wildcard host
  [['*'], [], 'https://anything.test/', 'blocked'],
  [['*'], [], 'http://10.0.0.1/', 'blocked'],
  [['*'], ['example.com'], 'https://example.com/', 'allowed'],
  [['*'], ['example.com'], 'https://www.example.com/x', 'allowed'],
  [['*'], ['example.com'], 'https://other.com/', 'blocked'],
  [['*'], ['.example.com'], 'https://www.example.com/', 'blocked'],
  // schemes
  [['https://example.com'], [], 'https://example.com/', 'blocked'],
  [['https://example.com'], [], 'http://example.com/', 'allowed'],
  [['http://example.com'], [], 'HTTP://Example.COM/', 'blocked'],
  [['HTTPS://EXAMPLE.COM'], [], 'https://www.example.com/', 'blocked'],
  [['ftp://example.com'], [], 'https://example.com/', 'allowed'],
  [['ws://example.com'], [], 'ws://example.com/socket', 'blocked'],
  [['wss://example.com'], [], 'ws://example.com/socket', 'allowed'],
  [['example.com'], [], 'ftp://example.com/file', 'blocked'],
  [['chrome://*'], [], 'chrome://settings/', 'blocked'],
  [['chrome://*'], [], 'https://example.com/', 'allowed'],
  [['data:*'], [], 'data:text/html,hello', 'blocked'], // as the force-install test sees in real Chromium
  [['mycustom:*'], [], 'mycustom:anything', 'blocked'],
  [['mycustom://*'], [], 'mycustom://foo/bar', 'blocked'],
  [['mycustom:*'], [], 'https://mycustom.com/', 'allowed'],
  [['file://*'], [], 'file:///etc/passwd', 'blocked'],
  [['file:///home/pupil/'], [], 'file:///home/pupil/secret.txt', 'blocked'],
  [['file:///home/pupil/'], [], 'file:///etc/passwd', 'allowed'],
  [['*'], [], 'javascript:alert(1)', 'blocked'],
  // ports
  [['example.com:8080'], [], 'http://example.com:8080/', 'blocked'],
  [['example.com:8080'], [], 'http://example.com/', 'allowed'],
  [['example.com:8080'], [], 'http://example.com:8081/', 'allowed'],
  [['example.com:80'], [], 'http://example.com/', 'blocked'],
  [['example.com:443'], [], 'https://example.com/', 'blocked'],
  [['example.com:443'], [], 'http://example.com/', 'allowed'],
  [['http://example.com:80'], [], 'http://example.com:80/', 'blocked'],
  [['example.com'], [], 'http://example.com:9999/', 'blocked'],
  // paths (case-sensitive prefix)
  [['example.com/games'], [], 'https://example.com/games', 'blocked'],
  [['example.com/games'], [], 'https://example.com/games/chess', 'blocked'],
  [['example.com/games'], [], 'https://example.com/gamesroom', 'blocked'],
  [['example.com/games'], [], 'https://example.com/Games', 'allowed'],
  [['example.com/games'], [], 'https://example.com/', 'allowed'],
  [['example.com/games'], [], 'https://www.example.com/games/', 'blocked'],
  [['example.com'], ['example.com/maths'], 'https://example.com/maths/fractions', 'allowed'],
  [['example.com'], ['example.com/maths'], 'https://example.com/games', 'blocked'],
  [['example.com/a'], ['example.com'], 'https://example.com/a/b', 'blocked'],
  [['example.com/'], [], 'https://example.com/anything', 'blocked'],
  [['example.com/path with space'], [], 'https://example.com/path%20with%20space/x', 'blocked'],
  // most specific host wins over path
  [['www.example.com'], ['example.com/docs'], 'https://www.example.com/docs', 'blocked'],
  [['example.com'], ['www.example.com'], 'https://www.example.com/x', 'allowed'],
  [['www.example.com'], ['example.com'], 'https://www.example.com/x', 'blocked'],
  [['www.example.com'], ['example.com'], 'https://example.com/x', 'allowed'],
  [['example.com'], ['.example.com'], 'https://example.com/', 'allowed'],
  [['.example.com'], ['example.com'], 'https://example.com/', 'blocked'],
  [['.example.com'], ['example.com/path'], 'https://example.com/path', 'blocked'],
  // allow beats block at equal precedence
  [['example.com'], ['example.com'], 'https://example.com/', 'allowed'],
  [['example.com/x'], ['example.com/x'], 'https://example.com/x', 'allowed'],
  [['*'], ['*'], 'https://example.com/', 'allowed'],
  // query tokens
  [['example.com?a=1'], [], 'https://example.com/?a=1', 'blocked'],
  [['example.com?a=1'], [], 'https://example.com/?b=2&a=1', 'blocked'],
  [['example.com?a=1'], [], 'https://example.com/?a=2', 'allowed'],
  [['example.com?a=1'], [], 'https://example.com/', 'allowed'],
  [['example.com?a=1&b=2'], [], 'https://example.com/?b=2&a=1', 'blocked'],
  [['example.com?a=1&b=2'], [], 'https://example.com/?a=1', 'allowed'],
  [['example.com?a=1*'], [], 'https://example.com/?a=123', 'blocked'],
  [['example.com?a*'], [], 'https://example.com/?abc=1', 'blocked'],
  [['example.com?a'], [], 'https://example.com/?a=anything', 'blocked'],
  [['example.com?a=1'], [], 'https://example.com/?A=1', 'allowed'],
  [['youtube.com'], ['youtube.com/watch?v=abc'], 'https://www.youtube.com/watch?v=abc', 'allowed'],
  [['youtube.com'], ['youtube.com/watch?v=abc'], 'https://www.youtube.com/watch?v=xyz', 'blocked'],
  [['example.com/a'], ['example.com?x=1'], 'https://example.com/a?x=1', 'blocked'],
  [['example.com?x=1'], ['example.com?x=1&y=2'], 'https://example.com/?y=2&x=1', 'allowed'],
  // fragments are ignored in filters and URLs
  [['example.com/page#top'], [], 'https://example.com/page#bottom', 'blocked'],
  [['example.com'], [], 'https://example.com/#fragment', 'blocked'],
  // IDN / punycode hosts
  [['bücher.de'], [], 'https://xn--bcher-kva.de/', 'blocked'],
  [['xn--bcher-kva.de'], [], 'https://bücher.de/', 'blocked'],
  [['bücher.de'], [], 'https://www.BÜCHER.de/', 'blocked'],
  [['пример.рф'], [], 'https://xn--e1afmkfd.xn--p1ai/', 'blocked'],
  [['bücher.de'], [], 'https://bucher.de/', 'allowed'],
  // IP addresses (never subdomain-matched)
  [['192.168.1.1'], [], 'http://192.168.1.1/', 'blocked'],
  [['192.168.1.1'], [], 'http://192.168.1.10/', 'allowed'],
  [['1.1'], [], 'http://192.168.1.1/', 'allowed'],
  [['127.0.0.1:8080'], [], 'http://127.0.0.1:8080/x', 'blocked'],
  [['[::1]'], [], 'http://[::1]/', 'blocked'],
  [['[::1]:8080'], [], 'http://[::1]:8080/', 'blocked'],
  [['[::1]:8080'], [], 'http://[::1]:9090/', 'allowed'],
  [['0x7f.0.0.1'], [], 'http://127.0.0.1/', 'blocked'],
  // trailing dots
  [['example.com.'], [], 'https://example.com/', 'blocked'],
  [['example.com'], [], 'https://example.com./', 'blocked'],
  [['example.com'], [], 'https://www.example.com./', 'blocked'],
  [['.example.com'], [], 'https://example.com./', 'blocked'],
  // upper case
  [['EXAMPLE.com'], [], 'https://example.COM/', 'blocked'],
  [['Example.Com/Path'], [], 'https://example.com/Path', 'blocked'],
  [['Example.Com/Path'], [], 'https://example.com/path', 'allowed'],
  // userinfo in filters and URLs
  [['user:pass@example.com'], [], 'https://example.com/', 'blocked'],
  [['example.com'], [], 'https://user:pass@example.com/', 'blocked'],
  [['example.com'], [], 'https://example.com@evil.org/', 'allowed'],
  [['evil.org'], [], 'https://example.com@evil.org/', 'blocked'],
  [['evil.org'], [], 'https://example.com:pw@evil.org/', 'blocked'],
  // blob URLs are matched by their origin
  [['example.com'], [], 'blob:https://example.com/5e1c3a', 'blocked'],
  [['example.com'], [], 'blob:https://other.com/5e1c3a', 'allowed'],
  // filesystem: URLs keep their scheme and are matched on their origin's host and path
  [['example.com'], [], 'filesystem:https://example.com/temporary/page.html', 'blocked'],
  [['example.com'], [], 'filesystem:https://other.com/temporary/page.html', 'allowed'],
  [['filesystem:*'], [], 'filesystem:https://school.example/temporary/page.html', 'blocked'],
  [['https://example.com'], [], 'filesystem:https://example.com/temporary/page.html', 'allowed'],
  [['*'], ['school.example'], 'filesystem:https://school.example/persistent/a.html', 'allowed'],
  // scheme-only filters without // (Chromium takes `scheme:*` for any scheme, standard or custom)
  [['data:*'], [], 'data:text/html,<h1>hi</h1>', 'blocked'],
  [['data:*'], [], 'https://data.example/', 'allowed'],
  [['file:*'], [], 'file:///home/pupil/proxy.html', 'blocked'],
  [['ftp:*'], [], 'ftp://files.example/pub/a.iso', 'blocked'],
  [['ftp:*'], [], 'https://files.example/pub/a.iso', 'allowed'],
  [['javascript:*'], [], 'javascript:alert(1)', 'blocked'],
  // a repeated query key: an allow filter needs every occurrence to match, a block filter any one
  [['youtube.com'], ['youtube.com/watch?v=abc'], 'https://www.youtube.com/watch?v=abc', 'allowed'],
  [['youtube.com'], ['youtube.com/watch?v=abc'], 'https://www.youtube.com/watch?v=abc&v=xyz', 'blocked'],
  [['youtube.com'], ['youtube.com/watch?v=abc'], 'https://www.youtube.com/watch?v=xyz&v=abc', 'blocked'],
  [['youtube.com'], ['youtube.com/watch?v=abc'], 'https://www.youtube.com/watch?v=abc&t=30&v=abc', 'allowed'],
  [['youtube.com'], ['youtube.com/watch?v=ab*'], 'https://www.youtube.com/watch?v=abc&v=abd', 'allowed'],
  [['youtube.com'], ['youtube.com/watch?v=ab*'], 'https://www.youtube.com/watch?v=abc&v=xbd', 'blocked'],
  [['youtube.com'], ['youtube.com/watch?v=abc'], 'https://www.youtube.com/watch?list=1', 'blocked'],
  [['example.com/search?q=bad'], [], 'https://example.com/search?q=good&q=bad', 'blocked'],
  [['example.com/search?q=bad'], [], 'https://example.com/search?q=good&q=fine', 'allowed'],
  // hosts with a trailing slash in the filter
  [['example.com/'], [], 'https://example.com/', 'blocked'],
  [['com'], [], 'https://example.com/', 'blocked'],
  [['com'], ['example.com'], 'https://example.com/', 'allowed'],
  [['co.uk'], ['bbc.co.uk'], 'https://www.bbc.co.uk/bitesize', 'allowed'],
  [['co.uk'], ['bbc.co.uk'], 'https://www.itv.co.uk/', 'blocked'],
];

describe("Chrome's URL filter format", () => {
  it('has at least 80 cases', () => expect(cases.length).toBeGreaterThanOrEqual(80));

  it.each(cases)('block %j allow %j: %s is %s', (block, allow, url, expected) => {
    expect(chrome(block, allow, url)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'not a url',
    '::::',
    'http://',
    'javascript:',
    '\u0000',
    'https://[::1',
    '%%%',
    'http://exa mple.com/',
  ])('junk URL %j does not throw and matches nothing but *', (url) => {
    const { set } = chromePolicyFilterSet({ URLBlocklist: ['example.com'] });
    expect(() => set.match(url)).not.toThrow();
  });

  it.each([undefined, null, 42, {}, [], 'x'.repeat(10_000)])(
    'junk input %j to match does not throw',
    (url) => {
      const { set } = chromePolicyFilterSet({ URLBlocklist: ['*'] });
      expect(() => set.match(url as string)).not.toThrow();
    },
  );

  it.each([
    ['', 'empty filter'],
    ['example.com:99999', 'port'],
    ['example.com:0', 'port'],
    ['exa mple.com', 'valid host'],
    ['mycustom://foo', 'custom scheme'],
    ['ex*ample.com', 'valid host'],
  ])('rejects bad filter %j with a reason', (filter, reason) => {
    const result = parseFilter(filter);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it('reports bad list entries by list and index without dropping good ones', () => {
    const { set, errors } = chromePolicyFilterSet({
      URLBlocklist: ['good.com', 7, 'bad host.com'],
      URLAllowlist: 'x',
    });
    expect(errors.map((e) => [e.list, e.index])).toEqual([
      ['URLBlocklist', 1],
      ['URLBlocklist', 2],
      ['URLAllowlist', -1],
    ]);
    expect(set.size).toBe(1);
  });

  it('parses every part of a filter', () => {
    const result = parseFilter('HTTPS://user:pw@.WWW.Example.com.:8443/Path/x?a=1&b*#frag');
    expect(result).toEqual({
      ok: true,
      filter: {
        source: 'HTTPS://user:pw@.WWW.Example.com.:8443/Path/x?a=1&b*#frag',
        scheme: 'https',
        host: 'www.example.com',
        matchSubdomains: false,
        port: 8443,
        path: '/Path/x',
        query: [
          { key: 'a', value: '1', prefix: false },
          { key: 'b', value: null, prefix: true },
        ],
      },
    });
  });
});

describe('matchesUnrelatedHosts (the lesson-override guard against opening the whole web)', () => {
  it('is true for every filter that matches all hosts, whatever its scheme, port, path or query', () => {
    for (const filter of [
      '*',
      ' * ',
      '*.',
      '.*',
      '*..',
      'https://*',
      'http://*/',
      'HTTPS://*:443',
      '*:8080',
      '*:*',
      '*/maths',
      'https://*/?q=1',
      '*?lesson*',
      'user:pass@*',
      'ws://*',
      'com',
      'co.uk',
      'https://org/',
    ]) {
      expect(matchesUnrelatedHosts(filter), filter).toBe(true);
    }
  });

  it('is false for named sites, with or without their parts', () => {
    for (const filter of [
      'bbc.co.uk',
      'https://www.bbc.co.uk/bitesize',
      '.scratch.mit.edu',
      'docs.google.com:443/document?usp=sharing',
      '192.0.2.7',
      'chrome-extension://*',
      'not a filter',
    ]) {
      expect(matchesUnrelatedHosts(filter), filter).toBe(false);
    }
  });
});

describe('a URL whose scheme is an Object.prototype property', () => {
  it('has no default port (port 0), not the prototype’s function', () => {
    expect(urlParts('constructor://host.example/')?.port).toBe(0);
    expect(urlParts('https://host.example/')?.port).toBe(443);
  });
});
