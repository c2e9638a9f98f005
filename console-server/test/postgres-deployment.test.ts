import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveTabs, PolicyMessage, StoredEvent, WatchingMessage } from '@waymark/shared';
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
import { tabState } from './tab-state-fixture';

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

  it('watching a class on one server starts its devices on the other, whose tab state is accepted at once, and the last watcher leaving stops them', async () => {
    const device = await connectDevice(a.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.policy;
    const told: WatchingMessage[] = [];
    // The device answers as a real one does: a snapshot the moment it hears, with no pause.
    const acks: unknown[] = [];
    device.on('watching', (m) => {
      told.push(m);
      if (m.watching) void device.emitWithAck('tab-state', tabState()).then((ack) => acks.push(ack));
    });
    const teacher = await connectConsole(b.url, await login(b.url, 'teacher@demo.waymark.test'));
    const tabs: LiveTabs[] = [];
    teacher.on('tab-state', (m) => tabs.push(m));
    expect((await teacher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    await expect.poll(() => acks.length).toBe(1);
    expect(acks).toEqual([{ ok: true }]);
    await expect.poll(() => tabs.length).toBe(1);
    expect(tabs[0]).toMatchObject({ classId: 'class-year2', updateNeeded: false });

    // A device connecting to the other server while the class is watched is told at once.
    // Listened for before it connects: the first `watching` can come in the connect packet's read.
    const lateTold: WatchingMessage[] = [];
    const late = await connectDevice(a.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 }, (socket) =>
      socket.on('watching', (m) => lateTold.push(m)),
    );
    await expect.poll(() => lateTold).toEqual([{ watching: true }]);

    teacher.disconnect();
    await expect.poll(() => told).toEqual([{ watching: true }, { watching: false }]);
    await expect.poll(() => lateTold).toEqual([{ watching: true }, { watching: false }]);
    expect(await device.emitWithAck('tab-state', tabState())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });
    device.disconnect();
    late.disconnect();
  });

  it("a teacher's action made on one server reaches the class's device on the other, which answers applied", async () => {
    const device = await connectDevice(a.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const { deviceId } = await device.enrolled;
    await device.policy;
    device.on('action', (_message, ack) => ack({ ok: true }));
    const cookie = await login(b.url, 'teacher@demo.waymark.test');
    const res = await apiCall(b.url, cookie, 'POST', '/api/classes/class-year2/actions', {
      deviceIds: [deviceId, 'no-such-device'],
      action: { kind: 'message', text: 'Hello from the other process' },
    });
    expect(res.status).toBe(201);
    expect(res.body.action.results).toEqual([
      { deviceId, outcome: 'applied', error: null },
      { deviceId: 'no-such-device', outcome: 'offline', error: null },
    ]);
    // The reply arrives at the device's process and reaches a watcher on the other.
    const watcher = await connectConsole(b.url, cookie);
    expect((await watcher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    const replied = new Promise<string>((resolve) => watcher.once('message-reply', (r) => resolve(r.text)));
    expect(await device.emitWithAck('message-reply', { actionId: res.body.action.id, text: 'Hi!' })).toEqual({
      ok: true,
    });
    expect(await replied).toBe('Hi!');
    watcher.disconnect();
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

  it('a console open on one server ends when its account loses access on the other', async () => {
    const admin = await login(a.url, 'admin@demo.waymark.test');
    const created = await apiCall(a.url, admin, 'POST', '/api/staff', {
      email: 'cross.process@demo.waymark.test',
      name: 'Cross Process',
      role: 'teacher',
      password: 'a long enough password',
      classIds: ['class-year2'],
    });
    expect(created.status).toBe(201);
    const cookie = await login(b.url, 'cross.process@demo.waymark.test', 'a long enough password');
    const socket = await connectConsole(b.url, cookie);
    expect((await socket.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    const ended = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // The reset is made on server A; the socket is held by server B.
    const reset = await apiCall(a.url, admin, 'POST', `/api/staff/${created.body.id}/reset-password`, {
      password: 'another long password',
    });
    expect(reset.status).toBe(200);
    expect(await ended).toBe('io server disconnect');

    // Sign-out on A ends the session's console on B.
    const again = await login(a.url, 'cross.process@demo.waymark.test', 'another long password');
    const second = await connectConsole(b.url, again);
    const signedOut = new Promise<string>((resolve) => second.once('disconnect', resolve));
    expect((await apiCall(a.url, again, 'POST', '/api/auth/logout')).status).toBe(200);
    expect(await signedOut).toBe('io server disconnect');
  });

  it('twenty wrong passwords at once, across both servers, lock the account after five', async () => {
    const admin = await login(a.url, 'admin@demo.waymark.test');
    await apiCall(a.url, admin, 'POST', '/api/staff', {
      email: 'guessed.pg@demo.waymark.test',
      name: 'Guessed',
      role: 'governor',
      password: 'the right password',
    });
    const servers = [a, b];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        servers[i % 2]!.app.services.staffService.login('guessed.pg@demo.waymark.test', `wrong-${i}`),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBeLessThanOrEqual(4);
    expect(results.filter((r) => !r.ok && r.reason === 'locked').length).toBeGreaterThanOrEqual(16);
    expect(
      await b.app.services.staffService.login('guessed.pg@demo.waymark.test', 'the right password'),
    ).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('opening the database again finds every migration applied', async () => {
    const again = await openPostgres(database.url, { poolSize: 1 });
    await again.close();
  });
});
