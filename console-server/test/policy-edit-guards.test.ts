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
