import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCategorySync, type HeldCategorySource } from '@waymark/shared';
import { categorySources } from '../src/db/schema';
import {
  freshDatabase,
  postgresAvailable,
  startPostgresTestServer,
  type FreshDatabase,
  type TestServer,
} from './harness';

const SCHOOL = 'demo';
const available = await postgresAvailable();

function domains(n: number, prefix: string): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}.example`);
}

// The category store's SQL (staging in chunks, the compare, the swap, the delta query) on the
// PostgreSQL server a school runs in production, not only on the embedded PGlite.
describe.skipIf(!available)('the category store on PostgreSQL', () => {
  let database: FreshDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await freshDatabase();
    server = await startPostgresTestServer(database.url);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const store = () => server.app.services.categoryStore;

  async function publish(id: string, list: string[]) {
    const source = (await store().source(SCHOOL, id))!;
    const rows = [];
    for (let i = 0; i < list.length; i += 10_000)
      rows.push(list.slice(i, i + 10_000).map((entry) => ({ category: 'gambling' as const, entry })));
    const staged = await store().stage(id, source.version + 1, rows);
    const changes = await store().compare(id, source.version, staged.version, {
      from: Object.keys(source.counts ?? {}),
      to: Object.keys(staged.counts),
    });
    await store().swap(id, staged, changes);
    return { staged, changes };
  }

  it('stages, compares and swaps 100,000 domains, looks one up, and serves a snapshot then a delta', async () => {
    await server.app.services.db.insert(categorySources).values({
      id: 'feed-pg',
      schoolId: SCHOOL,
      name: 'A feed on PostgreSQL',
      kind: 'feed',
      format: 'domains',
    });
    let list = domains(100_000, 'pg');
    const first = await publish('feed-pg', list);
    expect(first.staged.count).toBe(100_000);
    expect(first.changes).toMatchObject({ added: 100_000, removed: 0 });
    expect(await store().lookup(SCHOOL, 'www.pg4242.example')).toEqual([
      { category: 'gambling', entry: 'pg4242.example', sourceId: 'feed-pg', source: 'A feed on PostgreSQL' },
    ]);

    const snapshot = await store().sync(SCHOOL, ['gambling'], []);
    expect(snapshot.sources.find((s) => s.id === 'feed-pg')!.kind).toBe('snapshot');
    let held: HeldCategorySource[] = applyCategorySync([], snapshot);

    // The next version drops 1 % and adds 1 %: a device holding the last one gets a delta.
    list = [...list.slice(1000), ...domains(1000, 'fresh')];
    const second = await publish('feed-pg', list);
    expect(second.changes).toMatchObject({ added: 1000, removed: 1000 });
    const versions = held.map((s) => ({ id: s.id, version: s.version, categories: s.categories }));
    const update = await store().sync(SCHOOL, ['gambling'], versions);
    const delta = update.sources.find((s) => s.id === 'feed-pg')!;
    expect(delta).toMatchObject({ kind: 'delta', from: 1, version: 2 });
    held = applyCategorySync(held, update);
    const entries = new Set(held.find((s) => s.id === 'feed-pg')!.entries.gambling);
    expect(entries.size).toBe(100_000);
    expect(entries.has('fresh999.example')).toBe(true);
    expect(entries.has('pg0.example')).toBe(false);
    expect(await store().lookup(SCHOOL, 'pg0.example')).toEqual([]);
  });
});
