import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveTabs, TabInfo, TimelineEntry } from '@waymark/shared';
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
let dsl: string;
beforeAll(async () => {
  server = await startTestServer();
  teacher = await login(server.url, 'teacher@demo.waymark.test');
  dsl = await login(server.url, 'dsl@demo.waymark.test');
  const imported = await apiCall(server.url, dsl, 'POST', '/api/policies/category-lists/import', {
    format: 'domains',
    category: 'illegal-hate',
    content: 'lesson-leak.invalid',
    reason: 'test list',
  });
  expect(imported.status).toBe(200);
});
afterAll(() => server.close());

async function watch(socket: ConsoleSocket, classId = 'class-year2') {
  expect((await socket.emitWithAck('watch-class', { classId })).ok).toBe(true);
}

const tab = (id: number, url: string | null, extra: Partial<TabInfo> = {}): TabInfo => ({
  id,
  title: `Tab ${id}`,
  url,
  favIconUrl: null,
  blocked: false,
  ...extra,
});

async function watchedDevice(): Promise<{ device: DeviceClient; deviceId: string; watcher: ConsoleSocket }> {
  const watcher = await connectConsole(server.url, teacher);
  await watch(watcher);
  const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  const { deviceId } = await device.enrolled;
  await device.watching;
  return { device, deviceId, watcher };
}

describe('off-task categories for the lesson', () => {
  it('the teacher marks categories; every console watching hears; they last until the lesson ends', async () => {
    const other = await connectConsole(server.url, dsl);
    await watch(other);
    const changed = inbox<{ classId: string }>(other, 'overrides-changed');
    expect((await apiCall(server.url, teacher, 'GET', '/api/classes/class-year2/off-task')).body).toEqual({
      categories: [],
      until: null,
    });
    const set = await apiCall(server.url, teacher, 'PUT', '/api/classes/class-year2/off-task', {
      categories: ['gaming', 'video', 'gaming'],
    });
    expect(set.status).toBe(200);
    expect(set.body.categories).toEqual(['gaming', 'video']);
    expect(Date.parse(set.body.until)).toBeGreaterThan(Date.now());
    expect(await changed.next()).toEqual({ classId: 'class-year2' });
    // The DSL's console reads the same marking.
    const read = await apiCall(server.url, dsl, 'GET', '/api/classes/class-year2/off-task');
    expect(read.body).toEqual(set.body);

    // Gone when the lesson ends.
    const later = new Date(Date.parse(set.body.until) + 1000);
    expect(await server.app.services.offTask.current('demo', 'class-year2', later)).toEqual({
      categories: [],
      until: null,
    });

    const cleared = await apiCall(server.url, teacher, 'PUT', '/api/classes/class-year2/off-task', {
      categories: [],
    });
    expect(cleared.body).toEqual({ categories: [], until: null });
    other.disconnect();
  });

  it('only the class’s teachers and the DSL: others get no such class, or a refusal', async () => {
    const reception = await login(server.url, 'reception@demo.waymark.test');
    const governor = await login(server.url, 'governor@demo.waymark.test');
    const body = { categories: ['video'] };
    expect(
      (await apiCall(server.url, reception, 'PUT', '/api/classes/class-year2/off-task', body)).status,
    ).toBe(404);
    expect((await apiCall(server.url, reception, 'GET', '/api/classes/class-year2/off-task')).status).toBe(
      404,
    );
    expect((await apiCall(server.url, governor, 'GET', '/api/classes/class-year2/off-task')).status).toBe(
      403,
    );
    expect((await apiCall(server.url, teacher, 'PUT', '/api/classes/no-such/off-task', body)).status).toBe(
      404,
    );
  });

  it('junk bodies get a typed 400 and the server keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            categories: fc.array(fc.oneof(fc.string(), fc.constant('illegal-csam'), fc.integer())),
          }),
          fc.record({ categories: fc.array(fc.constant('video'), { minLength: 21, maxLength: 30 }) }),
        ),
        async (junk) => {
          const valid =
            typeof junk === 'object' &&
            junk !== null &&
            Array.isArray((junk as { categories?: unknown }).categories) &&
            (junk as { categories: unknown[] }).categories.length <= 20 &&
            (junk as { categories: unknown[] }).categories.every((c) =>
              ['gaming', 'social-media', 'video', 'messaging', 'file-sharing'].includes(c as string),
            );
          const res = await apiCall(server.url, teacher, 'PUT', '/api/classes/class-year2/off-task', junk);
          expect(res.status).toBe(valid ? 200 : 400);
          if (!valid) expect(typeof res.body.error).toBe('string');
        },
      ),
      { numRuns: 40 },
    );
    expect((await apiCall(server.url, teacher, 'GET', '/api/classes/class-year2/off-task')).status).toBe(200);
  });
});

describe('tab categories in the tab state (protocol 4)', () => {
  it('a tab’s category reaches the watchers; never beside an address the server blanks; never an illegal one', async () => {
    const { device, watcher } = await watchedDevice();
    const toWatcher = inbox<LiveTabs>(watcher, 'tab-state');
    const state = tabState({
      tabs: [
        tab(1, 'https://www.youtube.com/watch?v=1', { category: 'video' }),
        tab(2, 'https://lesson-leak.invalid/x', { category: 'gaming' }),
        tab(3, 'https://www.topmarks.co.uk/', { category: null }),
      ],
    });
    expect(await device.emitWithAck('tab-state', state)).toEqual({ ok: true });
    const relayed = await toWatcher.next();
    expect(relayed.state?.tabs.map((t) => [t.id, t.url, t.category])).toEqual([
      [1, 'https://www.youtube.com/watch?v=1', 'video'],
      [2, null, null],
      [3, 'https://www.topmarks.co.uk/', null],
    ]);
    // A device naming an illegal category is refused as invalid.
    const refused = await device.emitWithAck(
      'tab-state',
      tabState({ tabs: [tab(1, 'https://x.example/', { category: 'illegal-csam' as never })] }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'invalid' });
    watcher.disconnect();
    device.disconnect();
  });

  it('a protocol 3 device’s tab state (no categories) is still accepted', async () => {
    const watcher = await connectConsole(server.url, teacher);
    await watch(watcher);
    const toWatcher = inbox<LiveTabs>(watcher, 'tab-state');
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      protocolVersion: 3,
    });
    await device.watching;
    expect(await device.emitWithAck('tab-state', tabState())).toEqual({ ok: true });
    const relayed = await toWatcher.next();
    expect(relayed.state?.tabs.every((t) => t.category === undefined)).toBe(true);
    watcher.disconnect();
    device.disconnect();
  });
});

describe('the lesson timeline', () => {
  it('records the sites the active tab was on while watched, with time spent, beside blocks and searches; never an illegal address', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const { device, deviceId, watcher } = await watchedDevice();
    const send = async (state: ReturnType<typeof tabState>) => {
      await expect
        .poll(async () => (await device.emitWithAck('tab-state', state)).ok, { interval: 300 })
        .toBe(true);
    };
    await send(
      tabState({
        activeTabId: 1,
        tabs: [tab(1, 'https://www.topmarks.co.uk/maths', { title: 'Maths games' })],
      }),
    );
    // Another page of the same site: the same visit.
    await send(
      tabState({ reason: 'change', activeTabId: 1, tabs: [tab(1, 'https://www.topmarks.co.uk/x')] }),
    );
    await send(
      tabState({
        reason: 'change',
        activeTabId: 2,
        tabs: [
          tab(1, 'https://www.topmarks.co.uk/x'),
          tab(2, 'https://www.youtube.com/', { category: 'video' }),
        ],
      }),
    );
    await send(
      tabState({ reason: 'change', activeTabId: 3, tabs: [tab(3, 'https://lesson-leak.invalid/')] }),
    );
    const search = {
      id: '01939f5e-0000-7000-8000-0000000000a1',
      kind: 'search',
      occurredAt: new Date().toISOString(),
      profile: 'KS1',
      policyVersion: 1,
      url: 'https://www.google.co.uk/search?q=volcanoes',
      engine: 'google',
      query: 'volcanoes for kids',
    };
    expect(await device.emitWithAck('event', search as never)).toMatchObject({ ok: true });
    await send(tabState({ reason: 'change', windowFocused: false }));
    await server.app.services.timelineSettled();

    const path = `/api/classes/class-year2/timeline?pupil=${encodeURIComponent(`device:${deviceId}`)}&since=${encodeURIComponent(since)}`;
    let timeline: TimelineEntry[] = [];
    await expect
      .poll(async () => {
        timeline = (await apiCall(server.url, teacher, 'GET', path)).body.timeline as TimelineEntry[];
        return timeline.filter((e) => e.kind === 'site').every((e) => e.until !== null) && timeline.length;
      })
      .toBe(3);
    expect(timeline.map((e) => [e.kind, e.detail ?? e.site])).toEqual([
      ['site', 'topmarks.co.uk'],
      ['site', 'youtube.com'],
      ['search', 'volcanoes for kids'],
    ]);
    expect(timeline[0]).toMatchObject({ title: 'Maths games', category: null });
    expect(timeline[1]).toMatchObject({ category: 'video' });
    expect(timeline[0]!.seconds).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(timeline)).not.toContain('lesson-leak');

    // The DSL reads it; a teacher of another class and a governor do not.
    expect((await apiCall(server.url, dsl, 'GET', path)).body.timeline).toEqual(
      expect.arrayContaining([expect.objectContaining({ site: 'topmarks.co.uk' })]),
    );
    const reception = await login(server.url, 'reception@demo.waymark.test');
    expect((await apiCall(server.url, reception, 'GET', path)).status).toBe(404);
    const governor = await login(server.url, 'governor@demo.waymark.test');
    expect((await apiCall(server.url, governor, 'GET', path)).status).toBe(403);
    expect(
      (await apiCall(server.url, teacher, 'GET', '/api/classes/class-year2/timeline?pupil=&since=yesterday'))
        .status,
    ).toBe(400);

    // In the evidence of an incident raised from the pupil's event.
    const raised = await apiCall(server.url, teacher, 'POST', '/api/incidents/from-events', {
      eventIds: [search.id],
      timelineSince: since,
    });
    expect(raised.status).toBe(201);
    expect(raised.body.incident.description).toContain("This lesson's timeline");
    expect(raised.body.incident.description).toContain('on topmarks.co.uk ("Maths games")');
    expect(raised.body.incident.description).toContain('on youtube.com');
    expect(raised.body.incident.description).not.toContain('lesson-leak');

    // Purged with events, after the school's retention period.
    await server.app.services.dataProtection.purgeExpired(new Date(Date.now() + 3650 * 86_400_000));
    expect(
      (await apiCall(server.url, dsl, 'GET', path)).body.timeline.filter(
        (e: TimelineEntry) => e.kind === 'site',
      ),
    ).toEqual([]);
    watcher.disconnect();
    device.disconnect();
  });

  it('nothing is recorded while no one watches (a class no console watches)', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    const { deviceId } = await device.enrolled;
    expect(await device.emitWithAck('tab-state', tabState())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });
    const since = new Date(Date.now() - 60_000).toISOString();
    const path = `/api/classes/class-year5/timeline?pupil=${encodeURIComponent(`device:${deviceId}`)}&since=${encodeURIComponent(since)}`;
    expect((await apiCall(server.url, teacher, 'GET', path)).body.timeline).toEqual([]);
    device.disconnect();
  });
});
