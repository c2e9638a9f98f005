import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ClassRoster, DeviceEventInput, DevicePresence } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  apiCall,
  blockedEvent,
  connectConsole,
  connectDevice,
  login,
  startTestServer,
  type TestServer,
} from './harness';
import { currentPeriod } from '../src/features/classes-and-live/lesson-period';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const OLIVER = 'oliver.thomas@pupils.demo.waymark.test';
const PERIODS = [
  { start: '08:50', end: '09:50' },
  { start: '09:50', end: '10:50' },
];

function nextPresence(socket: { once(event: 'presence', fn: (p: DevicePresence) => void): unknown }) {
  return new Promise<DevicePresence>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no presence arrived')), 5000);
    socket.once('presence', (p) => {
      clearTimeout(timer);
      resolve(p);
    });
  });
}

async function roster(cookie: string, classId = 'class-year2') {
  return apiCall(server.url, cookie, 'GET', `/api/classes/${classId}/roster`);
}

describe('the lesson period', () => {
  it('is the timetable period the moment falls in, in the school time zone', () => {
    // 10:15 in London on a Tuesday in November (GMT).
    const period = currentPeriod(PERIODS, 'Europe/London', new Date('2026-11-24T10:15:30Z'));
    expect(period?.startsAt.toISOString()).toBe('2026-11-24T09:50:00.000Z');
    expect(period?.endsAt.toISOString()).toBe('2026-11-24T10:50:00.000Z');
  });

  it('is null between periods and at weekends', () => {
    expect(currentPeriod(PERIODS, 'Europe/London', new Date('2026-11-24T11:00:00Z'))).toBeNull();
    expect(currentPeriod(PERIODS, 'Europe/London', new Date('2026-11-28T10:15:00Z'))).toBeNull();
  });
});

describe('the live class roster', () => {
  it('lists every pupil, with devices online, blocked attempts, concerns, requests and the last page', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    const before = await roster(cookie);
    expect(before.status).toBe(200);
    const empty = before.body as ClassRoster;
    expect(empty.className).toBe('Year 2 (Owls)');
    expect(empty.pupils.map((p) => p.name)).toContain('Oliver Thomas');
    expect(empty.pupils.every((p) => p.devices.length === 0 && p.blocked === 0)).toBe(true);

    const teacher = await connectConsole(server.url, cookie);
    await teacher.emitWithAck('watch-class', { classId: 'class-year2' });
    const online = nextPresence(teacher);
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Owls Chromebook 4',
      user: OLIVER,
    });
    expect(await online).toMatchObject({
      deviceName: 'Owls Chromebook 4',
      classId: 'class-year2',
      user: OLIVER,
      pupilName: 'Oliver Thomas',
      online: true,
    });
    await device.policy;

    await device.emitWithAck('event', blockedEvent({ url: 'https://games.example/a', repeats: 3 }));
    await device.emitWithAck('event', blockedEvent({ url: 'https://games.example/b' }));
    await device.emitWithAck('event', {
      id: uuidv7(),
      kind: 'concern',
      occurredAt: new Date().toISOString(),
      profile: 'KS1',
      policyVersion: 1,
      message: 'Someone is being mean to me',
    });
    const request: DeviceEventInput = {
      id: uuidv7(),
      kind: 'unblock-request',
      occurredAt: new Date().toISOString(),
      profile: 'KS1',
      policyVersion: 1,
      url: 'https://www.purplemash.com/',
      category: null,
      reason: 'For our homework',
    };
    await device.emitWithAck('event', request);
    await device.emitWithAck(
      'event',
      blockedEvent({ url: 'https://hate.example/', category: 'illegal-hate', rule: 'illegal-hate' }),
    );

    const withEvents = (await roster(cookie)).body as ClassRoster;
    // The concern and the undecided request are sent whole, so a reloaded console can act on them.
    expect(withEvents.attention.map((e) => e.kind).sort()).toEqual(['concern', 'unblock-request']);
    const oliver = withEvents.pupils.find((p) => p.key === OLIVER);
    expect(oliver).toMatchObject({
      name: 'Oliver Thomas',
      blocked: 5,
      concerns: 1,
      openRequests: [{ id: request.id, status: 'pending' }],
      devices: [{ name: 'Owls Chromebook 4', online: true }],
      lastPage: { url: null, urlHidden: true },
    });
    // The DSL sees the illegal-category address; the teacher does not.
    const dsl = await login(server.url, 'dsl@demo.waymark.test');
    const dslOliver = (await roster(dsl)).body.pupils.find((p: { key: string }) => p.key === OLIVER);
    expect(dslOliver.lastPage).toMatchObject({ url: 'https://hate.example/', urlHidden: false });

    // A decided request is no longer open.
    await apiCall(server.url, cookie, 'POST', `/api/requests/${request.id}/decision`, { decision: 'deny' });
    const after = (await roster(cookie)).body as ClassRoster;
    expect(after.pupils.find((p) => p.key === OLIVER)?.openRequests).toEqual([]);
    expect(after.attention.map((e) => e.kind)).toEqual(['concern']);

    const offline = nextPresence(teacher);
    device.disconnect();
    expect(await offline).toMatchObject({ user: OLIVER, online: false });
    const gone = (await roster(cookie)).body.pupils.find((p: { key: string }) => p.key === OLIVER);
    expect(gone.devices[0].online).toBe(false);
    teacher.disconnect();
  });

  it('shows a device nobody is signed in to as its own tile', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Owls shared laptop',
    });
    const { deviceId } = await device.enrolled;
    await device.policy;
    await device.emitWithAck('event', blockedEvent());
    const tile = (await roster(cookie)).body.pupils.find(
      (p: { key: string }) => p.key === `device:${deviceId}`,
    );
    expect(tile).toMatchObject({ name: 'Owls shared laptop', email: null, blocked: 1 });
    expect(tile.lastPage.url).toBe('https://games.example/play');
    device.disconnect();
  });

  it('is only for those who may watch the class', async () => {
    const reception = await login(server.url, 'reception@demo.waymark.test');
    expect((await roster(reception)).status).toBe(404);
    const governor = await login(server.url, 'governor@demo.waymark.test');
    expect((await roster(governor)).status).toBe(403);
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    expect((await roster(teacher, 'no-such-class')).status).toBe(404);
    const signedOut = await fetch(`${server.url}/api/classes/class-year2/roster`);
    expect(signedOut.status).toBe(401);
  });
});
