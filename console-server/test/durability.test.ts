import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { blockedEvent, connectDevice, login, startServerProcess, type ServerProcess } from './harness';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-kill-'));
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('an acknowledged event survives SIGKILL mid-write; the stale PGlite lock is recovered on restart', async () => {
  server = await startServerProcess(dataDir);
  const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  const acked: string[] = [];
  let twentyAcked!: () => void;
  const enoughWritten = new Promise<void>((resolve) => (twentyAcked = resolve));
  // Keep writing while the process is killed: every event acked before the kill must be kept.
  const writing = (async () => {
    for (let i = 0; i < 200; i++) {
      const event = blockedEvent({ url: `https://site${i}.example/` });
      try {
        // Generous: a slow ack on a busy machine must not end the writing before the kill (the
        // kill itself ends it at once, as the socket's disconnection fails the pending ack).
        const ack = await device.timeout(20_000).emitWithAck('event', event);
        if (ack.ok) acked.push(event.id);
        if (acked.length === 20) twentyAcked();
      } catch {
        return;
      }
    }
  })();
  await Promise.race([
    enoughWritten,
    writing.then(() => {
      throw new Error(`the writing stopped after ${acked.length} acknowledged events, before the kill`);
    }),
  ]);
  await server.stop('SIGKILL');
  await writing;
  device.disconnect();
  expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);

  server = await startServerProcess(dataDir);
  expect(server.output()).toContain('recovered');
  const cookie = await login(server.url, 'teacher@demo.waymark.test');
  const res = await fetch(`${server.url}/api/classes/class-year2/events`, { headers: { cookie } });
  const kept = new Set(((await res.json()) as { events: StoredEvent[] }).events.map((e) => e.id));
  expect(acked.filter((id) => !kept.has(id))).toEqual([]);
}, 120_000);

it('refuses to share a data folder with a running server', async () => {
  const other = await startServerProcess(dataDir).then(
    () => 'started',
    (error: Error) => error.message,
  );
  expect(other).toMatch(/in use by another Waymark server/);
}, 60_000);
