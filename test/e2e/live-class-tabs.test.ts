import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { apiCall, connectConsole, login, type ConsoleSocket } from '@waymark/console-server/testing';
import type { LiveTabs } from '@waymark/shared';
import { axeViolations } from '../support/axe';
import {
  configureExtension,
  policyInForce,
  launchPupilBrowser,
  waitFor,
  type PupilBrowser,
} from '../support/chromium';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';
import { startOriginServer } from '../support/origin-server';
import { EXTENSION_ID, requireBuiltExtension } from '../support/paths';

/** The extension's storage, read inside the service worker. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

/** KS1 allows both; the lesson opens only the first, so the second is off task. */
const LESSON_SITE = 'www.topmarks.co.uk';
const OTHER_SITE = 'www.phonicsplay.co.uk';
/** A help site: it stays open while screens are locked. */
const HELP_SITE = 'www.childline.org.uk';
const HOSTS = [LESSON_SITE, OTHER_SITE, HELP_SITE].map((host) => `MAP ${host} 127.0.0.1`);

/** Three pupils' Chromiums and the teacher's: the most the machine's two cores take in one test. */
describe('the live class: the teacher sees each pupil’s tabs as they change, and no other class’s', () => {
  let harness: ConsoleHarness;
  let origin: Awaited<ReturnType<typeof startOriginServer>>;
  let amy: PupilBrowser;
  let ben: PupilBrowser;
  let kestrel: PupilBrowser;
  let page: Page;
  let watcher: ConsoleSocket;
  const relayed: LiveTabs[] = [];

  const tile = (name: string) => page.getByTestId('pupil-tile').filter({ hasText: name });
  const site = (host: string, path: string) => `http://${host}:${origin.port}${path}`;

  beforeAll(async () => {
    requireBuiltExtension();
    harness = await startConsoleHarness();
    origin = await startOriginServer();
    origin.page('/counting', '<!doctype html><title>Counting to 20</title><h1>Counting to 20</h1>');
    origin.page('/number-line', '<!doctype html><title>Number line</title><h1>Number line</h1>');
    origin.page('/phonics', '<!doctype html><title>Phase 3 phonics</title><h1>Phonics</h1>');
    // The school's own list names the phonics games site as online games (KS1 allows it by name):
    // the devices name its category in their tab state once they hold the list.
    const tech = await login(harness.server.url, 'tech@demo.waymark.test');
    const imported = await apiCall(harness.server.url, tech, 'POST', '/api/policies/category-lists/import', {
      format: 'domains',
      category: 'gaming',
      content: OTHER_SITE.replace(/^www\./, ''),
      reason: 'phonics games count as games in lessons',
    });
    expect(imported.status).toBe(200);
    [amy, ben, kestrel] = await Promise.all([
      launchPupilBrowser(HOSTS),
      launchPupilBrowser(HOSTS),
      launchPupilBrowser(HOSTS),
    ]);
    const url = harness.server.url;
    await configureExtension(amy.worker, {
      serverUrl: url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Owls Chromebook A',
    });
    await configureExtension(ben.worker, {
      serverUrl: url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Owls Chromebook B',
    });
    await configureExtension(kestrel.worker, {
      serverUrl: url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      deviceName: 'Kestrels Chromebook K',
    });
    for (const pupil of [amy, ben, kestrel]) await policyInForce(pupil.worker);
    // Ben's tab is named under online games from the list the device holds: a snapshot taken
    // before the list arrived (it follows the first policy) would carry no category.
    await waitFor(
      () =>
        ben.worker.evaluate(async () =>
          (
            ((await chrome.storage.local.get('categoryHeld')).categoryHeld ?? []) as Array<{
              packed?: Record<string, string>;
            }>
          ).flatMap((source) => source.packed?.gaming?.split('\n') ?? []),
        ),
      (list) => list.includes(OTHER_SITE.replace(/^www\./, '')),
    );

    // The lesson opens one site: a pupil on any other is off task.
    const cookie = await login(url, 'teacher@demo.waymark.test');
    const opened = await apiCall(url, cookie, 'POST', '/api/classes/class-year2/overrides', {
      kind: 'open',
      sites: [LESSON_SITE],
      minutes: 40,
    });
    expect(opened.status).toBe(201);
    // A second watcher of Year 2 (a socket, as another console would be) records everything relayed.
    watcher = await connectConsole(url, cookie);
    watcher.on('tab-state', (m) => relayed.push(m));
    expect((await watcher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);

    ({ page } = await harness.signIn('teacher@demo.waymark.test'));
  });

  afterAll(async () => {
    watcher?.disconnect();
    for (const pupil of [amy, ben, kestrel]) await pupil?.close();
    await origin?.close();
    await harness?.close();
  });

  it('shows what each pupil has open, live: a new tab, a changed page, off task', async () => {
    const amyTab = await amy.context.newPage();
    await amyTab.goto(site(LESSON_SITE, '/counting'));
    const benTab = await ben.context.newPage();
    await benTab.goto(site(OTHER_SITE, '/phonics'));
    const kestrelTab = await kestrel.context.newPage();
    await kestrelTab.goto('about:blank');

    await page.getByRole('link', { name: /Year 2 \(Owls\)/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Year 2 (Owls): live' }).waitFor();

    // What each pupil had open when watching started (the snapshot).
    await tile('Owls Chromebook A').filter({ hasText: 'Counting to 20' }).waitFor();
    await tile('Owls Chromebook A').filter({ hasText: 'topmarks.co.uk' }).waitFor();
    await tile('Owls Chromebook B').filter({ hasText: 'Phase 3 phonics' }).waitFor();
    await tile('Owls Chromebook B').filter({ hasText: 'Off task' }).waitFor();
    expect(await tile('Owls Chromebook A').filter({ hasText: 'Off task' }).count()).toBe(0);

    // Amy opens another tab, then goes on to another page in it: the tile follows.
    const second = await amy.context.newPage();
    await second.goto(site(LESSON_SITE, '/number-line'));
    await tile('Owls Chromebook A').filter({ hasText: 'Number line' }).waitFor();
    const tabs = Number(/Tabs: (\d+)/.exec((await tile('Owls Chromebook A').textContent()) ?? '')?.[1]);
    expect(tabs).toBeGreaterThanOrEqual(2);
    await amyTab.bringToFront();
    await tile('Owls Chromebook A').filter({ hasText: 'Counting to 20' }).waitFor();

    // Off task first, and only off task.
    await page.getByLabel('Order').selectOption('off-task');
    expect(await page.getByTestId('pupil-tile').first().textContent()).toContain('Owls Chromebook B');
    await page.getByLabel('Only pupils off task').check();
    await expect.poll(() => page.getByTestId('pupil-tile').count()).toBe(1);
    await page.getByLabel('Only pupils off task').uncheck();
    await page.getByLabel('Order').selectOption('name');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-tabs-grid');
  });

  it('the teacher marks online games off task for the lesson: a pupil on a games site shows it, in every console', async () => {
    const form = page.getByRole('group', { name: 'Off task this lesson' });
    await form.getByLabel('Online games').check();
    await form.getByRole('button', { name: 'Mark off task' }).click();
    await page.getByTestId('off-task-marked').filter({ hasText: 'Online games' }).waitFor();
    await tile('Owls Chromebook B').filter({ hasText: 'Off task: Online games' }).waitFor();
    // Amy's lesson site is no game: on task still.
    expect(await tile('Owls Chromebook A').filter({ hasText: 'Off task' }).count()).toBe(0);
    // The device named the category itself; the other watcher (another console) got it too.
    expect(
      relayed.some(
        (m) =>
          m.deviceName === 'Owls Chromebook B' &&
          m.state?.tabs.some((t) => t.url?.includes(OTHER_SITE) && t.category === 'gaming'),
      ),
    ).toBe(true);
    const dsl = await login(harness.server.url, 'dsl@demo.waymark.test');
    const marked = await apiCall(harness.server.url, dsl, 'GET', '/api/classes/class-year2/off-task');
    expect(marked.body.categories).toEqual(['gaming']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-off-task-category');

    // Ben's detail: this lesson's timeline names the games site, with its category.
    await tile('Owls Chromebook B')
      .getByRole('button', { name: /Owls Chromebook B/ })
      .click();
    const detail = page.getByTestId('pupil-detail');
    await detail
      .getByTestId('timeline-entry')
      .filter({ hasText: 'On phonicsplay.co.uk' })
      .filter({ hasText: 'Online games' })
      .waitFor();
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await detail.waitFor({ state: 'detached' });
  });

  it('opens a pupil’s detail with every open tab, from the keyboard', async () => {
    await tile('Owls Chromebook A')
      .getByRole('button', { name: /Owls Chromebook A/ })
      .focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('pupil-detail');
    await detail.getByRole('heading', { name: 'Owls Chromebook A: open tabs' }).waitFor();
    await detail.getByTestId('detail-tab').filter({ hasText: 'Number line' }).waitFor();
    await detail.getByTestId('detail-tab').filter({ hasText: 'Counting to 20' }).waitFor();
    expect(await detail.getByTestId('detail-tab').filter({ hasText: 'Active' }).textContent()).toContain(
      'Counting to 20',
    );
    // This lesson's timeline: the lesson site, one visit however many of its pages.
    await detail.getByRole('heading', { name: 'Owls Chromebook A: this lesson' }).waitFor();
    await detail.getByTestId('timeline-entry').filter({ hasText: 'On topmarks.co.uk' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-tabs-detail');
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await detail.waitFor({ state: 'detached' });
  });

  it('in Welsh too', async () => {
    await page.evaluate(() => localStorage.setItem('waymark.language', 'cy'));
    await page.reload();
    await tile('Owls Chromebook B').filter({ hasText: 'Oddi ar y dasg: Gemau ar-lein' }).waitFor();
    await page.getByRole('group', { name: 'Oddi ar y dasg yn y wers hon' }).waitFor();
    await tile('Owls Chromebook A')
      .filter({ hasText: /Tabiau: \d/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-tabs-grid-cy');
    await page.evaluate(() => localStorage.setItem('waymark.language', 'en'));
  });

  const pageAt = async (pupil: PupilBrowser, part: string): Promise<Page> => {
    const found = await waitFor(
      async () => pupil.context.pages().find((p) => p.url().includes(part)) ?? null,
      (p) => p !== null,
    );
    return found!;
  };
  const urls = (pupil: PupilBrowser) => pupil.context.pages().map((p) => p.url());

  it('closes one pupil’s tab from the detail panel; the device says it applied', async () => {
    await page.reload();
    await tile('Owls Chromebook A')
      .getByRole('button', { name: /Owls Chromebook A/ })
      .click();
    const detail = page.getByTestId('pupil-detail');
    await detail.getByRole('button', { name: 'Close tab: Number line' }).click();
    await detail.getByTestId('action-results').filter({ hasText: 'applied 1' }).waitFor();
    await expect.poll(() => urls(amy).some((u) => u.includes('/number-line'))).toBe(false);
    await detail.getByTestId('detail-tab').filter({ hasText: 'Number line' }).waitFor({ state: 'detached' });
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('opens an address on the whole class; only Year 2’s browsers open it', async () => {
    const actions = page.getByRole('region', { name: 'Actions for the class' });
    await actions.getByRole('button', { name: 'Open a web address' }).click();
    await actions.getByLabel('Web address to open').fill(site(LESSON_SITE, '/number-line'));
    await actions.getByRole('button', { name: 'Open for the class' }).click();
    await actions.getByTestId('action-results').filter({ hasText: 'applied 2' }).waitFor();
    await pageAt(amy, '/number-line');
    await pageAt(ben, '/number-line');
    expect(urls(kestrel).some((u) => u.includes('/number-line'))).toBe(false);
  });

  it('acts on a selection: only the chosen pupil’s browser opens the address', async () => {
    await page.getByLabel('Select Owls Chromebook B for an action').check();
    const picked = page.getByRole('region', { name: 'Actions for the 1 selected' });
    await picked.getByRole('button', { name: 'Open a web address' }).click();
    await picked.getByLabel('Web address to open').fill(site(LESSON_SITE, '/picked'));
    await picked.getByRole('button', { name: 'Open for the 1 selected' }).click();
    await picked.getByTestId('action-results').filter({ hasText: 'applied 1' }).waitFor();
    await pageAt(ben, '/picked');
    expect(urls(amy).some((u) => u.includes('/picked'))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear the selection' }).click();
  });

  it('closes every tab on an off-task site across the class; lesson tabs stay', async () => {
    const actions = page.getByRole('region', { name: 'Actions for the class' });
    await actions.getByRole('button', { name: 'Close a site' }).click();
    // The sites open in the class are offered; the teacher may type one too.
    expect(
      await actions.locator('datalist option').evaluateAll((o) => o.map((x) => x.getAttribute('value'))),
    ).toContain(OTHER_SITE.replace(/^www\./, ''));
    await actions.getByLabel(/^Site to close/).fill(OTHER_SITE.replace(/^www\./, ''));
    await actions.getByRole('button', { name: 'Close it for the class' }).click();
    await actions.getByTestId('action-results').filter({ hasText: 'applied 2' }).waitFor();
    await expect.poll(() => urls(ben).some((u) => u.includes(OTHER_SITE))).toBe(false);
    expect(urls(amy).some((u) => u.includes('/counting'))).toBe(true);
    await tile('Owls Chromebook B').filter({ hasText: 'Off task' }).waitFor({ state: 'detached' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-close-site');
  });

  it('sends a message the pupils see at once; a pupil answers once and the teacher sees the answer', async () => {
    const actions = page.getByRole('region', { name: 'Actions for the class' });
    await actions.getByRole('button', { name: 'Send a message' }).click();
    await actions.getByLabel(/^Message/).fill('Time to tidy up <now>, please');
    await actions.getByRole('button', { name: 'Send to the class' }).click();
    await actions.getByTestId('action-results').filter({ hasText: 'applied 2' }).waitFor();

    const shown = await pageAt(amy, `chrome-extension://${EXTENSION_ID}/message.html`);
    await shown.getByText('Time to tidy up <now>, please').waitFor();
    await shown.getByLabel('Your answer (you can send one)').fill('Nearly done, Miss!');
    await shown.getByRole('button', { name: 'Send my answer' }).click();
    await shown.getByText('Your answer has been sent to your teacher.').waitFor();
    await pageAt(ben, `chrome-extension://${EXTENSION_ID}/message.html`);

    await tile('Owls Chromebook A')
      .getByRole('button', { name: /Owls Chromebook A/ })
      .click();
    await page.getByTestId('pupil-replies').filter({ hasText: 'Nearly done, Miss!' }).waitFor();
    await page.getByTestId('pupil-detail').getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('locks the class: pages go to the lock page, help still opens, the popup says so; unlocking brings the pages back', async () => {
    const actions = page.getByRole('region', { name: 'Actions for the class' });
    await actions.getByRole('button', { name: 'Lock screens' }).click();
    await actions.getByLabel('Message on the locked screen').fill('Eyes on me, please');
    await actions.getByRole('button', { name: 'Lock the class' }).click();
    await actions.getByTestId('action-results').filter({ hasText: 'applied 2' }).waitFor();

    const locked = await pageAt(amy, `chrome-extension://${EXTENSION_ID}/lock.html`);
    await locked.getByText('Stop and look at your teacher.').waitFor();
    await locked.getByText('“Eyes on me, please”').waitFor();
    await screenshot(locked, 'live-class-lock-ks1');
    // Any other page goes to the lock page too; a help site still opens.
    const tryPage = await amy.context.newPage();
    await tryPage.goto(site(LESSON_SITE, '/counting')).catch(() => undefined);
    await expect.poll(() => tryPage.url()).toContain('/lock.html');
    await tryPage.goto(site(HELP_SITE, '/')).catch(() => undefined);
    await expect.poll(() => tryPage.url()).toBe(site(HELP_SITE, '/'));
    const popup = await amy.context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    await popup.getByTestId('popup-lock').waitFor();
    await popup.getByTestId('popup-message').waitFor();
    await popup.close();

    await actions.getByRole('button', { name: 'Unlock' }).click();
    await actions.getByTestId('action-results').filter({ hasText: 'Unlock:' }).waitFor();
    await expect.poll(() => urls(amy).some((u) => u.includes('/lock.html'))).toBe(false);
    await expect.poll(() => urls(amy).some((u) => u.includes('/counting'))).toBe(true);
    // The Year 5 browser was never sent any of it.
    expect(urls(kestrel).some((u) => /message\.html|lock\.html/.test(u))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-actions');
  });

  it('the other class’s browser sends nothing to Year 2’s watchers, and no tab is stored with the events', async () => {
    // Year 2's two browsers reached the watcher; the Year 5 browser, never.
    const names = new Set(relayed.map((m) => m.deviceName));
    expect(names).toEqual(new Set(['Owls Chromebook A', 'Owls Chromebook B']));
    expect(relayed.every((m) => m.classId === 'class-year2')).toBe(true);
    const cookie = await login(harness.server.url, 'dsl@demo.waymark.test');
    const events = await apiCall(harness.server.url, cookie, 'GET', '/api/classes/class-year2/events');
    expect(JSON.stringify(events.body)).not.toContain('Counting to 20');
  });
  it('where the school shows tabs only in lessons, outside them the grid shows none and says why; a session brings them back', async () => {
    const { page: dsl } = await harness.signIn('dsl@demo.waymark.test');
    await dsl.goto('/');
    await dsl.getByRole('heading', { level: 2, name: 'When teachers see pupils’ tabs' }).waitFor();
    await dsl.getByLabel('Show pupils’ tabs only in the class’s timetabled lessons and sessions').check();
    await dsl
      .getByLabel('Why (it goes in the change-control log)')
      .fill('Agreed with governors: tabs in lessons only');
    expect(await axeViolations(dsl)).toEqual([]);
    await screenshot(dsl, 'live-settings');
    await dsl.getByRole('button', { name: 'Save' }).click();
    await dsl.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await dsl.getByText('Now: only in the class’s timetabled lessons and sessions.').waitFor();
    await dsl.locator('details.account summary').click();
    await dsl.getByLabel('Language').selectOption('cy');
    await dsl
      .getByRole('heading', { level: 2, name: 'Pryd mae athrawon yn gweld tabiau disgyblion' })
      .waitFor();
    await dsl.locator('details.account summary').click();
    expect(await axeViolations(dsl)).toEqual([]);
    await screenshot(dsl, 'live-settings-cy');
    await dsl.locator('details.account summary').click();
    await dsl.getByLabel('Iaith').selectOption('en');
    // The change-control log has it, with the reason.
    await dsl.goto('/policies/changes');
    await dsl.getByRole('cell', { name: 'Live class settings' }).first().waitFor();
    await dsl.getByText('Agreed with governors: tabs in lessons only').waitFor();

    // The demo school has no timetable: Year 2 has no lesson now, so its grid shows no tabs.
    await page.getByTestId('tabs-outside-lessons').waitFor();
    await expect.poll(() => tile('Owls Chromebook A').textContent()).not.toMatch(/Tabs: \d+/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-outside-lessons');

    // A session is a lesson: the devices are asked again and the tabs come back.
    await page.getByRole('button', { name: 'Start a lesson with this group now' }).click();
    await expect.poll(() => page.getByTestId('tabs-outside-lessons').count()).toBe(0);
    await expect.poll(() => tile('Owls Chromebook A').textContent()).toMatch(/Tabs: \d+/);
    await page.getByRole('button', { name: 'End this lesson' }).click();
    await page.getByTestId('tabs-outside-lessons').waitFor();
    await dsl.close();
  });
});
