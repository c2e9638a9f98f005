import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, categoriesToHold, type PolicyMessage } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS, starterPolicy } from '../src';
import {
  parseChromePolicy,
  parseDomainList,
  parseHostsFile,
  parseUt1,
} from '../src/features/policies-and-categories/category-importers';
import { connectDevice, login, startTestServer, type TestServer } from './harness';

describe('list parsers', () => {
  it('plain domain lists: comments and blanks skipped, *.host accepted, bad lines reported by number', () => {
    const parsed = parseDomainList(
      [
        '# gambling sites',
        'bet365.com',
        '',
        '*.skybet.com',
        'casino.example/slots',
        'bad host.com',
        '! adblock comment',
        'childline.org.uk',
        'paddypower.com # trailing comment',
      ].join('\n'),
    );
    expect(parsed.filters).toEqual(['bet365.com', 'skybet.com', 'casino.example/slots', 'paddypower.com']);
    expect(parsed.bad).toEqual([
      { file: undefined, line: 6, text: 'bad host.com', error: 'one domain or URL per line' },
      {
        file: undefined,
        line: 8,
        text: 'childline.org.uk',
        error: 'a help site: it is never blocked, so it is not imported',
      },
    ]);
  });

  it('hosts files: blocking addresses only, several names per line, localhost skipped', () => {
    const parsed = parseHostsFile(
      [
        '127.0.0.1 localhost',
        '0.0.0.0 ads.example.com tracker.example.com',
        '192.168.1.5 printer.school',
        '0.0.0.0',
        '# comment',
        '::1 ip6-localhost',
      ].join('\n'),
    );
    expect(parsed.filters).toEqual(['ads.example.com', 'tracker.example.com']);
    expect(parsed.bad.map((b) => [b.line, b.error])).toEqual([
      [3, '"192.168.1.5" is not a blocking address (0.0.0.0 or 127.0.0.1)'],
      [4, 'no host name after the address'],
    ]);
  });

  it('Chrome policy files: URLBlocklist into the category, URLAllowlist returned apart, bad entries by index', () => {
    const parsed = parseChromePolicy(
      JSON.stringify({ URLBlocklist: ['roblox.com', 42, 'exa mple.com'], URLAllowlist: ['bbc.co.uk'] }),
    );
    expect(parsed.filters).toEqual(['roblox.com']);
    expect(parsed.allow).toEqual(['bbc.co.uk']);
    expect(parsed.bad.map((b) => [b.file, b.line])).toEqual([
      ['URLBlocklist', 2],
      ['URLBlocklist', 3],
    ]);
    expect(parseChromePolicy('{nope').bad[0]!.error).toMatch(/not valid JSON/);
  });

  it('UT1 folders for illegal categories: listed apart, never imported nor called unmapped', () => {
    const parsed = parseUt1({
      'blacklists/illegal-csam/domains': 'abuse.invalid',
      'blacklists/Illegal_Terrorism/urls': 'terror.invalid/page',
      'blacklists/gambling/domains': 'bet365.com',
      'blacklists/malware/domains': 'evil.example',
    });
    expect([...parsed.byCategory.keys()]).toEqual(['gambling']);
    expect(parsed.illegal).toEqual(['Illegal_Terrorism', 'illegal-csam']);
    expect(parsed.unmapped).toEqual(['malware']);
  });

  it('UT1 folders: categories mapped to ours, unmapped ones reported', () => {
    const parsed = parseUt1({
      'blacklists/gambling/domains': 'bet365.com\nwilliamhill.com',
      'blacklists/games/urls': 'miniclip.com/games',
      'blacklists/malware/domains': 'evil.example',
      'blacklists/adult/domains': 'xxx.example\nbad host',
      README: 'hello',
    });
    expect(Object.fromEntries(parsed.byCategory)).toEqual({
      gambling: ['bet365.com', 'williamhill.com'],
      gaming: ['miniclip.com/games'],
      pornography: ['xxx.example'],
    });
    expect(parsed.unmapped).toEqual(['malware']);
    expect(parsed.illegal).toEqual([]);
    expect(parsed.bad.map((b) => [b.file, b.line])).toEqual([
      ['blacklists/adult/domains', 2],
      ['README', 0],
    ]);
  });
});

describe('UT1 folders named after Object.prototype properties', () => {
  const PROTOTYPE_NAMES = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
  ];

  it('are reported as unmapped, never taken for a category', () => {
    const parsed = parseUt1(
      Object.fromEntries([
        ...PROTOTYPE_NAMES.map((name) => [`blacklists/${name}/domains`, 'bogus.example']),
        ['blacklists/gambling/domains', 'bet365.com'],
      ]),
    );
    expect([...parsed.byCategory.keys()]).toEqual(['gambling']);
    expect(parsed.unmapped).toEqual([...PROTOTYPE_NAMES].sort());
  });
});

describe('POST /api/policies/category-lists/import', () => {
  let server: TestServer;
  let tech: string;
  beforeAll(async () => {
    server = await startTestServer();
    tech = await login(server.url, 'tech@demo.waymark.test');
  });
  afterAll(() => server.close());

  const post = (body: unknown) =>
    fetch(`${server.url}/api/policies/category-lists/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie: tech },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> })); // eslint-disable-line @typescript-eslint/no-explicit-any

  it('imports into the category store as one audited change, reports what it skipped, and tells devices to sync', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    await device.policy;
    const told = new Promise<void>((resolve) => device.once('categories-changed', resolve));
    const res = await post({
      format: 'ut1',
      files: {
        'gambling/domains': 'bet365.com\nnewcasino.example\nbad host',
        'malware/domains': 'x.example',
        'illegal-hate/domains': 'hate.invalid',
      },
      reason: 'Termly refresh from the UT1 lists',
    });
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({
      // bet365.com is in the starter lists, a source of its own: the upload holds it too.
      categories: { gambling: { added: 2, alreadyListed: 0 } },
      badCount: 1,
      unmapped: ['malware'],
      illegal: ['illegal-hate'],
    });
    await told;
    // The list went to the category store, not into any policy.
    const sync = await device.emitWithAck('category-sync', { held: [] });
    expect(sync.ok).toBe(true);
    const uploads = sync.ok ? sync.sync.sources.find((s) => s.name === 'Uploaded lists') : undefined;
    // A Year 5 device (KS2, an allow-list) holds every category it does not allow: the lists
    // name what was blocked on its block page and in the teacher's feed.
    expect(uploads).toMatchObject({
      kind: 'snapshot',
      categories: categoriesToHold(starterPolicy('KS2', 'Europe/London')),
    });
    expect(uploads?.categories).toEqual(expect.arrayContaining(['gambling', 'illegal-csam', 'pornography']));
    const ks2 = await fetch(`${server.url}/api/policies/KS2`, { headers: { cookie: tech } }).then((r) =>
      r.json(),
    );
    expect(ks2.body.categoryLists).toEqual({});
    const log = await fetch(`${server.url}/api/policies/changes`, { headers: { cookie: tech } }).then((r) =>
      r.json(),
    );
    expect(log.changes).toHaveLength(1);
    expect(log.changes[0]).toMatchObject({
      profile: 'categories',
      reason: 'Termly refresh from the UT1 lists (import: ut1)',
      summary: ['Uploaded lists: version 1, 2 added, 0 removed', 'gambling sites: +2 −0'],
    });
    const test = await fetch(`${server.url}/api/policies/test-url`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie: tech },
      body: JSON.stringify({ profile: 'KS4', url: 'https://www.newcasino.example/' }),
    }).then((r) => r.json());
    expect(test.decision).toMatchObject({ verdict: 'blocked', category: 'gambling' });
    expect(test.lists).toEqual(['Uploaded lists']);
    device.disconnect();
  });

  it('a crafted UT1 folder (__proto__, constructor…) adds no category and devices still get their policy', async () => {
    const res = await post({
      format: 'ut1',
      files: {
        '__proto__/domains': 'proto.example',
        'constructor/domains': 'ctor.example',
        'toString/urls': 'tostring.example/x',
        'hasOwnProperty/domains': 'own.example',
        'gambling/domains': 'crafted-casino.example',
      },
      reason: 'A list a pupil handed in on a USB stick',
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.summary.categories)).toEqual(['gambling']);
    const sources = await server.app.services.categoryStore.sources('demo');
    for (const source of sources)
      for (const key of Object.keys(source.counts ?? {})) expect(CATEGORIES).toContain(key);
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    expect((await device.policy).policy.categoryLists).toEqual({});
    device.disconnect();
  });

  it('needs a reason and a known format', async () => {
    expect(
      (await post({ format: 'domains', category: 'gaming', content: 'a.example', reason: '' })).body.error,
    ).toMatch(/say why/);
    expect((await post({ format: 'csv', content: 'x', reason: 'because' })).status).toBe(400);
  });
});

describe('POST /api/policies/keyword-lists/import', () => {
  let server: TestServer;
  let dsl: string;
  beforeAll(async () => {
    server = await startTestServer();
    dsl = await login(server.url, 'dsl@demo.waymark.test');
  });
  afterAll(() => server.close());

  it('adds the school’s own phrases with their risks, flags with them on whole words, and sends them to devices', async () => {
    // A device already connected gets the new lists at once, not at its next policy.
    const connected = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    await connected.policy;
    const pushed = new Promise<PolicyMessage>((resolve) => connected.once('policy', resolve));
    const res = await fetch(`${server.url}/api/policies/keyword-lists/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie: dsl },
      body: JSON.stringify({
        category: 'violence',
        content:
          '# local gang names\nred dragons, high\nRed  Dragons, HIGH\n???\norchard crew\nblue lane, urgent\n',
        reason: 'Advice from the local police liaison',
      }),
    });
    expect((await res.json()).summary).toMatchObject({
      added: 2,
      alreadyListed: 1,
      bad: [
        { line: 4, error: 'no letters or digits' },
        { line: 6, error: '"urgent" is not a risk (high, medium or low)' },
      ],
    });
    expect((await pushed).keywords.violence).toEqual(['red dragons, high', 'orchard crew']);
    connected.close();
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    expect((await device.policy).keywords.violence).toEqual(['red dragons, high', 'orchard crew']);
    const search = {
      id: '01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a30',
      kind: 'search',
      occurredAt: new Date().toISOString(),
      profile: 'KS2',
      policyVersion: 1,
      url: 'https://www.google.com/search?q=x',
      engine: 'Google',
      query: 'Red Dragons meeting',
      flags: [],
      blocked: false,
    };
    await device.emitWithAck('event', search as never);
    const stored = await server.app.services.eventService.byId(search.id);
    expect(stored).toMatchObject({
      severity: 'high',
      details: {
        flags: ['violence'],
        matches: [{ phrase: 'red dragons', category: 'violence', risk: 'high', text: 'red dragons' }],
      },
    });
    // A phrase imported without a risk flags at medium: seen in the log, no alert.
    const medium = { ...search, id: '01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a31', query: 'the orchard crew' };
    await device.emitWithAck('event', medium as never);
    expect(await server.app.services.eventService.byId(medium.id)).toMatchObject({ severity: 'medium' });
    device.disconnect();
    const log = await fetch(`${server.url}/api/policies/changes`, { headers: { cookie: dsl } }).then((r) =>
      r.json(),
    );
    expect(log.changes[0]).toMatchObject({
      profile: 'keywords',
      reason: 'Advice from the local police liaison',
      summary: ['violence keywords: added red dragons, high; orchard crew'],
    });
  });
});
