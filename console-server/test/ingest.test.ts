import { inArray, sql } from 'drizzle-orm';
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
  type DeviceClient,
  type TestServer,
} from './harness';

let server: TestServer;
let teacher: ConsoleSocket;
let device: DeviceClient;
const received: StoredEvent[] = [];

beforeAll(async () => {
  server = await startTestServer();
  teacher = await connectConsole(server.url, await login(server.url, 'teacher@demo.waymark.test'));
  teacher.on('event', (e) => received.push(e));
  expect((await teacher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
  device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
});
afterAll(async () => {
  teacher.disconnect();
  device.disconnect();
  await server.close();
});

async function receivedAll(ids: string[]) {
  const wanted = new Set(ids);
  while (![...wanted].every((id) => received.some((e) => e.id === id)))
    await new Promise((r) => setTimeout(r, 10));
}

it('a burst is stored in a few transactions, not one per event, and every event is acked and sent on once', async () => {
  const burst = Array.from({ length: 300 }, (_, i) => blockedEvent({ url: `https://burst${i}.example/` }));
  const acks = await Promise.all(burst.map((e) => device.emitWithAck('event', e)));
  expect(acks.every((a) => a.ok)).toBe(true);
  const ids = burst.map((e) => e.id);
  await receivedAll(ids);
  expect(received.filter((e) => ids.includes(e.id))).toHaveLength(300);

  // Rows written by one transaction share its id (xmin): one group commit, one xmin.
  const [{ transactions }] = (await server.app.services.db
    .select({ transactions: sql<number>`count(distinct ${sql.raw('xmin')}::text)::int` })
    .from(events)
    .where(inArray(events.id, ids))) as [{ transactions: number }];
  expect(transactions).toBeGreaterThanOrEqual(1);
  expect(transactions).toBeLessThan(burst.length / 10);
});

it('the same event twice in one burst is stored once', async () => {
  const event = blockedEvent({ url: 'https://twice.example/' });
  const [first, second] = await Promise.all([
    device.emitWithAck('event', event),
    device.emitWithAck('event', event),
  ]);
  expect(first).toEqual({ ok: true, id: event.id });
  expect(second).toEqual({ ok: true, id: event.id });
  const rows = await server.app.services.db
    .select()
    .from(events)
    .where(inArray(events.id, [event.id]));
  expect(rows).toHaveLength(1);
});

it('an event re-sent after its ack was lost is acked, not stored again, and sent on to the consoles again', async () => {
  const event = blockedEvent({ url: 'https://resent.example/' });
  await device.emitWithAck('event', event);
  await receivedAll([event.id]);
  // The process that stored it might have stopped before sending it on: it goes out again, and
  // the console keeps one copy per id.
  const before = received.filter((e) => e.id === event.id).length;
  expect(await device.emitWithAck('event', event)).toEqual({ ok: true, id: event.id });
  while (received.filter((e) => e.id === event.id).length === before)
    await new Promise((r) => setTimeout(r, 10));
  const rows = await server.app.services.db
    .select()
    .from(events)
    .where(inArray(events.id, [event.id]));
  expect(rows).toHaveLength(1);
});

it("an event re-sent by another device is not sent on to anyone's console", async () => {
  const event = blockedEvent({ url: 'https://not-yours.example/' });
  await device.emitWithAck('event', event);
  await receivedAll([event.id]);
  const intruder = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  expect(await intruder.emitWithAck('event', event)).toEqual({ ok: true, id: event.id });
  // A fresh event from the intruder comes after: the re-sent one would have arrived before it.
  const marker = blockedEvent({ url: 'https://marker.example/' });
  await intruder.emitWithAck('event', marker);
  await receivedAll([marker.id]);
  intruder.disconnect();
  expect(received.filter((e) => e.id === event.id)).toHaveLength(1);
});

it('an event dated beyond a few minutes ahead is stored as received, with the device’s time kept aside', async () => {
  const ahead = blockedEvent({ occurredAt: new Date(Date.now() + 24 * 3600_000).toISOString() });
  const skewed = blockedEvent({ occurredAt: new Date(Date.now() + 60_000).toISOString() });
  expect(await device.emitWithAck('event', ahead)).toMatchObject({ ok: true });
  expect(await device.emitWithAck('event', skewed)).toMatchObject({ ok: true });
  const { events: stored } = (await (
    await fetch(`${server.url}/api/classes/class-year2/events`, {
      headers: { cookie: await login(server.url, 'teacher@demo.waymark.test') },
    })
  ).json()) as { events: StoredEvent[] };
  const byId = new Map(stored.map((e) => [e.id, e]));
  const clamped = byId.get(ahead.id)!;
  expect(Date.parse(clamped.occurredAt)).toBeLessThanOrEqual(Date.now());
  expect(clamped.details.deviceTime).toBe(ahead.occurredAt);
  expect(byId.get(skewed.id)!.occurredAt).toBe(skewed.occurredAt);
  expect(stored[0]!.id).not.toBe(ahead.id);
});
