import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCategorySync, type HeldCategorySource } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { apiCall, connectDevice, login, startTestServer, type TestServer } from './harness';
import { startFeedServer, ut1Tarball } from './feed-fixture';

type Feeds = Awaited<ReturnType<typeof startFeedServer>>;

const domains = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}.example`).join('\n');

describe('category feeds', () => {
  let server: TestServer;
  let feeds: Feeds;
  let tech: string;
  beforeAll(async () => {
    feeds = await startFeedServer();
    server = await startTestServer(null, { feedLimits: { maxBytes: 2 * 1024 * 1024, maxEntries: 50_000 } });
    tech = await login(server.url, 'tech@demo.waymark.test');
  });
  afterAll(async () => {
    await server.close();
    await feeds.close();
  });

  const subscribe = (body: Record<string, unknown>) =>
    apiCall(server.url, tech, 'POST', '/api/category-sources', body);
  const refresh = (id: string) => apiCall(server.url, tech, 'POST', `/api/category-sources/${id}/refresh`);
  type Source = Record<string, unknown> & { id: string };
  const sources = async () =>
    (await apiCall(server.url, tech, 'GET', '/api/category-sources')).body.sources as Source[];

  it('a UT1 tarball: mapped folders stored, traversal and prototype-named folders refused, conditional refetch, a new version as a delta', async () => {
    const v1 = {
      'blacklists/gambling/domains': `${domains(3000, 'bet')}\nbad host\n`,
      'blacklists/gambling/urls': 'casino.example/slots',
      'blacklists/adult/domains': domains(2000, 'adult'),
      'blacklists/malware/domains': 'x.example',
      'blacklists/constructor/domains': 'proto.example',
      'blacklists/__proto__/domains': 'proto2.example',
      '../../etc/cron.d/domains': 'escape.example',
      '/etc/adult/domains': 'absolute.example',
    };
    feeds.set('/blacklists.tar.gz', { body: ut1Tarball(v1), etag: '"v1"' });
    const res = await subscribe({
      name: 'UT1 blacklists',
      url: feeds.url('/blacklists.tar.gz'),
      format: 'ut1',
    });
    expect(res.status).toBe(201);
    expect(res.body.outcome).toMatchObject({
      outcome: 'updated',
      version: 1,
      changes: { added: 5001, removed: 0 },
      report: {
        entries: 5001,
        badLines: 1,
        unmapped: ['__proto__', 'constructor', 'malware'],
        refused: ['../../etc/cron.d/domains', '/etc/adult/domains'],
      },
    });
    const id = res.body.id as string;
    const feed = (await sources()).find((s) => s.id === id)!;
    expect(feed).toMatchObject({
      version: 1,
      entryCount: 5001,
      counts: { gambling: 3001, pornography: 2000 },
    });

    // A KS4 check names the feed.
    const test = await apiCall(server.url, tech, 'POST', '/api/policies/test-url', {
      profile: 'KS4',
      url: 'https://bet1500.example/',
    });
    expect(test.body).toMatchObject({
      decision: { verdict: 'blocked', category: 'gambling' },
      lists: ['UT1 blacklists'],
    });

    // Unchanged: the server answers 304 to the ETag it gave.
    expect((await refresh(id)).body.outcome).toEqual({ outcome: 'unchanged' });
    expect(feeds.hits('/blacklists.tar.gz').at(-1)).toEqual({ ifNoneMatch: '"v1"' });

    // What a device holding version 1 receives after version 2: a delta.
    const store = server.app.services.categoryStore;
    const held: HeldCategorySource[] = applyCategorySync([], await store.sync('demo', ['gambling'], []));
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    await device.policy;
    const told = new Promise<void>((resolve) => device.once('categories-changed', resolve));
    feeds.set('/blacklists.tar.gz', {
      body: ut1Tarball({
        ...v1,
        'blacklists/gambling/domains': `${domains(3000, 'bet').replace('bet7.example\n', '')}\nnewbet.example`,
      }),
      etag: '"v2"',
    });
    expect((await refresh(id)).body.outcome).toMatchObject({
      outcome: 'updated',
      version: 2,
      changes: { added: 1, removed: 1 },
    });
    await told;
    device.disconnect();
    const sync = await store.sync(
      'demo',
      ['gambling'],
      held.map((h) => ({ id: h.id, version: h.version, categories: h.categories })),
    );
    const update = sync.sources.find((s) => s.id === id)!;
    expect(update).toMatchObject({
      kind: 'delta',
      from: 1,
      version: 2,
      added: { gambling: ['newbet.example'] },
    });
    expect(() => applyCategorySync(held, sync)).not.toThrow();

    // The change-control log has one entry per version, with the counts.
    const log = await apiCall(server.url, tech, 'GET', '/api/policies/changes?profile=categories');
    expect(log.body.changes.map((c: { summary: string[] }) => c.summary[0])).toEqual([
      'UT1 blacklists: version 2, 1 added, 1 removed',
      'UT1 blacklists: version 1, 5001 added, 0 removed',
    ]);
  });

  it('a failed fetch keeps the last good version and says why: an error status, a broken or truncated archive', async () => {
    feeds.set('/list.txt', { body: domains(100, 'game'), etag: '"a"' });
    const res = await subscribe({
      name: 'Games list',
      url: feeds.url('/list.txt'),
      format: 'domains',
      category: 'gaming',
    });
    const id = res.body.id as string;
    expect(res.body.outcome).toMatchObject({ outcome: 'updated', version: 1 });

    feeds.set('/list.txt', { status: 500, body: 'oops' });
    expect((await refresh(id)).body.outcome).toEqual({
      outcome: 'failed',
      error: 'the feed answered 500 Internal Server Error',
    });
    let feed = (await sources()).find((s) => s.id === id)!;
    expect(feed).toMatchObject({ status: 'failed', version: 1, entryCount: 100 });

    feeds.set('/broken.tar.gz', { body: 'this is not gzip' });
    const broken = await subscribe({ name: 'Broken', url: feeds.url('/broken.tar.gz'), format: 'ut1' });
    expect(broken.body.outcome.outcome).toBe('failed');
    expect(broken.body.outcome.error).toMatch(/not a readable \.tar\.gz/);

    const whole = ut1Tarball({ 'blacklists/gambling/domains': domains(5000, 'trunc') });
    feeds.set('/truncated.tar.gz', { body: whole.subarray(0, Math.floor(whole.length / 2)) });
    const truncated = await subscribe({
      name: 'Truncated',
      url: feeds.url('/truncated.tar.gz'),
      format: 'ut1',
    });
    expect(truncated.body.outcome.outcome).toBe('failed');

    // Back to health: the next good answer clears the failure.
    feeds.set('/list.txt', { body: domains(100, 'game'), etag: '"a"' });
    await refresh(id);
    feed = (await sources()).find((s) => s.id === id)!;
    expect(feed).toMatchObject({ status: 'ok', lastError: null });
  });

  it('a feed putting a help site on an illegal list is refused whole; the last good version stays', async () => {
    feeds.set('/illegal.txt', { body: 'abuse-one.invalid\nabuse-two.invalid', etag: '"i1"' });
    const res = await subscribe({
      name: 'Provider illegal list',
      url: feeds.url('/illegal.txt'),
      format: 'domains',
      category: 'illegal-csam',
    });
    const id = res.body.id as string;
    expect(res.body.outcome).toMatchObject({ outcome: 'updated', version: 1 });
    for (const [n, help] of [
      [2, 'childline.org.uk'],
      [3, 'org.uk'],
    ] as const) {
      feeds.set('/illegal.txt', { body: `abuse-one.invalid\nnew-${n}.invalid\n${help}`, etag: `"i${n}"` });
      const outcome = (await refresh(id)).body.outcome;
      expect(outcome.outcome).toBe('failed');
      expect(outcome.error).toMatch(/help site every block page points to on the illegal-csam list/);
    }
    expect((await sources()).find((s) => s.id === id)).toMatchObject({
      status: 'failed',
      version: 1,
      entryCount: 2,
    });
    const test = await apiCall(server.url, tech, 'POST', '/api/policies/test-url', {
      profile: 'KS4',
      url: 'https://www.childline.org.uk/',
    });
    expect(test.body.decision.verdict).toBe('allowed');
  });

  it('a feed past the size limit is cut off while it streams; a hosts feed; a huge archive that expands without end', async () => {
    feeds.set('/endless.txt', { endless: true });
    const res = await subscribe({
      name: 'Endless',
      url: feeds.url('/endless.txt'),
      format: 'domains',
      category: 'gaming',
    });
    expect(res.body.outcome).toMatchObject({ outcome: 'failed' });
    expect(res.body.outcome.error).toMatch(/larger than its limit/);

    feeds.set('/hosts', { body: '127.0.0.1 localhost\n0.0.0.0 ads.example tracker.example\n# x\n' });
    const hosts = await subscribe({
      name: 'Hosts',
      url: feeds.url('/hosts'),
      format: 'hosts',
      category: 'file-sharing',
    });
    expect(hosts.body.outcome).toMatchObject({ outcome: 'updated', changes: { added: 2 } });

    // A zip bomb: a small download that expands past the expanded limit (here, past its 4 MB limit).
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 'a'));
    feeds.set('/bomb.tar.gz', { body: bomb });
    const server2 = await startTestServer(null, { feedLimits: { maxExpandedBytes: 4 * 1024 * 1024 } });
    try {
      const tech2 = await login(server2.url, 'tech@demo.waymark.test');
      const r = await apiCall(server2.url, tech2, 'POST', '/api/category-sources', {
        name: 'Bomb',
        url: feeds.url('/bomb.tar.gz'),
        format: 'ut1',
      });
      expect(r.body.outcome.outcome).toBe('failed');
      expect(r.body.outcome.error).toMatch(/larger than its limit|truncated|damaged/);
    } finally {
      await server2.close();
    }
  });

  it('a shrink by more than half, or growth past the limit, waits for a person to confirm', async () => {
    feeds.set('/shrink.txt', { body: domains(1000, 'vid') });
    const res = await subscribe({
      name: 'Video',
      url: feeds.url('/shrink.txt'),
      format: 'domains',
      category: 'video',
    });
    const id = res.body.id as string;
    feeds.set('/shrink.txt', { body: domains(300, 'vid') });
    expect((await refresh(id)).body.outcome).toMatchObject({ outcome: 'awaiting-confirmation', version: 2 });
    let feed = (await sources()).find((s) => s.id === id)!;
    expect(feed).toMatchObject({
      status: 'awaiting-confirmation',
      version: 1,
      entryCount: 1000,
      pending: { version: 2, entries: 300 },
    });
    const confirmed = await apiCall(server.url, tech, 'POST', `/api/category-sources/${id}/confirm`, {
      reason: 'The provider pruned dead sites',
    });
    expect(confirmed.body).toMatchObject({ version: 2, changes: { added: 0, removed: 700 } });
    feed = (await sources()).find((s) => s.id === id)!;
    expect(feed).toMatchObject({ status: 'ok', version: 2, entryCount: 300, pending: null });

    feeds.set('/big.txt', { body: domains(60_000, 'big') });
    const big = await subscribe({
      name: 'Big',
      url: feeds.url('/big.txt'),
      format: 'domains',
      category: 'video',
    });
    expect(big.body.outcome).toMatchObject({ outcome: 'awaiting-confirmation' });
    expect(big.body.outcome.reason).toMatch(/more than the limit of 50000/);
    const rejected = await apiCall(server.url, tech, 'POST', `/api/category-sources/${big.body.id}/reject`);
    expect(rejected.status).toBe(200);
    expect((await sources()).find((s) => s.id === big.body.id)).toMatchObject({ version: 0, pending: null });
  });

  it('only the DSL and technicians manage feeds; a bad address or format is refused', async () => {
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    expect((await apiCall(server.url, teacher, 'GET', '/api/category-sources')).status).toBe(403);
    expect(
      (await subscribe({ name: 'x', url: 'file:///etc/passwd', format: 'domains', category: 'video' }))
        .status,
    ).toBe(400);
    expect((await subscribe({ name: 'x', url: feeds.url('/x'), format: 'csv' })).status).toBe(400);
    expect((await subscribe({ name: 'x', url: feeds.url('/x'), format: 'hosts' })).status).toBe(400);
  });
});
