import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceAction, LiveReply } from '@waymark/shared';
import { eq } from 'drizzle-orm';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { devices } from '../src/db/schema';
import {
  apiCall,
  connectConsole,
  connectDevice,
  login,
  startTestServer,
  type DeviceClient,
  type TestServer,
} from './harness';

let server: TestServer;
let teacher: string;
let dsl: string;
beforeAll(async () => {
  server = await startTestServer();
  [teacher, dsl] = await Promise.all([
    login(server.url, 'teacher@demo.waymark.test'),
    login(server.url, 'dsl@demo.waymark.test'),
  ]);
});
afterAll(() => server.close());

/** A device of a class that applies (or refuses) every action it is sent, and keeps them. */
async function pupilDevice(
  token: string,
  answer: (a: DeviceAction) => { ok: true } | { ok: false; error: string } = () => ({ ok: true }),
  auth: Record<string, unknown> = {},
) {
  const device: DeviceClient = await connectDevice(server.url, { enrollmentToken: token, ...auth });
  const { deviceId } = await device.enrolled;
  await device.policy;
  const received: DeviceAction[] = [];
  device.on('action', (message, ack) => {
    received.push(message);
    ack(answer(message));
  });
  return { device, deviceId, received };
}

const act = (classId: string, body: unknown, cookie = teacher) =>
  apiCall(server.url, cookie, 'POST', `/api/classes/${classId}/actions`, body);

describe('teachers’ actions on pupils’ browsers', () => {
  it('go to the chosen devices of the class only, each answering applied, failed or offline, and are recorded for the DSL', async () => {
    const a = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year2);
    const b = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year2, () => ({ ok: false, error: 'no such tab' }));
    const old = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year2, undefined, { protocolVersion: 1 });
    const other = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year5);
    const gone = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year2);
    gone.device.disconnect();
    // Its disconnect goes over its socket, the action over HTTP: acted on only once the server has
    // marked it offline (after it left the class's rooms), or the action waits for its answer instead.
    await expect
      .poll(async () => {
        const [row] = await server.app.services.db
          .select()
          .from(devices)
          .where(eq(devices.id, gone.deviceId));
        return row?.online;
      })
      .toBe(false);

    const res = await act('class-year2', {
      deviceIds: [a.deviceId, b.deviceId, old.deviceId, gone.deviceId, other.deviceId],
      action: { kind: 'open-url', url: 'https://www.bbc.co.uk/bitesize' },
    });
    expect(res.status).toBe(201);
    const outcome = Object.fromEntries(
      (res.body.action.results as Array<{ deviceId: string; outcome: string }>).map((r) => [
        r.deviceId,
        r.outcome,
      ]),
    );
    expect(outcome).toEqual({
      [a.deviceId]: 'applied',
      [b.deviceId]: 'failed',
      [old.deviceId]: 'offline',
      [gone.deviceId]: 'offline',
      // Not in the class acted on: never reached, whatever the teacher sent.
      [other.deviceId]: 'offline',
    });
    expect(a.received.map((m) => m.action)).toEqual([
      { kind: 'open-url', url: 'https://www.bbc.co.uk/bitesize' },
    ]);
    expect(a.received[0]).toMatchObject({ from: 'Ms Amira Khan', until: null });
    expect(other.received).toEqual([]);

    const record = await apiCall(server.url, dsl, 'GET', '/api/classes/class-year2/actions');
    expect(record.status).toBe(200);
    expect(record.body.actions[0]).toMatchObject({
      id: res.body.action.id,
      staffName: 'Ms Amira Khan',
      action: { kind: 'open-url' },
      results: expect.arrayContaining([{ deviceId: a.deviceId, outcome: 'applied', error: null }]),
    });
    for (const d of [a, b, old, other]) d.device.disconnect();
  });

  it('a lock releases by itself within the hour; a tab is closed on one device at a time', async () => {
    const a = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year2);
    const before = Date.now();
    const locked = await act('class-year2', {
      deviceIds: [a.deviceId],
      action: { kind: 'lock', message: 'Eyes on me', minutes: 60 },
    });
    expect(locked.status).toBe(201);
    const until = Date.parse(a.received[0]!.until!);
    expect(until).toBeGreaterThan(before);
    expect(until).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    expect(
      (
        await act('class-year2', {
          deviceIds: [a.deviceId],
          action: { kind: 'lock', message: '', minutes: 61 },
        })
      ).status,
    ).toBe(400);
    expect(
      (await act('class-year2', { deviceIds: [a.deviceId, 'x'], action: { kind: 'close-tab', tabId: 3 } }))
        .status,
    ).toBe(400);
    a.device.disconnect();
  });

  it('are refused on a class the caller may not watch, and to roles that may not act', async () => {
    const reception = await login(server.url, 'reception@demo.waymark.test');
    const body = { deviceIds: ['x'], action: { kind: 'unlock' } };
    expect((await act('class-year2', body, reception)).status).toBe(404);
    const governor = await login(server.url, 'governor@demo.waymark.test');
    expect((await act('class-year2', body, governor)).status).toBe(403);
    expect((await apiCall(server.url, governor, 'GET', '/api/classes/class-year2/actions')).status).toBe(403);
  });

  it('a pupil answers a message once; the watchers see the answer; no one answers a message they were not sent', async () => {
    const a = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year2);
    const b = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year2);
    const watcher = await connectConsole(server.url, teacher);
    expect((await watcher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    const replies: LiveReply[] = [];
    watcher.on('message-reply', (r) => replies.push(r));

    const sent = await act('class-year2', {
      deviceIds: [a.deviceId],
      action: { kind: 'message', text: 'Please open the number line <b>now</b>' },
    });
    expect(sent.status).toBe(201);
    const actionId = String(sent.body.action.id);
    expect(a.received[0]!.action).toEqual({
      kind: 'message',
      text: 'Please open the number line <b>now</b>',
    });

    expect(await a.device.emitWithAck('message-reply', { actionId, text: 'OK Miss!' })).toEqual({ ok: true });
    expect(await a.device.emitWithAck('message-reply', { actionId, text: 'again' })).toMatchObject({
      ok: false,
      code: 'already-replied',
    });
    expect(await b.device.emitWithAck('message-reply', { actionId, text: 'me too' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    await expect.poll(() => replies.length).toBe(1);
    expect(replies[0]).toMatchObject({
      actionId,
      deviceId: a.deviceId,
      text: 'OK Miss!',
      classId: 'class-year2',
    });
    const record = await apiCall(server.url, dsl, 'GET', '/api/classes/class-year2/actions');
    expect(record.body.actions.find((x: { id: string }) => x.id === actionId).replies).toEqual([
      { deviceId: a.deviceId, text: 'OK Miss!', at: expect.any(String) },
    ]);
    watcher.disconnect();
    a.device.disconnect();
    b.device.disconnect();
  });

  it('junk in an action or a reply gets a typed refusal and the server keeps serving', async () => {
    const a = await pupilDevice(DEMO_ENROLLMENT_TOKENS.year2);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            deviceIds: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.anything()),
            action: fc.oneof(
              fc.anything(),
              fc.record({
                kind: fc.constantFrom('close-tab', 'open-url', 'message', 'lock', 'x'),
                text: fc.string(),
                url: fc.string(),
                minutes: fc.integer(),
              }),
            ),
          }),
        ),
        async (junk) => {
          const res = await act('class-year2', junk);
          expect([400, 201]).toContain(res.status);
          if (res.status === 400) expect(typeof res.body.error).toBe('string');
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (junk) => {
        const ack = await a.device.timeout(5000).emitWithAck('message-reply', junk as never);
        expect(ack.ok).toBe(false);
        if (!ack.ok) expect(['invalid', 'not-found']).toContain(ack.code);
      }),
      { numRuns: 60 },
    );
    expect(a.device.connected).toBe(true);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    a.device.disconnect();
  });
});
