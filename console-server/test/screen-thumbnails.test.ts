import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import {
  THUMBNAIL_MAX_BASE64,
  type LiveThumbnail,
  type PolicyMessage,
  type ScreensMessage,
  type ScreensStopped,
} from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { events, policyChanges } from '../src/db/schema';
import { apiCall, connectConsole, connectDevice, login, startTestServer, type TestServer } from './harness';
import { inbox } from './tab-state-fixture';

// docs/architecture.md, "Live class": thumbnails of pupils' screens, only where the school allows
// them, in a lesson or session, to the consoles that asked; never stored.
let server: TestServer;
let teacher: string;
let dsl: string;
beforeAll(async () => {
  server = await startTestServer();
  teacher = await login(server.url, 'teacher@demo.waymark.test');
  dsl = await login(server.url, 'dsl@demo.waymark.test');
  // Before any thumbnail: the server reuses a school's illegal lists for a minute once read.
  const imported = await apiCall(server.url, dsl, 'POST', '/api/policies/category-lists/import', {
    format: 'domains',
    category: 'illegal-csam',
    content: 'shot-leak.invalid',
    reason: 'test list',
  });
  expect(imported.status).toBe(200);
});
afterAll(() => server.close());

const settings = (body: unknown) => apiCall(server.url, dsl, 'PUT', '/api/live-settings', body);
const thumbnail = (overrides: Record<string, unknown> = {}) => ({
  jpeg: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==',
  url: 'https://www.topmarks.co.uk/maths-games',
  title: 'Maths games',
  at: new Date().toISOString(),
  ...overrides,
});
/** What the roster tells the console about screens: whether to offer "Show screens" at all. */
const screensOffer = async () =>
  (await apiCall(server.url, teacher, 'GET', '/api/classes/class-year2/roster')).body.screens as string;
const show = (socket: { emitWithAck(e: string, m: unknown): Promise<unknown> }, value: boolean) =>
  socket.emitWithAck('show-screens', { classId: 'class-year2', show: value }) as Promise<{
    ok: boolean;
    code?: string;
  }>;

describe('screen thumbnails', () => {
  it('are refused while the school has them off, and passed only to the console that asked', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.policy;
    const other = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.reception });
    await other.policy;
    // Each is told `send: false` on connecting; the inboxes start after it, whichever read it came in.
    expect(await device.screens).toEqual({ send: false });
    expect(await other.screens).toEqual({ send: false });
    const screens = inbox<ScreensMessage>(device, 'screens');
    const policies = inbox<PolicyMessage>(device, 'policy');
    const otherScreens = inbox<ScreensMessage>(other, 'screens');
    const asker = await connectConsole(server.url, teacher);
    const bystander = await connectConsole(server.url, teacher);
    const shown = inbox<LiveThumbnail>(asker, 'thumbnail');
    const notShown = inbox<LiveThumbnail>(bystander, 'thumbnail');
    const stopped = inbox<ScreensStopped>(asker, 'screens-stopped');
    for (const c of [asker, bystander])
      expect((await c.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);

    // Off by default: not offered, refused whatever the console does, and an unasked thumbnail is dropped.
    expect(await screensOffer()).toBe('off');
    expect(await show(asker, true)).toMatchObject({
      ok: false,
      code: 'setting-off',
      error: 'the school has not turned screen thumbnails on',
    });
    expect(await device.emitWithAck('thumbnail', thumbnail())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });

    // On (a change-control entry), but class-year2 has no lesson now: refused.
    const res = await settings({ screenThumbnails: true, reason: 'Agreed with governors for lessons' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ settings: { tabsInLessonsOnly: false, screenThumbnails: true } });
    // Pupils are told: the policy message says so, for the notice on block pages and the popup.
    expect(await policies.next()).toMatchObject({ screenThumbnails: true });
    const [entry] = await server.app.services.db
      .select()
      .from(policyChanges)
      .where(eq(policyChanges.profile, 'live-class'));
    expect(entry).toMatchObject({
      reason: 'Agreed with governors for lessons',
      summary: ['Screen thumbnails: on (teachers may see pupils’ screens in lessons)'],
    });
    expect(await screensOffer()).toBe('outside-lessons');
    expect(await show(asker, true)).toMatchObject({ ok: false, code: 'outside-lessons' });

    // In a session: only the console that asked gets it; the other class's device is not asked.
    expect((await apiCall(server.url, teacher, 'POST', '/api/classes/class-year2/session', {})).status).toBe(
      201,
    );
    expect(await screensOffer()).toBe('available');
    expect(await show(asker, true)).toMatchObject({ ok: true });
    expect(await screens.next()).toEqual({ send: true });
    expect(await device.emitWithAck('thumbnail', thumbnail())).toEqual({ ok: true });
    expect(await shown.next()).toMatchObject({
      classId: 'class-year2',
      jpeg: thumbnail().jpeg,
      url: 'https://www.topmarks.co.uk/maths-games',
      updateNeeded: false,
    });
    // Oversized, junk, or from the other class: dropped with a typed ack.
    const big = '/9j/' + 'A'.repeat(THUMBNAIL_MAX_BASE64);
    expect(await device.emitWithAck('thumbnail', thumbnail({ jpeg: big }))).toMatchObject({
      ok: false,
      code: 'too-large',
    });
    expect(await device.emitWithAck('thumbnail', thumbnail({ jpeg: 'not a jpeg' }))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await other.emitWithAck('thumbnail', thumbnail())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });
    // Junk of any shape: a typed refusal, and the socket keeps serving.
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (junk) => {
        const ack = await device.timeout(5000).emitWithAck('thumbnail', junk as never);
        expect(ack).toMatchObject({ ok: false });
        expect(['invalid', 'too-large']).toContain((ack as { code: string }).code);
      }),
      { numRuns: 100 },
    );
    // Too fast: one every 5 seconds (a burst of two), so three at once cannot all pass.
    const acks = await Promise.all([1, 2, 3].map(() => device.emitWithAck('thumbnail', thumbnail())));
    expect(acks).toContainEqual(expect.objectContaining({ ok: false, code: 'too-fast' }));
    await expect.poll(() => shown.got.length).toBe(1 + acks.filter((a) => a.ok).length);

    // Hidden: the devices stop, and a late one is dropped.
    expect(await show(asker, false)).toMatchObject({ ok: true });
    expect(await screens.next()).toEqual({ send: false });
    expect(await device.emitWithAck('thumbnail', thumbnail())).toMatchObject({
      ok: false,
      code: 'not-requested',
    });

    // Shown again, then the session ends: the console hears why, the devices stop.
    expect(await show(asker, true)).toMatchObject({ ok: true });
    expect(await screens.next()).toEqual({ send: true });
    expect((await apiCall(server.url, teacher, 'POST', '/api/classes/class-year2/session/end')).status).toBe(
      200,
    );
    expect(await stopped.next()).toEqual({ classId: 'class-year2', reason: 'outside-lessons' });
    expect(await screens.next()).toEqual({ send: false });

    // The console leaving stops them too.
    expect((await apiCall(server.url, teacher, 'POST', '/api/classes/class-year2/session', {})).status).toBe(
      201,
    );
    expect(await show(asker, true)).toMatchObject({ ok: true });
    expect(await screens.next()).toEqual({ send: true });
    asker.disconnect();
    expect(await screens.next()).toEqual({ send: false });
    expect(shown.got.every((t) => t.classId === 'class-year2')).toBe(true);
    expect(notShown.got).toHaveLength(0);
    expect(otherScreens.got.every((m) => !m.send)).toBe(true);
    for (const s of [device, other, bystander]) s.disconnect();
  });

  it('of a page in an illegal category are dropped: the tile shows no picture, and nothing is kept', async () => {
    expect(
      (await settings({ screenThumbnails: true, reason: 'Agreed with governors for lessons' })).status,
    ).toBe(200);
    expect((await apiCall(server.url, teacher, 'POST', '/api/classes/class-year2/session', {})).status).toBe(
      201,
    );
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.policy;
    const screens = inbox<ScreensMessage>(device, 'screens');
    const asker = await connectConsole(server.url, teacher);
    const shown = inbox<LiveThumbnail>(asker, 'thumbnail');
    expect((await asker.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    expect(await show(asker, true)).toMatchObject({ ok: true });
    expect(await screens.next()).toEqual({ send: true });

    expect(await device.emitWithAck('thumbnail', thumbnail())).toEqual({ ok: true });
    expect(await shown.next()).toMatchObject({ jpeg: thumbnail().jpeg, updateNeeded: false });
    // The device claims an ordinary page, but its address is on the school's illegal list.
    const leak = thumbnail({
      jpeg: '/9j/U0VDUkVUU0hPVA==',
      url: 'https://www.shot-leak.invalid/page',
      title: 'secret title',
    });
    expect(await device.emitWithAck('thumbnail', leak)).toMatchObject({
      ok: false,
      code: 'illegal-category',
    });
    const blank = await shown.next();
    expect(blank).toMatchObject({
      classId: 'class-year2',
      jpeg: null,
      url: null,
      title: null,
      updateNeeded: false,
    });
    for (const secret of ['U0VDUkVUU0hPVA', 'shot-leak', 'secret title'])
      expect(JSON.stringify(shown.got)).not.toContain(secret);
    // Never stored: no event, no timeline entry names the page.
    const rows = await server.app.services.db.select({ url: events.url }).from(events);
    expect(rows.filter((r) => r.url?.includes('shot-leak'))).toEqual([]);

    asker.disconnect();
    expect(await screens.next()).toEqual({ send: false });
    device.disconnect();
    expect((await apiCall(server.url, teacher, 'POST', '/api/classes/class-year2/session/end')).status).toBe(
      200,
    );
  });
});
