import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { apiCall, login } from '@waymark/console-server/testing';
import { makeBundle, pupilEmail, SECONDARY, zipOf } from '../../console-server/test/oneroster-fixture';
import { axeViolations } from '../support/axe';
import {
  configureExtension,
  dynamicRuleCount,
  launchPupilBrowser,
  waitFor,
  type PupilBrowser,
} from '../support/chromium';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';
import { startOriginServer } from '../support/origin-server';
import { requireBuiltExtension } from '../support/paths';

/** The parts of the extension API this test calls inside the service worker. */
declare const chrome: {
  identity: Record<string, unknown>;
  storage: { local: { get(key: string): Promise<Record<string, { classIds?: string[] } | undefined>> } };
};

// docs/architecture.md, "Teaching groups and the timetable": a secondary school's roster and
// timetable imported through the console; the real extension in Chromium follows the timetable
// from one group's focus lesson to the next group's open lesson when the server's clock crosses
// the period boundary (the test moves the clock and asks for the boundary's tick: no waiting).
const DOMAIN = 'pupils.e2e-timetable.test';
const PUPIL = pupilEmail(0, DOMAIN);
const FOCUS_SITE = 'lesson-resources.test';
const OTHER_SITE = 'news.test';
const GAME_SITE = 'www.miniclip.com';

let now = new Date('2026-11-23T09:10:00Z'); // Monday 09:10 in London, period 1
let harness: ConsoleHarness;
let origin: Awaited<ReturnType<typeof startOriginServer>>;
let pupil: PupilBrowser;
let admin: Page;
const groups = new Map<string, string>();

beforeAll(async () => {
  requireBuiltExtension();
  harness = await startConsoleHarness({ clock: () => now, lessonTimer: false });
  origin = await startOriginServer();
  ({ page: admin } = await harness.signIn('admin@demo.waymark.test'));
});
afterAll(async () => {
  await pupil?.close();
  await origin?.close();
  await harness?.close();
});

async function classIdsOnDevice(): Promise<string[]> {
  return pupil.worker.evaluate(async () => (await chrome.storage.local.get('policy')).policy?.classIds ?? []);
}

/** Opens an address in a new tab: the origin's page, or the extension's block page. */
async function visit(host: string): Promise<'allowed' | 'blocked'> {
  const page = await pupil.context.newPage();
  try {
    await page.goto(`http://${host}:${origin.port}/`).catch(() => undefined);
    const state = await waitFor(
      async () =>
        (await page.getByTestId('waymark-blocked').count()) > 0
          ? 'blocked'
          : (await page.getByTestId('origin-page').count()) > 0
            ? 'allowed'
            : null,
      (s) => s !== null,
      15_000,
    );
    return state!;
  } finally {
    await page.close();
  }
}

describe('a secondary school on its timetable', () => {
  it('the admin imports the OneRoster export and the timetable: preview, then apply (English and Welsh, axe-clean)', async () => {
    await admin.getByRole('link', { name: 'Roster and timetable' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Roster and timetable' }).waitFor();
    const files = makeBundle({ ...SECONDARY, pupils: 28, staff: 4, groups: 17, domain: DOMAIN });
    await admin.getByLabel('OneRoster ZIP or CSV files').setInputFiles({
      name: 'oneroster.zip',
      mimeType: 'application/zip',
      buffer: zipOf(files),
    });
    await admin.getByRole('button', { name: 'Preview changes' }).first().click();
    const pupilsAdded = admin.getByRole('row', { name: /Pupils added/ }).first();
    await expect.poll(() => pupilsAdded.textContent()).toContain('28');
    expect(
      await admin
        .getByRole('row', { name: /Groups added/ })
        .first()
        .textContent(),
    ).toContain('17');
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'roster-preview');
    await admin.getByRole('button', { name: 'Apply these changes' }).click();
    await admin.getByRole('status').filter({ hasText: 'Applied.' }).waitFor();

    const timetable = [
      'week,day,period,start,end,group,teacher_email,room',
      ',Mon,P1,09:00,10:00,set-0,teacher@demo.waymark.test,S1',
      ',Mon,P1,09:00,10:00,set-1,,S2',
      ',Mon,P2,10:00,11:00,set-3,teacher@demo.waymark.test,Lab 2',
    ].join('\n');
    // One line is wrong (a group the school does not have): nothing can be applied.
    await admin.getByLabel('Timetable CSV file').setInputFiles({
      name: 'timetable.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${timetable}\n,Mon,P3,11:00,12:00,no-such-set,,\n`),
    });
    await admin.getByRole('button', { name: 'Preview changes' }).nth(1).click();
    await admin
      .getByRole('cell', { name: 'group no-such-set is not a group of the school (import the roster first)' })
      .waitFor();
    expect(await admin.getByRole('button', { name: 'Apply these changes' }).count()).toBe(0);
    await screenshot(admin, 'roster-timetable-errors');
    await admin.getByLabel('Timetable CSV file').setInputFiles({
      name: 'timetable.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(timetable),
    });
    await admin.getByRole('button', { name: 'Preview changes' }).nth(1).click();
    await admin.getByRole('row', { name: /Lessons in the timetable/ }).waitFor();
    await admin.getByRole('button', { name: 'Apply these changes' }).click();
    await admin.getByRole('status').filter({ hasText: 'Applied.' }).last().waitFor();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Applied.' }).count()).toBe(2);

    // The export's terms are the school's; the admin adds half term (lessons stop on holidays).
    await expect.poll(() => admin.getByLabel('Name of entry 1').inputValue()).toBe('Autumn term');
    expect(await admin.getByLabel('Name of entry 2').inputValue()).toBe('Spring term');
    await admin.getByRole('button', { name: 'Add a term or holiday' }).click();
    await admin.getByLabel('Kind of entry 3').selectOption('holiday');
    await admin.getByLabel('Name of entry 3').fill('Half term');
    await admin.getByLabel('First day of entry 3').fill('2026-10-26');
    await admin.getByLabel('Last day of entry 3').fill('2026-10-30');
    await admin.getByRole('button', { name: 'Save the calendar' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await admin.locator('details.account summary').click();
    await admin.getByLabel('Language').selectOption('cy');
    await admin.getByRole('heading', { level: 1, name: 'Rhestr ddisgyblion ac amserlen' }).waitFor();
    await admin
      .getByRole('row', { name: /Disgyblion wedi’u hychwanegu/ })
      .first()
      .waitFor();
    await admin.locator('details.account summary').click();
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'roster-cy');
    await admin.locator('details.account summary').click();
    await admin.getByLabel('Iaith').selectOption('en');

    const cookie = await login(harness.server.url, 'dsl@demo.waymark.test');
    const listed = (await apiCall(harness.server.url, cookie, 'GET', '/api/classes')).body as {
      classes: Array<{ id: string; name: string }>;
    };
    for (const c of listed.classes) groups.set(c.name, c.id);
    expect(groups.has('Set 1')).toBe(true);
    const adminCookie = await login(harness.server.url, 'admin@demo.waymark.test');
    const calendar = await apiCall(harness.server.url, adminCookie, 'GET', '/api/roster/calendar');
    expect(calendar.body).toMatchObject({
      entries: [
        { kind: 'term', name: 'Autumn term', startsOn: '2026-09-01', endsOn: '2026-12-18' },
        { kind: 'holiday', name: 'Half term', startsOn: '2026-10-26', endsOn: '2026-10-30' },
        { kind: 'term', name: 'Spring term', startsOn: '2027-01-04', endsOn: '2027-03-26' },
      ],
    });
  });

  it('the pupil’s device follows the timetable from the focus lesson to the next group’s open lesson at the boundary', async () => {
    // The demo teacher teaches both sets in the timetable.
    const teacher = await login(harness.server.url, 'teacher@demo.waymark.test');
    const set1 = groups.get('Set 1')!; // set-0
    const set4 = groups.get('Set 4')!; // set-3
    expect(
      (
        await apiCall(harness.server.url, teacher, 'POST', `/api/classes/${set1}/overrides`, {
          kind: 'focus',
          sites: [FOCUS_SITE],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await apiCall(harness.server.url, teacher, 'POST', `/api/classes/${set4}/overrides`, {
          kind: 'open',
          sites: [GAME_SITE],
        })
      ).status,
    ).toBe(201);

    pupil = await launchPupilBrowser([
      `MAP ${FOCUS_SITE} 127.0.0.1`,
      `MAP ${OTHER_SITE} 127.0.0.1`,
      `MAP ${GAME_SITE} 127.0.0.1`,
    ]);
    // Headless Chromium has no signed-in managed profile: the pupil's ChromeOS sign-in is stood
    // in for by the identity API's answer (outside Waymark, like the websites the origin serves).
    await pupil.worker.evaluate((email) => {
      const info = { email, id: 'pupil-0' };
      chrome.identity.getProfileUserInfo = (_details: unknown, callback?: (i: typeof info) => void) => {
        if (callback) callback(info);
        return Promise.resolve(info);
      };
    }, PUPIL);
    await configureExtension(pupil.worker, {
      serverUrl: harness.server.url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Year 7 laptop 3',
    });
    await waitFor(classIdsOnDevice, (ids) => ids[0] === set1);
    await waitFor(
      () => dynamicRuleCount(pupil.worker),
      (n) => n > 0,
    );
    expect(await visit(FOCUS_SITE)).toBe('allowed');
    expect(await visit(OTHER_SITE)).toBe('blocked');
    expect(await visit(GAME_SITE)).toBe('blocked');

    // The period boundary: 10:00. The server's clock moves; its boundary tick moves the device.
    now = new Date('2026-11-23T10:00:05Z');
    expect(await harness.server.app.services.lessonTick()).toBeGreaterThanOrEqual(1);
    await waitFor(classIdsOnDevice, (ids) => ids[0] === set4);
    await waitFor(
      () => visit(OTHER_SITE),
      (s) => s === 'allowed',
    );
    expect(await visit(GAME_SITE)).toBe('allowed');
    expect(await visit(FOCUS_SITE)).toBe('allowed');
  });

  it('the teacher’s live class shows only the pupils timetabled to it now', async () => {
    const { page } = await harness.signIn('teacher@demo.waymark.test');
    const set4 = groups.get('Set 4')!;
    await page.goto(`/classes/${set4}/live`);
    await page.getByRole('heading', { level: 1, name: 'Set 4: live' }).waitFor();
    await page.getByText('Timetabled lesson (P2) in Lab 2', { exact: false }).waitFor();
    // Set 4 (set-3) is pupils 0, 2, 4, … by the bundle: 14 of the 28, pupil 0 online.
    await expect.poll(() => page.getByTestId('pupil-tile').count()).toBe(14);
    await page.locator(`[data-pupil="${PUPIL}"]`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-timetabled');

    // Set 1's lesson was period 1: at 10:00 none of its pupils is in it.
    await page.goto(`/classes/${groups.get('Set 1')!}/live`);
    await page.getByRole('heading', { level: 1, name: 'Set 1: live' }).waitFor();
    await page.getByText('No lesson is timetabled for this group now', { exact: false }).waitFor();
    expect(await page.getByTestId('pupil-tile').count()).toBe(0);
  });
  it('a session the teacher plans ahead takes the pupil’s device in at its start and lets it go at its end (English and Welsh, axe-clean)', async () => {
    const { page } = await harness.signIn('teacher@demo.waymark.test');
    const set1 = groups.get('Set 1')!;
    const set4 = groups.get('Set 4')!;
    await page.goto(`/classes/${set1}/live`);
    await page.getByRole('heading', { level: 1, name: 'Set 1: live' }).waitFor();
    const plans = page.locator('section.scheduled-sessions');
    await page.getByText('No session is planned for this group.').waitFor();
    await plans.getByText('Plan a session', { exact: true }).click();
    await plans.getByLabel('Day', { exact: true }).fill('2026-11-23');
    // Ends before it starts: the form says so and sends nothing.
    await plans.getByLabel('Starts at', { exact: true }).fill('10:30');
    await plans.getByLabel('Ends at', { exact: true }).fill('10:15');
    await plans.getByRole('button', { name: 'Plan the session' }).click();
    await page.getByRole('alert').filter({ hasText: 'The session must end after it starts.' }).waitFor();
    // In the past by the server's clock (10:00): refused by the server.
    await plans.getByLabel('Starts at', { exact: true }).fill('09:30');
    await plans.getByRole('button', { name: 'Plan the session' }).click();
    await page.getByRole('alert').filter({ hasText: 'a session cannot start in the past' }).waitFor();
    await plans.getByLabel('Starts at', { exact: true }).fill('10:30');
    await plans.getByLabel('Ends at', { exact: true }).fill('10:45');
    await plans.getByLabel('Sites in the session', { exact: true }).selectOption('focus');
    await plans.getByLabel('Sites, one per line', { exact: true }).fill(FOCUS_SITE);
    await plans.getByRole('button', { name: 'Plan the session' }).click();
    await page.getByRole('status').filter({ hasText: 'Session planned for' }).waitFor();
    const planned = page.getByTestId('scheduled-session');
    await expect.poll(() => planned.textContent()).toContain(`10:30–10:45: focus on: ${FOCUS_SITE}`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-scheduled-session');

    // Welsh: the same list and form.
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { level: 2, name: 'Sesiynau wedi’u cynllunio ymlaen llaw' }).waitFor();
    await page.locator('details.account summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-scheduled-session-cy');
    await page.locator('details.account summary').click();
    await page.getByLabel('Iaith').selectOption('en');
    await page.locator('details.account summary').click();

    // 10:29: nothing yet. 10:30: the device joins Set 1, focused; 10:45: back to Set 4's lesson.
    now = new Date('2026-11-23T10:29:00Z');
    expect(await harness.server.app.services.lessonTick()).toBe(0);
    now = new Date('2026-11-23T10:30:00Z');
    expect(await harness.server.app.services.lessonTick()).toBeGreaterThanOrEqual(1);
    await waitFor(classIdsOnDevice, (ids) => ids[0] === set1);
    await page.getByText('A lesson a teacher started', { exact: false }).waitFor();
    await page.locator(`[data-pupil="${PUPIL}"]`).waitFor();
    now = new Date('2026-11-23T10:45:00Z');
    expect(await harness.server.app.services.lessonTick()).toBeGreaterThanOrEqual(1);
    await waitFor(classIdsOnDevice, (ids) => ids[0] === set4);
    await page.getByText('No session is planned for this group.').waitFor();

    // A second plan, cancelled by keyboard before it starts: it never takes the pupil.
    await plans.getByLabel('Starts at', { exact: true }).fill('11:00');
    await plans.getByLabel('Ends at', { exact: true }).fill('11:20');
    await plans.getByLabel('Sites in the session', { exact: true }).selectOption('none');
    await plans.getByRole('button', { name: 'Plan the session' }).click();
    const cancel = page.getByRole('button', { name: /Cancel the session .*11:00–11:20/ });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await page.getByText('No session is planned for this group.').waitFor();
    now = new Date('2026-11-23T11:05:00Z');
    await harness.server.app.services.lessonTick();
    expect(await classIdsOnDevice()).not.toEqual([set1]);
    await page.close();
  });
});
