import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { apiCall, connectConsole, login, type ConsoleSocket } from '@waymark/console-server/testing';
import type { LiveThumbnail } from '@waymark/shared';
import { axeViolations } from '../support/axe';
import {
  configureExtension,
  policyInForce,
  launchPupilBrowser,
  type PupilBrowser,
} from '../support/chromium';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';
import { startOriginServer } from '../support/origin-server';
import { EXTENSION_ID, requireBuiltExtension } from '../support/paths';

const LESSON_SITE = 'www.topmarks.co.uk';
const HOSTS = [`MAP ${LESSON_SITE} 127.0.0.1`];

/** Two Year 2 pupils' Chromiums, one Year 5 pupil's, and the teacher's. */
describe('the live class: screens only once the school allows them, only while the grid shows them', () => {
  let harness: ConsoleHarness;
  let origin: Awaited<ReturnType<typeof startOriginServer>>;
  let amy: PupilBrowser;
  let ben: PupilBrowser;
  let kestrel: PupilBrowser;
  let page: Page;
  let url: string;
  let dsl: string;
  let bystander: ConsoleSocket;
  let otherClass: ConsoleSocket;
  const notForThem: LiveThumbnail[] = [];

  const tile = (name: string) => page.getByTestId('pupil-tile').filter({ hasText: name });
  const site = (path: string) => `http://${LESSON_SITE}:${origin.port}${path}`;
  const toggle = () => page.getByRole('button', { name: /(Show|Hide) screens/ });

  beforeAll(async () => {
    requireBuiltExtension();
    harness = await startConsoleHarness();
    origin = await startOriginServer();
    origin.page(
      '/counting',
      '<!doctype html><title>Counting to 20</title><body style="background:#fde68a"><h1>Counting to 20</h1><p>1 2 3 4 5</p>',
    );
    [amy, ben, kestrel] = await Promise.all([
      launchPupilBrowser(HOSTS),
      launchPupilBrowser(HOSTS),
      launchPupilBrowser(HOSTS),
    ]);
    url = harness.server.url;
    const devices: [PupilBrowser, string, string][] = [
      [amy, DEMO_ENROLLMENT_TOKENS.year2, 'Owls Chromebook A'],
      [ben, DEMO_ENROLLMENT_TOKENS.year2, 'Owls Chromebook B'],
      [kestrel, DEMO_ENROLLMENT_TOKENS.year5, 'Kestrels Chromebook K'],
    ];
    for (const [pupil, enrollmentToken, deviceName] of devices)
      await configureExtension(pupil.worker, { serverUrl: url, enrollmentToken, deviceName });
    for (const pupil of [amy, ben, kestrel]) await policyInForce(pupil.worker);
    for (const pupil of [amy, ben, kestrel]) await (await pupil.context.newPage()).goto(site('/counting'));

    // A session: Year 2 is in a lesson now.
    const teacher = await login(url, 'teacher@demo.waymark.test');
    expect((await apiCall(url, teacher, 'POST', '/api/classes/class-year2/session', {})).status).toBe(201);
    dsl = await login(url, 'dsl@demo.waymark.test');
    // Another console watching Year 2 without asking, and one watching Year 5: neither gets a thumbnail.
    bystander = await connectConsole(url, teacher);
    otherClass = await connectConsole(url, dsl);
    for (const s of [bystander, otherClass]) s.on('thumbnail', (m) => notForThem.push(m));
    expect((await bystander.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
    expect((await otherClass.emitWithAck('watch-class', { classId: 'class-year5' })).ok).toBe(true);

    ({ page } = await harness.signIn('teacher@demo.waymark.test'));
  });

  afterAll(async () => {
    bystander?.disconnect();
    otherClass?.disconnect();
    for (const pupil of [amy, ben, kestrel]) await pupil?.close();
    await origin?.close();
    await harness?.close();
  });

  it('does not offer screens while the school has them off, and the server refuses them anyway', async () => {
    await page.getByRole('link', { name: /Year 2 \(Owls\)/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Year 2 (Owls): live' }).waitFor();
    await tile('Owls Chromebook A').filter({ hasText: 'Counting to 20' }).waitFor();
    // The roster has arrived (the tiles show): it says screens are off, so there is no button.
    expect(await toggle().count()).toBe(0);
    expect(await page.locator('img.tile-screen').count()).toBe(0);
    expect(await bystander.emitWithAck('show-screens', { classId: 'class-year2', show: true })).toMatchObject(
      { ok: false, code: 'setting-off', error: 'the school has not turned screen thumbnails on' },
    );
  });

  it('shows each pupil’s screen once the DSL turns them on, and stops when hidden', async () => {
    const res = await apiCall(url, dsl, 'PUT', '/api/live-settings', {
      screenThumbnails: true,
      reason: 'Agreed with governors: screens in lessons',
    });
    expect(res.status).toBe(200);
    // The pupil is told, in the extension's popup.
    const popup = await amy.context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    await popup
      .getByTestId('popup-screens-note')
      .filter({ hasText: 'In lessons, your teacher can also see a small picture of your screen.' })
      .waitFor();
    await popup.close();
    // The open grid hears of the change and offers screens now. From the keyboard.
    await toggle().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('true');
    await tile('Owls Chromebook A')
      .getByRole('img', { name: /Screen of Owls Chromebook A: .*topmarks/ })
      .waitFor();
    await tile('Owls Chromebook B')
      .getByRole('img', { name: /Screen of Owls Chromebook B/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-screens-grid');

    await toggle().click();
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.locator('img.tile-screen').count()).toBe(0);
    expect(notForThem).toEqual([]);
  });

  it('in Welsh too', async () => {
    await page.evaluate(() => localStorage.setItem('waymark.language', 'cy'));
    await page.reload();
    // Watching again first: a click before the reloaded page's watch-class is answered is sent
    // ahead of it (buffered until the socket connects) and refused as not watching. A tab's title
    // reaches the tile only once the page watches the class.
    await tile('Owls Chromebook A').filter({ hasText: 'Counting to 20' }).waitFor();
    await page.getByRole('button', { name: 'Dangos sgriniau' }).click();
    await tile('Owls Chromebook A')
      .getByRole('img', { name: /Sgrin Owls Chromebook A/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-screens-grid-cy');
    await page.evaluate(() => localStorage.setItem('waymark.language', 'en'));
    expect(notForThem).toEqual([]);
  });

  it('starting a lesson that would overlap a planned session asks first, and replaces the plan only when told', async () => {
    const teacher = await login(url, 'teacher@demo.waymark.test');
    expect((await apiCall(url, teacher, 'POST', '/api/classes/class-year2/session/end')).status).toBe(200);
    const soon = new Date(Date.now() + 10 * 60_000);
    soon.setSeconds(0, 0);
    const plan = await apiCall(url, teacher, 'POST', '/api/classes/class-year2/session/scheduled', {
      startsAt: soon.toISOString(),
      endsAt: new Date(soon.getTime() + 30 * 60_000).toISOString(),
    });
    expect(plan.status).toBe(201);
    await page.reload();
    await page.getByRole('button', { name: 'Start a lesson with this group now' }).click();
    const overlap = page.getByTestId('session-overlap');
    await overlap.getByText('Starting now would overlap a session planned for this group.').waitFor();
    await overlap.getByText(/This group has a session planned for \d\d:\d\d–\d\d:\d\d on/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-session-overlap');
    // Kept: nothing changes.
    await overlap.getByRole('button', { name: 'Keep the planned session' }).click();
    await expect.poll(() => overlap.count()).toBe(0);
    // Replaced: the lesson runs now, and the plan is gone.
    await page.getByRole('button', { name: 'Start a lesson with this group now' }).click();
    await overlap.getByRole('button', { name: 'Replace the planned session and start now' }).click();
    await page.getByRole('button', { name: 'End this lesson' }).waitFor();
    const upcoming = await apiCall(url, teacher, 'GET', '/api/classes/class-year2/session/scheduled');
    expect(upcoming.body.sessions.map((s: { id: string }) => s.id)).not.toContain(plan.body.session.id);

    // Ended: screens are still offered (the school has them on), greyed out with the reason.
    await page.getByRole('button', { name: 'End this lesson' }).click();
    await page.getByText('Screens are shown only in this class’s lessons and sessions.').waitFor();
    await expect.poll(() => toggle().isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-screens-outside-lessons');
  });
});
