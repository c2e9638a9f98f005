import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ReviewPack } from '@waymark/shared';
import {
  apiCall,
  freshDatabase,
  login,
  postgresAvailable,
  startPostgresTestServer,
  type FreshDatabase,
  type TestServer,
} from './harness';

/**
 * The review pack's sign-off on PostgreSQL, across two servers of one deployment: the migration's
 * triggers, and the row lock that makes the second of two simultaneous signatures freeze the pack.
 */
const available = await postgresAvailable();

describe.skipIf(!available)('review packs on PostgreSQL, two servers', () => {
  let database: FreshDatabase;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    database = await freshDatabase();
    a = await startPostgresTestServer(database.url);
    b = await startPostgresTestServer(database.url);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('the senior leader on one server and a governor on the other sign at once: both kept, frozen once, then unchangeable', async () => {
    const dsl = await login(a.url, 'dsl@demo.waymark.test');
    const prepared = await apiCall(a.url, dsl, 'POST', '/api/compliance/review-packs', { year: 2024 });
    expect(prepared.status).toBe(201);
    const pack = prepared.body.pack as ReviewPack;
    const [head, governor] = await Promise.all([
      login(a.url, 'head@demo.waymark.test'),
      login(b.url, 'governor@demo.waymark.test'),
    ]);
    const [first, second] = await Promise.all([
      apiCall(a.url, head, 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
        contentHash: pack.contentHash,
      }),
      apiCall(b.url, governor, 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
        contentHash: pack.contentHash,
      }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const read = await apiCall(b.url, governor, 'GET', `/api/compliance/review-packs/${pack.id}`);
    expect(read.status).toBe(200);
    expect(read.body.pack.status).toBe('signed');
    expect(read.body.pack.signatures).toHaveLength(2);

    const { db } = a.app.services;
    await expect(
      db.execute(sql`update review_packs set content = '{}' where id = ${pack.id}`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`delete from review_pack_signatures where pack_id = ${pack.id}`),
    ).rejects.toThrow();
    expect((await apiCall(a.url, dsl, 'POST', '/api/compliance/review-packs', { year: 2024 })).status).toBe(
      409,
    );
  });
});
