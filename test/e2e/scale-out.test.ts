import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import {
  blockedEvent,
  connectConsole,
  login,
  roomSharing,
  startProcessPair,
  type ConsoleSocket,
  type FreshDatabase,
  type ProcessPair,
  type ServerProcess,
} from '@waymark/console-server/testing';
import { waitFor } from '../support/chromium';
import { SimulatedDevice } from '../support/simulated-device';
import { startTcpBalancer, type TcpBalancer } from '../support/tcp-balancer';

/**
 * Two console-server processes on one PostgreSQL database behind a balancer, sharing rooms through
 * PostgreSQL's NOTIFY or through a Redis stream: the devices on process A, a teacher on process B.
 * A is killed mid-stream; the devices reconnect through the balancer to B and their outboxes
 * deliver. Nothing is lost, nothing is stored twice, and the teacher on B has seen every event.
 */
const DEVICES = 4;
const PER_ROUND = 25;

describe.each(await roomSharing())(
  'scale-out: two processes sharing rooms through $adapter, one killed',
  ({ redis: viaRedis }) => {
    let pair: ProcessPair;
    let database: FreshDatabase;
    let a: ServerProcess;
    let b: ServerProcess;
    let balancer: TcpBalancer;
    let teacher: ConsoleSocket;
    const devices: SimulatedDevice[] = [];
    const heard = new Map<string, number>();
    let steady: string[] = [];

    beforeAll(async () => {
      pair = await startProcessPair(viaRedis);
      ({ a, b, database } = pair);
      balancer = await startTcpBalancer([a.port, b.port]);
      teacher = await connectConsole(b.url, await login(b.url, 'teacher@demo.waymark.test'));
      teacher.on('event', (e: StoredEvent) => heard.set(e.id, (heard.get(e.id) ?? 0) + 1));
      expect((await teacher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    });

    afterAll(async () => {
      for (const device of devices) device.close();
      teacher?.disconnect();
      await balancer?.close();
      await pair?.close();
    });

    /** Each device reports a round of blocked pages; returns their ids. */
    async function reportRound(round: string): Promise<string[]> {
      const ids: string[] = [];
      await Promise.all(
        devices.map(async (device, d) => {
          for (let i = 0; i < PER_ROUND; i++) {
            const event = blockedEvent({ url: `https://${round}-${d}-${i}.example/` });
            ids.push(event.id);
            await device.report(event);
          }
        }),
      );
      return ids;
    }

    const queued = async () =>
      (await Promise.all(devices.map((d) => d.outbox.size()))).reduce((x, y) => x + y);

    it('devices on A, the teacher on B: B hears every event', async () => {
      for (let i = 0; i < DEVICES; i++)
        devices.push(new SimulatedDevice(balancer.url, DEMO_ENROLLMENT_TOKENS.year2, `Owls Chromebook ${i}`));
      await waitFor(
        async () => devices.every((d) => d.connected && d.deviceToken),
        (ready) => ready,
      );
      steady = await reportRound('steady');
      await waitFor(queued, (n) => n === 0);
      await waitFor(
        async () => steady.filter((id) => !heard.has(id)).length,
        (missing) => missing === 0,
      );
      expect(new Set(balancer.routed)).toEqual(new Set([a.port]));
    });

    it('an account’s consoles on A end when its password is reset, or its session signs out, on B', async () => {
      const cookieOnA = await login(a.url, 'reception@demo.waymark.test');
      const consoleOnA = await connectConsole(a.url, cookieOnA);
      const signedOut = new Promise<string>((resolve) => consoleOnA.once('disconnect', resolve));
      const logout = await fetch(`${b.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie: cookieOnA, 'x-requested-with': 'waymark' },
      });
      expect(logout.status).toBe(200);
      expect(await signedOut).toBe('io server disconnect');

      const again = await connectConsole(a.url, await login(a.url, 'reception@demo.waymark.test'));
      const reset = new Promise<string>((resolve) => again.once('disconnect', resolve));
      const admin = await login(b.url, 'admin@demo.waymark.test');
      const res = await fetch(`${b.url}/api/staff/staff-teacher-rec/reset-password`, {
        method: 'POST',
        headers: { cookie: admin, 'x-requested-with': 'waymark', 'content-type': 'application/json' },
        body: JSON.stringify({ password: 'a new long password' }),
      });
      expect(res.status).toBe(200);
      expect(await reset).toBe('io server disconnect');
    });

    it('A killed mid-stream: the devices reconnect to B, their outboxes deliver, nothing lost or doubled', async () => {
      const before = await queued();
      expect(before).toBe(0);
      const inFlight = reportRound('killed');
      // Kill A once it has acknowledged part of the round, with the rest still on its way.
      await waitFor(queued, (n) => n > 0 && n < DEVICES * PER_ROUND);
      await a.stop('SIGKILL');
      const sentBeforeKill = await inFlight;
      // Reported while no server has them: they wait in the outboxes.
      const offline = await reportRound('offline');
      const all = [...steady, ...sentBeforeKill, ...offline];

      await waitFor(queued, (n) => n === 0);
      await waitFor(
        async () => all.filter((id) => !heard.has(id)).length,
        (missing) => missing === 0,
      );

      // Every device came back through the balancer, to B.
      expect(balancer.routed.slice(DEVICES)).toEqual(expect.arrayContaining(Array(DEVICES).fill(b.port)));
      expect(balancer.routed.slice(DEVICES).every((port) => port === b.port)).toBe(true);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const stored = await client.query<{ id: string }>('select id from events where kind = $1', [
          'blocked',
        ]);
        const storedIds = stored.rows.map((r) => r.id);
        expect(storedIds.length).toBe(new Set(storedIds).size);
        expect(new Set(storedIds)).toEqual(new Set(all));
        // The devices kept their identity: no device enrolled a second time on B.
        const enrolled = await client.query<{ n: number }>('select count(*)::int as n from devices');
        expect(enrolled.rows[0]!.n).toBe(DEVICES);
      } finally {
        await client.end();
      }

      // The teacher heard each event; twice only an event whose ack was lost and which was sent again.
      const resent = new Set(devices.flatMap((d) => [...d.sends].filter(([, n]) => n > 1).map(([id]) => id)));
      const heardTwice = [...heard].filter(([, n]) => n > 1).map(([id]) => id);
      expect(heardTwice.filter((id) => !resent.has(id))).toEqual([]);
    });
  },
);
