import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['dsl', 'tech', 'governor'])
    cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
});
afterAll(() => server.close());

const call = (method: string, url: string, who: string, body?: unknown) =>
  apiCall(server.url, cookies[who]!, method, url, body);

describe('what the console editor relies on', () => {
  it('the profiles overview says how each profile filters and how long its lists are', async () => {
    const { body } = await call('GET', '/api/policies', 'tech');
    expect(body.profiles.find((p: { profile: string }) => p.profile === 'KS1')).toMatchObject({
      profile: 'KS1',
      version: 1,
      mode: 'allow-list',
      allowCount: 27,
      blockCount: 0,
    });
    expect(body.profiles.find((p: { profile: string }) => p.profile === 'KS4')).toMatchObject({
      mode: 'block-list',
      allowCount: 0,
      blockedCategoryCount: 15,
    });
  });

  it('a save from a stale version is refused with who changed it, and nothing is written', async () => {
    const { body: start } = await call('GET', '/api/policies/KS2', 'dsl');
    const { categoryLists: _lists, ...edited } = start.body;
    const first = await call('PUT', '/api/policies/KS2', 'tech', {
      policy: { ...edited, block: ['roblox.com'] },
      reason: 'Roblox is not for lessons',
      expectedVersion: start.version,
    });
    expect(first.status).toBe(200);
    const stale = await call('PUT', '/api/policies/KS2', 'dsl', {
      policy: { ...edited, allow: [...edited.allow, 'nasa.gov'] },
      reason: 'space topic this half term',
      expectedVersion: start.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(
      /KS2 was changed by Mr Sam Patel \(now version 2, you started from version 1\)/,
    );
    const { body: now } = await call('GET', '/api/policies/KS2', 'dsl');
    expect(now.version).toBe(2);
    expect(now.body.allow).not.toContain('nasa.gov');
  });

  it('a save without category lists keeps the stored ones (imports are not undone)', async () => {
    const { body: before } = await call('GET', '/api/policies/KS3', 'dsl');
    const { categoryLists: _lists, ...edited } = before.body;
    const res = await call('PUT', '/api/policies/KS3', 'dsl', {
      policy: { ...edited, safeSearch: false },
      reason: 'sixth-form research week trial',
    });
    expect(res.body.summary).toEqual(['locked SafeSearch: on → off']);
    const { body: after } = await call('GET', '/api/policies/KS3', 'dsl');
    expect(after.body.categoryLists).toEqual(before.body.categoryLists);
  });

  it('the change-control log filters by profile, keyword lists included, and refuses junk filters', async () => {
    await call('POST', '/api/policies/keyword-lists/import', 'dsl', {
      category: 'gambling',
      content: 'accumulator bet',
      reason: 'pupils searching for betting tips',
    });
    const ks2 = await call('GET', '/api/policies/changes?profile=KS2', 'governor');
    expect(ks2.status).toBe(200);
    expect(ks2.body.changes.map((c: { profile: string }) => c.profile)).toEqual(['KS2']);
    const keywords = await call('GET', '/api/policies/changes?profile=keywords', 'governor');
    expect(keywords.body.changes).toMatchObject([
      { profile: 'keywords', reason: 'pupils searching for betting tips' },
    ]);
    const all = await call('GET', '/api/policies/changes', 'governor');
    expect(all.body.changes).toHaveLength(3);
    const junk = await call('GET', '/api/policies/changes?profile=KS9', 'governor');
    expect(junk.status).toBe(400);
    expect(junk.body.error).toMatch(/profile must be one of EYFS, KS1/);
  });

  it('governors read the change log without the e-mail addresses of nominated pupils', async () => {
    const { body: start } = await call('GET', '/api/policies/KS4', 'dsl');
    const { categoryLists: _lists, ...edited } = start.body;
    const res = await call('PUT', '/api/policies/KS4', 'dsl', {
      policy: {
        ...edited,
        categories: {
          ...edited.categories,
          'social-media': {
            action: 'allow-for-nominated',
            nominated: ['freya.green@pupils.demo.waymark.test'],
          },
        },
      },
      reason: 'freya.green@pupils.demo.waymark.test runs the school council account',
    });
    expect(res.status).toBe(200);
    const own = (who: string) =>
      call('GET', '/api/policies/changes?profile=KS4', who).then((r) => JSON.stringify(r.body.changes[0]));
    expect(await own('dsl')).toContain('freya.green@pupils.demo.waymark.test');
    expect(await own('tech')).toContain('freya.green@pupils.demo.waymark.test');
    const governor = await own('governor');
    expect(governor).not.toContain('freya.green');
    expect(governor).toContain('[a named person] runs the school council account');
  });
});

describe('allowed addresses and mirror sites', () => {
  const edit = async (changes: Record<string, unknown>, reason = 'the school’s own servers') => {
    const { body: start } = await call('GET', '/api/policies/KS5', 'tech');
    const { categoryLists: _lists, ...edited } = start.body;
    return call('PUT', '/api/policies/KS5', 'tech', {
      policy: { ...edited, ...changes },
      reason,
      expectedVersion: start.version,
    });
  };

  it('refuses what is not an address, a range wider than /8, a range not at its start and repeats, saying which', async () => {
    const { body: before } = await call('GET', '/api/policies/KS5', 'tech');
    const res = await edit({
      allowedAddresses: ['intranet.school', '0.0.0.0/0', '10.0.0.9/8', '192.168.1.20', '192.168.1.20/32'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('policy.allowedAddresses.0: “intranet.school” is not an address');
    expect(res.body.error).toContain('policy.allowedAddresses.1: “0.0.0.0/0” is too wide: a /0 range');
    expect(res.body.error).toContain(
      'policy.allowedAddresses.2: “10.0.0.9/8” does not start its range: write 10.0.0.0/8',
    );
    expect(res.body.error).toContain(
      'policy.allowedAddresses.4: “192.168.1.20/32” is already listed as “192.168.1.20”',
    );
    expect(res.body.error).not.toContain('allowedAddresses.3');
    const junk = await edit({ mirrors: 'sometimes' });
    expect(junk.status).toBe(400);
    expect(junk.body.error).toMatch(/^policy\.mirrors: /);
    const { body: after } = await call('GET', '/api/policies/KS5', 'tech');
    expect(after.version).toBe(before.version);
  });

  it('saves them, describes them in words in the change-control log, and the saved policy decides by them', async () => {
    const res = await edit(
      { allowedAddresses: ['192.168.1.20', '10.20.0.0/16', '2001:db8::20'], mirrors: 'block' },
      'library catalogue server; sixth form copies blocked sites through Translate',
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual([
      'allowed addresses: added 192.168.1.20, 10.20.0.0/16, 2001:db8::20',
      'mirror sites (translate proxies, web archives, search caches): each treated as the site it copies → all blocked',
    ]);
    const { body: stored } = await call('GET', '/api/policies/KS5', 'tech');
    expect(stored.body).toMatchObject({
      allowedAddresses: ['192.168.1.20', '10.20.0.0/16', '2001:db8::20'],
      mirrors: 'block',
    });
    const log = await call('GET', '/api/policies/changes?profile=KS5', 'governor');
    expect(log.body.changes[0].summary).toEqual(res.body.summary);

    const test = (url: string) =>
      call('POST', '/api/policies/test-url', 'tech', { profile: 'KS5', url }).then((r) => r.body.decision);
    expect(await test('http://10.20.3.4/catalogue')).toMatchObject({ verdict: 'allowed' });
    expect(await test('http://10.21.0.1/')).toMatchObject({ verdict: 'blocked', source: 'ip-address' });
    expect(await test('https://en-wikipedia-org.translate.goog/wiki/Cat')).toMatchObject({
      verdict: 'blocked',
      source: 'mirror',
    });

    const back = await edit({ allowedAddresses: ['10.20.0.0/16'], mirrors: 'inherit' }, 'catalogue moved');
    expect(back.body.summary).toEqual([
      'allowed addresses: removed 192.168.1.20, 2001:db8::20',
      'mirror sites (translate proxies, web archives, search caches): all blocked → each treated as the site it copies',
    ]);
  });
});
