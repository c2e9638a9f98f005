import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyMessage, StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS, openPostgres } from '../src';
import { createJobLeases } from '../src/db/job-lease';
import {
  apiCall,
  blockedEvent,
  connectConsole,
  connectDevice,
  freshDatabase,
  login,
  postgresAvailable,
  startPostgresTestServer,
  type FreshDatabase,
  type TestServer,
} from './harness';

/**
 * Two servers on one PostgreSQL database with the Socket.IO PostgreSQL adapter: one deployment.
 * (The two-process test with a process killed is in test/e2e/scale-out.test.ts.)
 */
const available = await postgresAvailable();

describe.skipIf(!available)('several servers on one PostgreSQL database act as one', () => {
  let database: FreshDatabase;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    database = await freshDatabase();
    // Both start at once on an empty database: one migrates and seeds, the other finds it done.
    [a, b] = await Promise.all([
      startPostgresTestServer(database.url),
      startPostgresTestServer(database.url),
    ]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a teacher on one server sees the events of devices on the other; the DSL alone sees an illegal URL', async () => {
    const teacher = await connectConsole(b.url, await login(b.url, 'teacher@demo.waymark.test'));
    const dsl = await connectConsole(b.url, await login(b.url, 'dsl@demo.waymark.test'));
    expect((await teacher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    const toTeacher: StoredEvent[] = [];
    const toDsl: StoredEvent[] = [];
    teacher.on('event', (e) => toTeacher.push(e));
    dsl.on('event', (e) => toDsl.push(e));

    const device = await connectDevice(a.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const plainUrl = 'https://games.example/';
    const illegalUrl = 'https://illegal.example/';
    const plain = blockedEvent({ url: plainUrl });
    const illegal = blockedEvent({ url: illegalUrl, category: 'illegal-csam' });
    expect(await device.emitWithAck('event', plain)).toMatchObject({ ok: true });
    expect(await device.emitWithAck('event', illegal)).toMatchObject({ ok: true });
    while (toTeacher.length < 2 || toDsl.length < 2) await new Promise((r) => setTimeout(r, 10));

    expect(toTeacher.map((e) => [e.id, e.url])).toEqual([
      [plain.id, plainUrl],
      [illegal.id, null],
    ]);
    expect(toTeacher[1]!.urlHidden).toBe(true);
    expect(toDsl.map((e) => [e.id, e.url])).toEqual([
      [plain.id, plainUrl],
      [illegal.id, illegalUrl],
    ]);
    teacher.disconnect();
    dsl.disconnect();
    device.disconnect();
  });

  it("a teacher's lesson override made on one server reaches the class's devices on the other", async () => {
    const device = await connectDevice(a.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.policy;
    const pushed = new Promise<PolicyMessage>((resolve) => device.once('policy', resolve));
    const cookie = await login(b.url, 'teacher@demo.waymark.test');
    const res = await apiCall(b.url, cookie, 'POST', '/api/classes/class-year2/overrides', {
      kind: 'open',
      sites: ['scratch.mit.edu'],
      minutes: 30,
    });
    expect(res.status).toBe(201);
    const { policy } = await pushed;
    expect(policy.overrides.flatMap((o) => o.sites)).toContain('scratch.mit.edu');
    device.disconnect();
  });

  it('a scheduled job runs on one process at a time, and another takes it over when the first lets go', async () => {
    const [first, second] = [createJobLeases(a.app.services.db), createJobLeases(b.app.services.db)];
    const ran: string[] = [];
    expect(await first.runExclusive('test-job', 60_000, async () => ran.push('first'))).toBe(true);
    expect(await second.runExclusive('test-job', 60_000, async () => ran.push('second'))).toBe(false);
    expect(await first.runExclusive('test-job', 60_000, async () => ran.push('first again'))).toBe(true);
    await first.release();
    expect(await second.runExclusive('test-job', 60_000, async () => ran.push('second'))).toBe(true);
    expect(ran).toEqual(['first', 'first again', 'second']);
  });

  it('opening the database again finds every migration applied', async () => {
    const again = await openPostgres(database.url, { poolSize: 1 });
    await again.close();
  });
});
