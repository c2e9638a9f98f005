import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Alert } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { devices } from '../src/db/schema';
import { connectConsole, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// Wednesday 25 November 2026, 10:30 in London (GMT).
const LESSON = new Date('2026-11-25T10:30:00Z');

it('a device that goes quiet during school hours raises tamper once, and the DSL is alerted', async () => {
  const dsl = await connectConsole(server.url, await login(server.url, 'dsl@demo.waymark.test'));
  const alerts: Alert[] = [];
  dsl.on('alert', (a) => alerts.push(a));
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    deviceName: 'Owls 11',
  });
  const { deviceId } = await device.enrolled;
  device.disconnect();
  const { db, checkSilentDevices } = server.app.services;
  await expect
    .poll(async () => (await db.select().from(devices).where(eq(devices.id, deviceId)))[0]?.online)
    .toBe(false);
  // Last heard from at 10:00 that morning.
  await db
    .update(devices)
    .set({ lastSeenAt: new Date('2026-11-25T10:00:00Z') })
    .where(eq(devices.id, deviceId));

  const raised = await checkSilentDevices(LESSON);
  expect(raised).toHaveLength(1);
  expect(raised[0]).toMatchObject({
    kind: 'tamper',
    deviceName: 'Owls 11',
    severity: 'high',
    details: { what: 'silent', detail: 'not heard from since 10:00, during school hours' },
  });
  await expect.poll(() => alerts.map((a) => a.topic)).toEqual(['tamper']);
  expect(await checkSilentDevices(new Date(LESSON.getTime() + 5 * 60_000))).toEqual([]);
  dsl.disconnect();
});

it('stays quiet outside school hours, at weekends, and for devices not used today', async () => {
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    deviceName: 'Owls 12',
  });
  const { deviceId } = await device.enrolled;
  device.disconnect();
  const { db, checkSilentDevices } = server.app.services;
  await expect
    .poll(async () => (await db.select().from(devices).where(eq(devices.id, deviceId)))[0]?.online)
    .toBe(false);
  await db
    .update(devices)
    .set({ lastSeenAt: new Date('2026-11-25T15:00:00Z') })
    .where(eq(devices.id, deviceId));
  expect(await checkSilentDevices(new Date('2026-11-25T17:00:00Z'))).toEqual([]); // after school
  await db
    .update(devices)
    .set({ lastSeenAt: new Date('2026-11-28T10:00:00Z') })
    .where(eq(devices.id, deviceId));
  expect(await checkSilentDevices(new Date('2026-11-28T11:00:00Z'))).toEqual([]); // Saturday
  await db
    .update(devices)
    .set({ lastSeenAt: new Date('2026-11-24T14:00:00Z') })
    .where(eq(devices.id, deviceId));
  expect((await checkSilentDevices(new Date('2026-11-25T11:00:00Z'))).map((e) => e.deviceName)).not.toContain(
    'Owls 12',
  ); // yesterday
});
