import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveTabs, WatchingMessage } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  apiCall,
  connectConsole,
  connectDevice,
  login,
  startTestServer,
  type ConsoleSocket,
  type DeviceClient,
  type TestServer,
} from './harness';
import { inbox, tabState } from './tab-state-fixture';

let server: TestServer;
let teacher: string;
beforeAll(async () => {
  server = await startTestServer();
  teacher = await login(server.url, 'teacher@demo.waymark.test');
  // Before any tab state: the server reuses a school's illegal lists for a minute once read.
  const dsl = await login(server.url, 'dsl@demo.waymark.test');
  // Category lists live in the category store: added by an upload, not a policy edit.
  const imported = await apiCall(server.url, dsl, 'POST', '/api/policies/category-lists/import', {
    format: 'domains',
    category: 'illegal-csam',
    content: 'tab-leak.invalid',
    reason: 'test list',
  });
  expect(imported.status).toBe(200);
});
afterAll(() => server.close());

async function watch(socket: ConsoleSocket, classId = 'class-year2') {
  expect((await socket.emitWithAck('watch-class', { classId })).ok).toBe(true);
}

describe('live tab state: only while a class is watched, only to its watchers', () => {
  it('a device hears when the first console starts watching and when the last stops, and its tabs reach the watchers only', async () => {
    const device: DeviceClient = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    });
    const other = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    await Promise.all([device.policy, other.policy]);
    const watching = inbox<WatchingMessage>(device, 'watching');
    const otherWatching = inbox<WatchingMessage>(other, 'watching');

    // Nobody watches: tab state is refused as not asked for.
    expect(await device.emitWithAck('tab-state', tabState())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });

    const first = await connectConsole(server.url, teacher);
    const second = await connectConsole(server.url, teacher);
    const year5Watcher = await connectConsole(server.url, teacher);
    await watch(year5Watcher, 'class-year5');
    const toFirst = inbox<LiveTabs>(first, 'tab-state');
    const toYear5 = inbox<LiveTabs>(year5Watcher, 'tab-state');
    await watch(first);
    expect(await watching.next()).toEqual({ watching: true });

    const state = tabState();
    expect(await device.emitWithAck('tab-state', state)).toEqual({ ok: true });
    const relayed = await toFirst.next();
    expect(relayed).toMatchObject({ classId: 'class-year2', updateNeeded: false, state });
    expect(relayed.deviceId).toBeTruthy();

    // A second watcher: the device sends a fresh snapshot (told again), but no stop when one leaves.
    await watch(second);
    expect(await watching.next()).toEqual({ watching: true });
    expect((await first.emitWithAck('unwatch-class', { classId: 'class-year2' })).ok).toBe(true);
    expect(await device.emitWithAck('tab-state', tabState({ reason: 'change' }))).toEqual({ ok: true });
    second.disconnect();
    expect(await watching.next()).toEqual({ watching: false });
    expect(await device.emitWithAck('tab-state', tabState())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });

    // The year 5 device was watched all along but never heard of year 2; year 2's tabs never reached year 5.
    expect(otherWatching.got).toEqual([{ watching: true }]);
    expect(toYear5.got.filter((m) => m.classId !== 'class-year5')).toEqual([]);
    first.disconnect();
    year5Watcher.disconnect();
    device.disconnect();
    other.disconnect();
  });

  it('a device that connects while its class is watched is told at once', async () => {
    const console = await connectConsole(server.url, teacher);
    await watch(console);
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    expect(await device.watching).toEqual({ watching: true });
    console.disconnect();
    device.disconnect();
  });

  it('too fast is refused, and the device may send again after a moment', async () => {
    const console = await connectConsole(server.url, teacher);
    await watch(console);
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.watching;
    const acks = [];
    for (let i = 0; i < 6; i++)
      acks.push(await device.emitWithAck('tab-state', tabState({ reason: 'change' })));
    expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(4);
    expect(acks.filter((a) => !a.ok && a.code === 'too-fast').length).toBeGreaterThanOrEqual(2);
    await expect
      .poll(async () => (await device.emitWithAck('tab-state', tabState({ reason: 'change' }))).ok, {
        interval: 300,
      })
      .toBe(true);
    console.disconnect();
    device.disconnect();
  });

  it('an address in an illegal category never reaches a console, whatever the device sends', async () => {
    const console = await connectConsole(server.url, teacher);
    const toConsole = inbox<LiveTabs>(console, 'tab-state');
    await watch(console);
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.watching;
    const leak = tabState({
      tabs: [
        {
          id: 1,
          title: 'secret title',
          url: 'https://www.tab-leak.invalid/x',
          favIconUrl: null,
          blocked: false,
        },
        { id: 2, title: 'Fine', url: 'https://www.bbc.co.uk/', favIconUrl: null, blocked: false },
      ],
    });
    expect(await device.emitWithAck('tab-state', leak)).toEqual({ ok: true });
    const relayed = await toConsole.next();
    expect(JSON.stringify(relayed)).not.toContain('tab-leak');
    expect(JSON.stringify(relayed)).not.toContain('secret title');
    expect(relayed.state?.tabs[0]).toMatchObject({ id: 1, url: null, title: null });
    expect(relayed.state?.tabs[1]).toMatchObject({ url: 'https://www.bbc.co.uk/' });
    console.disconnect();
    device.disconnect();
  });

  it('an older extension still connects; its watchers hear it needs an update, and it is never asked for tabs', async () => {
    const console = await connectConsole(server.url, teacher);
    const toConsole = inbox<LiveTabs>(console, 'tab-state');
    const old = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      protocolVersion: 1,
    });
    await old.policy;
    const watching = inbox<WatchingMessage>(old, 'watching');
    await watch(console);
    const marked = await toConsole.next();
    expect(marked).toMatchObject({ classId: 'class-year2', state: null, updateNeeded: true });
    expect(watching.got).toEqual([]);
    console.disconnect();
    old.disconnect();
  });

  it('junk tab state gets a typed refusal and the socket keeps serving', async () => {
    const console = await connectConsole(server.url, teacher);
    await watch(console);
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.watching;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            reason: fc.constantFrom('snapshot', 'change', 'x'),
            activeTabId: fc.oneof(fc.integer(), fc.constant(null), fc.string()),
            tabs: fc.array(fc.anything(), { maxLength: 3 }),
            windowFocused: fc.anything(),
            idle: fc.string(),
            at: fc.string(),
          }),
        ),
        async (junk) => {
          const ack = await device.timeout(5000).emitWithAck('tab-state', junk as never);
          expect(ack.ok).toBe(false);
          if (!ack.ok) expect(['invalid', 'too-fast']).toContain(ack.code);
        },
      ),
      { numRuns: 60 },
    );
    await expect
      .poll(async () => (await device.emitWithAck('tab-state', tabState())).ok, { interval: 300 })
      .toBe(true);
    expect(device.connected).toBe(true);
    console.disconnect();
    device.disconnect();
  });
});
