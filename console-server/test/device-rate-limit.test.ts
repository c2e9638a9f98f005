import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { events } from '../src/db/schema';
import {
  blockedEvent,
  connectConsole,
  connectDevice,
  login,
  startTestServer,
  type ConsoleSocket,
  type TestServer,
} from './harness';

let server: TestServer;
let teacher: ConsoleSocket;
const received: StoredEvent[] = [];
/** The limiter's clock: it moves only when the test says, so no timing decides the outcome. */
let now = Date.parse('2026-12-07T10:00:00Z');

beforeAll(async () => {
  server = await startTestServer(null, { deviceEventRate: { burst: 5, perSecond: 1, now: () => now } });
  teacher = await connectConsole(server.url, await login(server.url, 'teacher@demo.waymark.test'));
  teacher.on('event', (e) => received.push(e));
  expect((await teacher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
});
afterAll(async () => {
  teacher.disconnect();
  await server.close();
});

async function storedCount(ids: string[]): Promise<number> {
  const rows = await server.app.services.db
    .select({ id: events.id })
    .from(events)
    .where(inArray(events.id, ids));
  return rows.length;
}

async function arrived(predicate: (e: StoredEvent) => boolean): Promise<StoredEvent> {
  for (;;) {
    const found = received.find(predicate);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('a device flooding events has them folded past its rate: acked, counted, not stored or shown one by one', async () => {
  const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  const neighbour = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  const first = Array.from({ length: 5 }, (_, i) => blockedEvent({ url: `https://first${i}.example/` }));
  for (const e of first) expect(await device.emitWithAck('event', e)).toEqual({ ok: true, id: e.id });

  const flood = Array.from({ length: 412 }, (_, i) => blockedEvent({ url: `https://flood${i}.example/` }));
  const acks = await Promise.all(flood.map((e) => device.emitWithAck('event', e)));
  // Acked, so a well-behaved outbox goes on to its next report instead of sending these again.
  expect(acks.every((a) => a.ok)).toBe(true);
  expect(await storedCount(flood.map((e) => e.id))).toBe(0);

  // The limit is per device: another device of the class is heard as usual.
  const other = blockedEvent({ url: 'https://neighbour.example/' });
  expect(await neighbour.emitWithAck('event', other)).toEqual({ ok: true, id: other.id });
  await arrived((e) => e.id === other.id);

  // A second later the device has a report to spare: it is stored and carries the count.
  now += 1000;
  const after = blockedEvent({ url: 'https://after.example/' });
  expect(await device.emitWithAck('event', after)).toEqual({ ok: true, id: after.id });
  expect((await server.app.services.eventService.byId(after.id))?.details.folded).toBe(412);
  expect((await arrived((e) => e.id === after.id)).details.folded).toBe(412);

  // Folded again, then the device goes: the last folded event is kept, counting the others.
  const tail = Array.from({ length: 3 }, (_, i) => blockedEvent({ url: `https://tail${i}.example/` }));
  await Promise.all(tail.map((e) => device.emitWithAck('event', e)));
  device.disconnect();
  const last = await arrived((e) => e.id === tail[2]!.id);
  expect(last.details.folded).toBe(2);
  expect(await storedCount(tail.map((e) => e.id))).toBe(1);

  // The teacher saw 7 of the device's 421 reports, two of them counting the 414 folded.
  expect(received.filter((e) => e.url !== 'https://neighbour.example/')).toHaveLength(5 + 1 + 1);
  neighbour.disconnect();
});
