import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  applyCategorySync,
  CategoryIntegrityError,
  type CategorySyncResponse,
  type HeldCategorySource,
  type PolicyMessage,
} from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { categorySources, policies } from '../src/db/schema';
import { apiCall, connectDevice, login, startTestServer, type TestServer } from './harness';

const SCHOOL = 'demo';

function domains(n: number, prefix = 'site'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}.example`);
}

function held(sync: CategorySyncResponse, before: HeldCategorySource[] = []): HeldCategorySource[] {
  return applyCategorySync(before, sync);
}

describe('the category store', () => {
  let server: TestServer;
  let tech: string;
  beforeAll(async () => {
    server = await startTestServer();
    tech = await login(server.url, 'tech@demo.waymark.test');
  });
  afterAll(() => server.close());

  const store = () => server.app.services.categoryStore;
  const db = () => server.app.services.db;

  async function newSource(id: string, name: string) {
    await db()
      .insert(categorySources)
      .values({ id, schoolId: SCHOOL, name, kind: 'feed', format: 'domains' });
  }
  async function publish(id: string, list: string[], category: 'gambling' | 'pornography' = 'gambling') {
    const source = (await store().source(SCHOOL, id))!;
    const rows = [];
    for (let i = 0; i < list.length; i += 10_000)
      rows.push(list.slice(i, i + 10_000).map((entry) => ({ category, entry })));
    const staged = await store().stage(id, source.version + 1, rows);
    const changes = await store().compare(id, source.version, staged.version, {
      from: Object.keys(source.counts ?? {}),
      to: Object.keys(staged.counts),
    });
    await store().swap(id, staged, changes);
    return { staged, changes };
  }

  it('holds 200,000 domains apart from policies: a policy push stays under 10 KB, check-url names the list', async () => {
    await newSource('feed-big', 'Big gambling feed');
    const list = domains(200_000);
    const { staged, changes } = await publish('feed-big', list);
    expect(staged.count).toBe(200_000);
    expect(changes).toMatchObject({ added: 200_000, removed: 0 });

    // An override starting pushes the class's policy: its size does not depend on the category data.
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    await device.policy;
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    const pushed = new Promise<PolicyMessage>((resolve) => device.once('policy', resolve));
    const started = await apiCall(server.url, teacher, 'POST', '/api/classes/class-year5/overrides', {
      kind: 'open',
      sites: ['nasa.gov'],
    });
    expect(started.status).toBe(201);
    const message = await pushed;
    expect(message.policy.categoryLists).toEqual({});
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(10 * 1024);
    device.disconnect();

    const test = await apiCall(server.url, tech, 'POST', '/api/policies/test-url', {
      profile: 'KS4',
      url: 'https://www.site123456.example/page',
    });
    expect(test.body).toMatchObject({
      decision: { verdict: 'blocked', category: 'gambling' },
      lists: ['Big gambling feed'],
    });
    const matches = await store().lookup(SCHOOL, 'www.site99999.example');
    expect(matches).toEqual([
      { category: 'gambling', entry: 'site99999.example', sourceId: 'feed-big', source: 'Big gambling feed' },
    ]);
  });

  it('devices get a snapshot, then deltas; a week offline is one delta; past the limit a snapshot', async () => {
    await newSource('feed-small', 'Small feed');
    let list = domains(1000, 'small');
    await publish('feed-small', list);
    const first = await store().sync(SCHOOL, ['gambling'], []);
    const small = first.sources.find((s) => s.id === 'feed-small')!;
    expect(small.kind).toBe('snapshot');
    let mine = held(first);
    expect(mine.find((s) => s.id === 'starter')!.entries.gambling).toContain('bet365.com');

    // Seven daily versions, each removing one domain and adding one.
    for (let day = 0; day < 7; day++) {
      list = [...list.filter((d) => d !== `small${day}.example`), `new${day}.example`];
      await publish('feed-small', list);
    }
    const heldNow = mine.map((s) => ({ id: s.id, version: s.version, categories: s.categories }));
    const week = await store().sync(SCHOOL, ['gambling'], heldNow);
    const update = week.sources.find((s) => s.id === 'feed-small')!;
    expect(update).toMatchObject({ kind: 'delta', from: 1, version: 8 });
    if (update.kind !== 'delta') throw new Error('expected a delta');
    expect(update.added.gambling).toHaveLength(7);
    expect(update.removed.gambling).toHaveLength(7);
    expect(week.sources.find((s) => s.id === 'starter')!.kind).toBe('same');
    mine = held(week, mine);
    const entries = new Set(mine.find((s) => s.id === 'feed-small')!.entries.gambling);
    expect(entries.has('new6.example')).toBe(true);
    expect(entries.has('small3.example')).toBe(false);
    expect(entries.size).toBe(1000);

    // Past the delta limit: a new snapshot.
    const overLimit = await store().sync(SCHOOL, ['gambling'], heldNow, 10);
    expect(overLimit.sources.find((s) => s.id === 'feed-small')!.kind).toBe('snapshot');
    // Other categories wanted (the profile now blocks pornography too): a snapshot of both.
    const more = await store().sync(SCHOOL, ['gambling', 'pornography'], heldNow);
    expect(more.sources.find((s) => s.id === 'feed-small')!.kind).toBe('snapshot');
  });

  it('a corrupted snapshot or delta fails its integrity check', async () => {
    const sync = await store().sync(SCHOOL, ['gambling'], []);
    const tampered: CategorySyncResponse = {
      sources: sync.sources.map((s) =>
        s.kind === 'snapshot' && s.id === 'feed-small'
          ? { ...s, entries: { gambling: [...(s.entries.gambling ?? []).slice(1), 'evil.example'] } }
          : s,
      ),
    };
    expect(() => applyCategorySync([], tampered)).toThrow(CategoryIntegrityError);
  });

  it('the migration moves lists embedded in policies into the store and leaves the policies without them', async () => {
    const legacy = {
      gambling: ['legacy-casino.example', 'https://legacy-bets.example/path'],
      gaming: ['x.example'],
    };
    await db().execute(
      sql`UPDATE ${policies} SET body = jsonb_set(body, '{categoryLists}', ${JSON.stringify(legacy)}::jsonb) WHERE school_id = ${SCHOOL}`,
    );
    await db().execute(sql`DELETE FROM category_sources WHERE id = 'uploads-demo'`);
    const migration = fs.readFileSync(
      path.join(import.meta.dirname, '../drizzle/0023_category_store.sql'),
      'utf8',
    );
    // The data statements (after the tables and indexes were made).
    for (const statement of migration.split('--> statement-breakpoint').slice(7))
      await db().execute(sql.raw(statement));
    const [source] = await store()
      .sources(SCHOOL)
      .then((s) => s.filter((r) => r.id === 'uploads-demo'));
    expect(source).toMatchObject({ name: 'Uploaded lists', version: 1, entryCount: 3 });
    const matches = await store().lookup(SCHOOL, 'legacy-bets.example');
    expect(matches.map((m) => m.entry)).toEqual(['https://legacy-bets.example/path']);
    const body = await apiCall(server.url, tech, 'GET', '/api/policies/KS4');
    expect(body.body.body.categoryLists).toEqual({});
    const rows = await db().execute(
      sql`SELECT count(*)::int AS n FROM ${policies} WHERE body ? 'categoryLists'`,
    );
    expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
    // Its hash is computed on first use.
    const sync = await store().sync(SCHOOL, ['gambling', 'gaming'], []);
    expect(() => applyCategorySync([], sync)).not.toThrow();
  });
});
