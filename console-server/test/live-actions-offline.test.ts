import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ActionResultUpdate, DeviceAction } from '@waymark/shared';
import {
  createApplication,
  DEMO_ENROLLMENT_TOKENS,
  DEMO_SCHOOL_ID,
  seedDemoSchool,
  type Application,
} from '../src';
import { devices, liveActions, schools } from '../src/db/schema';
import { apiCall, connectConsole, connectDevice, login, openTestPglite } from './harness';

let app: Application;
let url: string;
let database: Awaited<ReturnType<typeof openTestPglite>>;
let teacher: string;

beforeAll(async () => {
  database = await openTestPglite();
  await seedDemoSchool(database.db);
  // No timetable: an action belongs to an hour-long lesson from when it was sent, whatever the
  // time the suite runs at.
  await database.db.update(schools).set({ periods: [] }).where(eq(schools.id, DEMO_SCHOOL_ID));
  app = createApplication({ db: database.db });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  teacher = await login(url, 'teacher@demo.waymark.test');
});
afterAll(() => app.close());

const act = (body: unknown) => apiCall(url, teacher, 'POST', '/api/classes/class-year2/actions', body);

/** A device that enrolls, then goes offline; `back()` brings it online again and keeps what it is sent. */
async function deviceThatGoesAway(answer: (a: DeviceAction) => { ok: true } | { ok: false; error: string }) {
  const first = await connectDevice(url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  const { deviceId, deviceToken } = await first.enrolled;
  await first.policy;
  first.disconnect();
  // The server hears the disconnect on the socket, the actions come over HTTP: the device is
  // offline for them only once the server has marked it so (after it left the class's rooms).
  await expect
    .poll(async () => {
      const [row] = await database.db.select().from(devices).where(eq(devices.id, deviceId));
      return row?.online;
    })
    .toBe(false);
  return {
    deviceId,
    async back() {
      const received: DeviceAction[] = [];
      // Listened for before connecting: the missed actions follow the connect packet at once.
      const device = await connectDevice(url, { deviceToken }, (socket) =>
        socket.on('action', (message, ack) => {
          received.push(message);
          ack(answer(message));
        }),
      );
      return { device, received };
    },
  };
}

describe('an action for a device that was offline', () => {
  it('is applied when it reconnects within the lesson, in order, a tab close left out; the teacher sees its answer', async () => {
    const pupil = await deviceThatGoesAway(() => ({ ok: true }));
    const watcher = await connectConsole(url, teacher);
    expect((await watcher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    const updates: ActionResultUpdate[] = [];
    watcher.on('action-result', (u) => updates.push(u));

    const sent = [];
    for (const action of [
      { kind: 'message', text: 'Come back to the number line' },
      { kind: 'close-tab', tabId: 4 },
      { kind: 'lock', message: 'Eyes on me', minutes: 5 },
      { kind: 'open-url', url: 'https://www.bbc.co.uk/bitesize' },
    ]) {
      const res = await act({ deviceIds: [pupil.deviceId], action });
      expect(res.status).toBe(201);
      expect(res.body.action.results).toEqual([
        { deviceId: pupil.deviceId, outcome: 'offline', error: null },
      ]);
      sent.push(String(res.body.action.id));
    }

    const { device, received } = await pupil.back();
    await expect.poll(() => updates.length).toBe(3);
    expect(received.map((m) => m.action.kind)).toEqual(['message', 'lock', 'open-url']);
    expect(received.map((m) => m.id)).toEqual([sent[0], sent[2], sent[3]]);
    expect(received[1]!.until).not.toBeNull();
    expect(updates.map((u) => [u.actionId, u.result.outcome])).toEqual([
      [sent[0], 'applied'],
      [sent[2], 'applied'],
      [sent[3], 'applied'],
    ]);

    const record = await apiCall(url, teacher, 'GET', '/api/classes/class-year2/actions');
    const outcome = (id: string) =>
      (record.body.actions as Array<{ id: string; results: Array<{ outcome: string }> }>).find(
        (a) => a.id === id,
      )!.results[0]!.outcome;
    expect(sent.map(outcome)).toEqual(['applied', 'offline', 'applied', 'applied']);

    // Given once: reconnecting again brings only what is sent now.
    device.disconnect();
    const again = await pupil.back();
    await again.device.policy;
    const now = await act({ deviceIds: [pupil.deviceId], action: { kind: 'message', text: 'Thank you' } });
    expect(now.body.action.results[0].outcome).toBe('applied');
    expect(again.received.map((m) => m.id)).toEqual([now.body.action.id]);
    again.device.disconnect();
    watcher.disconnect();
  });

  it('is not applied once its lesson is over, nor a lock past its release; a refusal is recorded as failed', async () => {
    const pupil = await deviceThatGoesAway((a) =>
      a.action.kind === 'open-url' ? { ok: false, error: 'the browser would not open it' } : { ok: true },
    );
    const old = await act({
      deviceIds: [pupil.deviceId],
      action: { kind: 'message', text: 'From this morning' },
    });
    const lock = await act({
      deviceIds: [pupil.deviceId],
      action: { kind: 'lock', message: '', minutes: 5 },
    });
    const open = await act({
      deviceIds: [pupil.deviceId],
      action: { kind: 'open-url', url: 'https://example.com/' },
    });
    // The message was sent two hours ago; the lock's release has passed.
    await database.db
      .update(liveActions)
      .set({ createdAt: new Date(Date.now() - 2 * 60 * 60_000) })
      .where(eq(liveActions.id, String(old.body.action.id)));
    await database.db
      .update(liveActions)
      .set({ until: new Date(Date.now() - 1000) })
      .where(eq(liveActions.id, String(lock.body.action.id)));

    const { device, received } = await pupil.back();
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]!.id).toBe(open.body.action.id);
    const record = await apiCall(url, teacher, 'GET', '/api/classes/class-year2/actions');
    const results = (id: unknown) =>
      (record.body.actions as Array<{ id: string; results: unknown[] }>).find((a) => a.id === id)!.results;
    await expect
      .poll(async () => {
        const now = await apiCall(url, teacher, 'GET', '/api/classes/class-year2/actions');
        return (now.body.actions as Array<{ id: string; results: Array<{ outcome: string }> }>).find(
          (a) => a.id === open.body.action.id,
        )!.results[0]!.outcome;
      })
      .toBe('failed');
    expect(results(old.body.action.id)).toEqual([
      { deviceId: pupil.deviceId, outcome: 'offline', error: null },
    ]);
    expect(results(lock.body.action.id)).toEqual([
      { deviceId: pupil.deviceId, outcome: 'offline', error: null },
    ]);
    device.disconnect();
  });
});
