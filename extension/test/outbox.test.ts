import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceEventInput } from '@waymark/shared';
import { FOLD_WINDOW_MS, Outbox, OutboxDb, type SendResult } from '../lib/outbox';

type BlockedInput = Extract<DeviceEventInput, { kind: 'blocked' }>;

function event(n: number): BlockedInput {
  return {
    id: uuidv7(),
    kind: 'blocked',
    occurredAt: new Date(Date.UTC(2026, 10, 24, 10, 0, n)).toISOString(),
    profile: 'KS1',
    policyVersion: 1,
    url: `https://site${n}.example/`,
    category: null,
    rule: 'not on the KS1 allow-list',
  };
}

let db: OutboxDb;
let outbox: Outbox;
beforeEach(async () => {
  db = new OutboxDb(`test-${uuidv7()}`);
  outbox = new Outbox(db);
});

describe('Outbox', () => {
  it('sends in the order queued and deletes only on ack', async () => {
    const events = [event(1), event(2), event(3)];
    for (const e of events) await outbox.add(e);
    const sent: string[] = [];
    expect(await outbox.flush(async (e) => (sent.push(e.id), { ok: true }))).toBe(3);
    expect(sent).toEqual(events.map((e) => e.id));
    expect(await outbox.size()).toBe(0);
  });

  it('keeps everything, in order, while the server is unreachable, and delivers it later', async () => {
    const events = [event(1), event(2), event(3)];
    for (const e of events) await outbox.add(e);
    const offline = async (): Promise<SendResult> => ({ ok: false, error: 'offline', permanent: false });
    expect(await outbox.flush(offline)).toBe(0);
    expect(await outbox.size()).toBe(3);

    // The ack for the second event is lost: the first stays delivered, the rest wait, order is kept.
    let calls = 0;
    const flaky = async (): Promise<SendResult> =>
      ++calls === 2 ? { ok: false, error: 'no answer from the server', permanent: false } : { ok: true };
    expect(await outbox.flush(flaky)).toBe(1);
    const sent: string[] = [];
    await outbox.flush(async (e) => (sent.push(e.id), { ok: true }));
    expect(sent).toEqual([events[1]!.id, events[2]!.id]);
  });

  it('stores the same event id once', async () => {
    const e = event(1);
    await outbox.add(e);
    await outbox.add(e);
    expect(await outbox.size()).toBe(1);
  });

  it('sets aside an event the server rejects as invalid so it cannot block the queue', async () => {
    const [bad, good] = [event(1), event(2)];
    await outbox.add(bad);
    await outbox.add(good);
    const sent: string[] = [];
    await outbox.flush(async (e) => {
      if (e.id === bad.id) return { ok: false, error: 'invalid event: url: too long', permanent: true };
      sent.push(e.id);
      return { ok: true };
    });
    expect(sent).toEqual([good.id]);
    expect(await db.rejected.get(bad.id)).toMatchObject({ error: 'invalid event: url: too long' });
  });

  it('sends a refused event once more repaired (NUL, half a surrogate pair, a number out of range), then carries on', async () => {
    const search = {
      ...event(1),
      kind: 'search' as const,
      engine: 'google',
      query: 'how to \u0000hide \uD800',
      policyVersion: 2 ** 40,
    };
    const next = event(2);
    await outbox.add(search as DeviceEventInput);
    await outbox.add(next);
    const sent: DeviceEventInput[] = [];
    await outbox.flush(async (e) => {
      if (JSON.stringify(e).includes('\\u0000') || JSON.stringify(e).includes('\\ud800'))
        return { ok: false, error: 'invalid event: query: contains a NUL character', permanent: true };
      sent.push(e);
      return { ok: true };
    });
    expect(sent.map((e) => e.id)).toEqual([search.id, next.id]);
    expect(sent[0]).toMatchObject({ query: 'how to \uFFFDhide \uFFFD', policyVersion: 2_147_483_647 });
    expect(await db.rejected.count()).toBe(0);
  });

  it('folds the same page blocked again within a minute into one report with a count', async () => {
    const first = event(1);
    await outbox.add(first, 1_000);
    await outbox.add({ ...event(2), url: first.url }, 2_000);
    await outbox.add({ ...event(3), url: first.url }, 3_000);
    await outbox.add(event(4), 4_000);
    // A minute later it is a new attempt.
    await outbox.add({ ...event(5), url: first.url }, 1_000 + FOLD_WINDOW_MS);
    const sent: DeviceEventInput[] = [];
    await outbox.flush(async (e) => (sent.push(e), { ok: true }));
    expect(sent.map((e) => (e.kind === 'blocked' ? [e.url, e.repeats] : null))).toEqual([
      [first.url, 3],
      [event(4).url, undefined],
      [first.url, undefined],
    ]);
  });

  it('never folds into the report being sent (its count would be lost with the ack)', async () => {
    const first = event(1);
    await outbox.add(first, 1_000);
    const sent: DeviceEventInput[] = [];
    await outbox.flush(async (e) => {
      if (sent.length === 0) await outbox.add({ ...event(2), url: first.url }, 1_500);
      sent.push(e);
      return { ok: true };
    });
    expect(sent).toHaveLength(2);
  });

  it('when full, drops the oldest routine reports first and says how many', async () => {
    const small = new Outbox(new OutboxDb(`test-${uuidv7()}`), 3);
    const concern: DeviceEventInput = {
      ...event(0),
      kind: 'concern',
      url: null,
      message: 'help',
    } as DeviceEventInput;
    const categorised = { ...event(1), category: 'gaming' as const };
    const plain = event(2);
    const heartbeat: DeviceEventInput = {
      id: uuidv7(),
      kind: 'heartbeat',
      occurredAt: new Date().toISOString(),
      profile: 'KS1',
      policyVersion: 1,
      extensionVersion: '1',
    };
    expect(await small.add(concern)).toBe(0);
    expect(await small.add(categorised)).toBe(0);
    expect(await small.add(plain)).toBe(0);
    expect(await small.add(heartbeat)).toBe(1); // the uncategorised block goes first (oldest routine)
    expect(await small.add(event(3))).toBe(1); // then the heartbeat
    const left: string[] = [];
    await small.flush(async (e) => (left.push(e.id), { ok: true }));
    expect(left).toEqual([concern.id, categorised.id, left[2]]);
    expect(left).not.toContain(plain.id);
    expect(left).not.toContain(heartbeat.id);
  });

  it('runs one flush at a time: concurrent calls share it', async () => {
    for (const e of [event(1), event(2)]) await outbox.add(e);
    let sends = 0;
    const send = async (): Promise<SendResult> => (sends++, { ok: true });
    const [a, b] = await Promise.all([outbox.flush(send), outbox.flush(send)]);
    expect([a, b]).toEqual([2, 2]);
    expect(sends).toBe(2);
  });
});
