import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveThumbnail } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  apiCall,
  connectConsole,
  connectDevice,
  login,
  roomSharing,
  startProcessPair,
  type ProcessPair,
  type ServerProcess,
} from './harness';
import { inbox } from './tab-state-fixture';

/**
 * Screen thumbnails across two server processes sharing rooms through PostgreSQL or Redis
 * (docs/architecture.md, "Live class"): who asked for a class's screens is announced between the
 * processes, so a device on one sends while a teacher on the other shows screens, and stops when
 * the last console anywhere stops.
 */

const thumbnail = () => ({
  jpeg: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==',
  url: 'https://www.topmarks.co.uk/maths-games',
  title: 'Maths games',
  at: new Date().toISOString(),
});
type Asker = { emitWithAck(e: string, m: unknown): Promise<unknown> };
const show = (socket: Asker, value: boolean) =>
  socket.emitWithAck('show-screens', { classId: 'class-year2', show: value }) as Promise<{ ok: boolean }>;

describe.each(await roomSharing())(
  'screens across two processes sharing rooms through $adapter',
  ({ redis: viaRedis }) => {
    let pair: ProcessPair;
    let a: ServerProcess;
    let b: ServerProcess;

    // Two servers starting from source on a busy machine.
    beforeAll(async () => {
      pair = await startProcessPair(viaRedis);
      ({ a, b } = pair);
    }, 300_000);
    afterAll(() => pair?.close());

    it('a teacher on A shows screens: devices on B send, and stop when the last console anywhere stops', async () => {
      const dsl = await login(a.url, 'dsl@demo.waymark.test');
      const teacherA = await login(a.url, 'teacher@demo.waymark.test');
      const on = await apiCall(a.url, dsl, 'PUT', '/api/live-settings', {
        screenThumbnails: true,
        reason: 'Agreed with governors for lessons',
      });
      expect(on.status).toBe(200);
      expect((await apiCall(a.url, teacherA, 'POST', '/api/classes/class-year2/session', {})).status).toBe(
        201,
      );

      const device = await connectDevice(b.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
      const told = device.screensHeard;
      await device.policy;

      // A console on A asks: the device on B hears, and its thumbnails reach the console on A.
      const onA = await connectConsole(a.url, teacherA);
      const toA = inbox<LiveThumbnail>(onA, 'thumbnail');
      expect((await onA.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
      expect(await show(onA, true)).toMatchObject({ ok: true });
      await expect.poll(() => told.at(-1)).toEqual({ send: true });
      expect(await device.emitWithAck('thumbnail', thumbnail())).toEqual({ ok: true });
      expect(await toA.next()).toMatchObject({ classId: 'class-year2', jpeg: thumbnail().jpeg });

      // A device connecting to B while the console on A shows screens is told at once.
      const late = await connectDevice(b.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
      const lateTold = late.screensHeard;
      await expect.poll(() => lateTold.at(-1)).toEqual({ send: true });

      // A console on B asks and stops again: the console on A still asks, so the devices go on.
      const onB = await connectConsole(b.url, await login(b.url, 'teacher@demo.waymark.test'));
      expect((await onB.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
      expect(await show(onB, true)).toMatchObject({ ok: true });
      expect(await show(onB, false)).toMatchObject({ ok: true });
      expect(await device.emitWithAck('thumbnail', thumbnail())).toEqual({ ok: true });
      expect(await toA.next()).toMatchObject({ classId: 'class-year2', jpeg: thumbnail().jpeg });
      expect(told.at(-1)).toEqual({ send: true });

      // The last console stops, on A: the devices on B stop, and a late thumbnail is dropped.
      expect(await show(onA, false)).toMatchObject({ ok: true });
      await expect.poll(() => told.at(-1)).toEqual({ send: false });
      await expect.poll(() => lateTold.at(-1)).toEqual({ send: false });
      expect(await late.emitWithAck('thumbnail', thumbnail())).toMatchObject({
        ok: false,
        code: 'not-requested',
      });

      // Shown again on A, then that console goes away: the devices on B stop too.
      expect(await show(onA, true)).toMatchObject({ ok: true });
      await expect.poll(() => told.at(-1)).toEqual({ send: true });
      onA.disconnect();
      await expect.poll(() => told.at(-1)).toEqual({ send: false });
      for (const s of [device, late, onB]) s.disconnect();
    }, 120_000);
  },
);
