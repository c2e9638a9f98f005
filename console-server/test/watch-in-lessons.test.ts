import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ClassRoster, LiveTabs, WatchingMessage } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { policyChanges } from '../src/db/schema';
import { apiCall, connectConsole, connectDevice, login, startTestServer, type TestServer } from './harness';
import { inbox, tabState } from './tab-state-fixture';

// docs/architecture.md, "Live class": a school may limit watching to the class's timetabled
// lessons and sessions. The demo school has no timetable: class-year2 is in a lesson only while a
// session runs.
let server: TestServer;
let teacher: string;
let dsl: string;
beforeAll(async () => {
  server = await startTestServer();
  teacher = await login(server.url, 'teacher@demo.waymark.test');
  dsl = await login(server.url, 'dsl@demo.waymark.test');
});
afterAll(() => server.close());

const settings = (who: string, body: unknown) => apiCall(server.url, who, 'PUT', '/api/live-settings', body);
const tabStateRule = async () =>
  ((await apiCall(server.url, teacher, 'GET', '/api/classes/class-year2/roster')).body as ClassRoster)
    .tabState;

describe('watching only in lessons', () => {
  it('is the DSL’s change-control decision, with a reason; off by default', async () => {
    expect((await apiCall(server.url, dsl, 'GET', '/api/live-settings')).body).toEqual({
      settings: { tabsInLessonsOnly: false, screenThumbnails: false },
    });
    expect(await tabStateRule()).toBe('shown');
    expect((await settings(dsl, { tabsInLessonsOnly: true })).status).toBe(400);
    expect((await settings(dsl, { tabsInLessonsOnly: true, reason: '' })).status).toBe(400);
    expect((await settings(dsl, { tabsInLessonsOnly: 'yes', reason: 'privacy' })).status).toBe(400);
    // Screen thumbnails cannot be turned on until devices can send them.
    expect((await settings(dsl, { screenThumbnails: 'on', reason: 'screens please' })).status).toBe(400);
    expect((await settings(teacher, { tabsInLessonsOnly: true, reason: 'I would like to' })).status).toBe(
      403,
    );
    expect((await apiCall(server.url, teacher, 'GET', '/api/live-settings')).status).toBe(403);
  });

  it('outside lessons the devices are not asked for tabs and the live class says why; a session opens it', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.policy;
    const watching = inbox<WatchingMessage>(device, 'watching');
    const watcher = await connectConsole(server.url, teacher);
    const tabs = inbox<LiveTabs>(watcher, 'tab-state');
    const lessonChanged = inbox<{ classId: string }>(watcher, 'lesson-changed');
    expect((await watcher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    expect(await watching.next()).toEqual({ watching: true });
    expect(await device.emitWithAck('tab-state', tabState())).toEqual({ ok: true });
    await tabs.next();

    // The DSL limits watching to lessons: class-year2 has none now.
    const res = await settings(dsl, {
      tabsInLessonsOnly: true,
      reason: 'Agreed with governors: live tabs only in lessons',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ settings: { tabsInLessonsOnly: true, screenThumbnails: false } });
    expect(await watching.next()).toEqual({ watching: false });
    expect(await lessonChanged.next()).toEqual({ classId: 'class-year2' });
    expect(await device.emitWithAck('tab-state', tabState())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });
    expect(await tabStateRule()).toBe('outside-lessons');
    const [entry] = await server.app.services.db
      .select()
      .from(policyChanges)
      .where(and(eq(policyChanges.profile, 'live-class')));
    expect(entry).toMatchObject({
      reason: 'Agreed with governors: live tabs only in lessons',
      summary: ['Live tabs: only in the class’s timetabled lessons and sessions'],
      before: { tabsInLessonsOnly: false, screenThumbnails: false },
      after: { tabsInLessonsOnly: true, screenThumbnails: false },
    });

    // A console that starts watching now asks nothing of the devices either.
    const late = await connectConsole(server.url, teacher);
    expect((await late.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    expect(await watching.next()).toEqual({ watching: false });
    expect(await device.emitWithAck('tab-state', tabState())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });
    late.disconnect();

    // A session is a lesson: its devices are asked again, and stop when it ends.
    expect((await apiCall(server.url, teacher, 'POST', '/api/classes/class-year2/session', {})).status).toBe(
      201,
    );
    expect(await watching.next()).toEqual({ watching: true });
    expect(await tabStateRule()).toBe('shown');
    expect(await device.emitWithAck('tab-state', tabState())).toEqual({ ok: true });
    await tabs.next();
    expect((await apiCall(server.url, teacher, 'POST', '/api/classes/class-year2/session/end')).status).toBe(
      200,
    );
    expect(await watching.next()).toEqual({ watching: false });
    expect(await tabStateRule()).toBe('outside-lessons');

    // Turned off again (another entry): any time.
    expect(
      (await settings(dsl, { tabsInLessonsOnly: false, reason: 'Back to any time for the trial' })).status,
    ).toBe(200);
    expect(await watching.next()).toEqual({ watching: true });
    expect(await tabStateRule()).toBe('shown');
    watcher.disconnect();
    device.disconnect();
  });
});
