import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { apiCall, connectDevice, login } from '@waymark/console-server/testing';
import type { FilterCheckRecord } from '@waymark/shared';
import { axeViolations } from '../support/axe';
import {
  configureExtension,
  policyInForce,
  launchPupilBrowser,
  waitFor,
  type PupilBrowser,
} from '../support/chromium';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';
import { requireBuiltExtension } from '../support/paths';

/** Nothing is fetched in a check: no site needs to resolve. */
const HOSTS = ['MAP *.test 127.0.0.1'];

/** The parts of the extension API the test reads in the service worker. */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/** The policy version the extension holds (its cached policy message). */
function heldVersion(worker: Worker): Promise<number | null> {
  return worker.evaluate(async () => {
    const { policy } = (await chrome.storage.local.get('policy')) as {
      policy?: { policy?: { version?: number } } | null;
    };
    return policy?.policy?.version ?? null;
  });
}

/**
 * Keeps new policies from reaching this browser's extension while `__waymarkHoldPolicies` is set
 * (as a lost push would), counting those held back. Installed before the extension connects: it
 * wraps the `onmessage` handler every WebSocket the service worker opens is given.
 */
async function installPolicyHold(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __waymarkHoldPolicies?: boolean; __waymarkHeld?: number };
    g.__waymarkHeld = 0;
    const descriptor = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
    Object.defineProperty(WebSocket.prototype, 'onmessage', {
      ...descriptor,
      set(handler: ((event: MessageEvent) => void) | null) {
        descriptor.set!.call(
          this,
          handler &&
            ((event: MessageEvent) => {
              if (
                g.__waymarkHoldPolicies &&
                typeof event.data === 'string' &&
                event.data.startsWith('42/device,["policy"')
              ) {
                g.__waymarkHeld = (g.__waymarkHeld ?? 0) + 1;
                return;
              }
              handler(event);
            }),
        );
      },
    });
  });
}

const holdPolicies = (worker: Worker) =>
  worker.evaluate(() => {
    (globalThis as unknown as { __waymarkHoldPolicies: boolean }).__waymarkHoldPolicies = true;
  });
const heldBack = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __waymarkHeld?: number }).__waymarkHeld ?? 0);

/**
 * Three real Chromiums with the built extension in Year 2 (KS1), one of them holding a stale
 * policy, and one more device enrolled and gone offline: the technician's check from the console
 * proves what each device does, catches the stale one, and lists the offline one as not checked.
 */
describe('a filtering check on three real devices, one with a stale policy', () => {
  let harness: ConsoleHarness;
  let a: PupilBrowser;
  let b: PupilBrowser;
  let c: PupilBrowser;
  let page: Page;
  let dsl: string;
  let closedVersion = 0;
  let openedVersion = 0;

  async function editKs1(change: (allow: string[]) => string[], reason: string): Promise<number> {
    const url = harness.server.url;
    const current = await apiCall(url, dsl, 'GET', '/api/policies/KS1');
    const { body, version } = current.body as { body: { allow: string[] }; version: number };
    const res = await apiCall(url, dsl, 'PUT', '/api/policies/KS1', {
      policy: { ...body, allow: change(body.allow) },
      reason,
      expectedVersion: version,
    });
    expect(res.status).toBe(200);
    return res.body.version as number;
  }

  beforeAll(async () => {
    requireBuiltExtension();
    harness = await startConsoleHarness();
    const url = harness.server.url;
    dsl = await login(url, 'dsl@demo.waymark.test');
    [a, b, c] = await Promise.all([
      launchPupilBrowser(HOSTS),
      launchPupilBrowser(HOSTS),
      launchPupilBrowser(HOSTS),
    ]);
    await installPolicyHold(c.worker);
    for (const [pupil, name] of [
      [a, 'Owls Chromebook A'],
      [b, 'Owls Chromebook B'],
      [c, 'Owls Chromebook C'],
    ] as const) {
      await configureExtension(pupil.worker, {
        serverUrl: url,
        enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
        deviceName: name,
      });
    }
    for (const pupil of [a, b, c]) await policyInForce(pupil.worker);

    // A fourth device of the class, enrolled and then gone: offline when the check runs.
    const gone = await connectDevice(url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Owls Chromebook D',
    });
    await gone.policy;
    gone.disconnect();
    const tech = await login(url, 'tech@demo.waymark.test');
    await waitFor(
      async () =>
        (await apiCall(url, tech, 'GET', '/api/filter-checks/targets')).body.devices as Array<{
          name: string;
          online: boolean;
        }>,
      (devices) =>
        devices.filter((d) => d.name.startsWith('Owls Chromebook') && d.online).length === 3 &&
        devices.some((d) => d.name === 'Owls Chromebook D' && !d.online),
    );

    // YouTube opened on KS1 for a topic, then closed again; Chromebook C never gets the closing.
    openedVersion = await editKs1((allow) => [...allow, 'youtube.com'], 'a video topic this half-term');
    for (const pupil of [a, b, c])
      await waitFor(
        () => heldVersion(pupil.worker),
        (v) => v === openedVersion,
      );
    await holdPolicies(c.worker);
    closedVersion = await editKs1((allow) => allow.filter((h) => h !== 'youtube.com'), 'the topic is over');
    for (const pupil of [a, b])
      await waitFor(
        () => heldVersion(pupil.worker),
        (v) => v === closedVersion,
      );
    await waitFor(
      () => heldBack(c.worker),
      (n) => n >= 1,
    );
    expect(await heldVersion(c.worker)).toBe(openedVersion);

    ({ page } = await harness.signIn('tech@demo.waymark.test'));
  });

  afterAll(async () => {
    for (const pupil of [a, b, c]) await pupil?.close();
    await harness?.close();
  });

  it('the technician runs it on the class from the console: the stale device fails, the offline one is not checked', async () => {
    await page.getByRole('link', { name: 'Filtering checks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Filtering checks' }).waitFor();
    await page.getByRole('radio', { name: 'A class' }).check();
    await page.getByLabel('Class', { exact: true }).selectOption({ label: 'Year 2 (Owls) (KS1)' });
    // The technician runs checks but does not read illegal-category addresses.
    const addresses = page.getByTestId('test-addresses');
    await addresses.getByText('An illegal-category test address (the DSL sees it)').first().waitFor();
    expect(await addresses.textContent()).not.toContain('filter-test.waymark.invalid');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'filtering-checks');
    await page.getByRole('button', { name: 'Run check' }).click();
    await page.getByRole('heading', { level: 1, name: /^Check of / }).waitFor({ timeout: 30_000 });

    const devices = page.getByTestId('check-devices');
    const row = (name: string) => devices.getByRole('row').filter({ hasText: name });
    await expect.poll(() => row('Owls Chromebook A').textContent()).toContain('All passed');
    expect(await row('Owls Chromebook A').textContent()).toContain(`${closedVersion} / ${closedVersion}`);
    expect(await row('Owls Chromebook B').textContent()).toContain('All passed');
    expect(await row('Owls Chromebook C').textContent()).toContain('1 failure');
    expect(await row('Owls Chromebook C').textContent()).toContain(`${openedVersion} / ${closedVersion}`);
    expect(await row('Owls Chromebook C').textContent()).toContain('holds an older policy');
    expect(await row('Owls Chromebook D').textContent()).toContain('Offline: not checked');

    const failures = page.getByTestId('check-failures').getByRole('row');
    expect(await failures.count()).toBe(2); // the header and the one failure
    const failure = failures.nth(1);
    expect(await failure.textContent()).toContain('Owls Chromebook C');
    expect(await failure.textContent()).toContain('https://www.youtube.com/');
    expect(await failure.textContent()).toContain('Fail: allows what its policy blocks');
    expect(await failure.getAttribute('class')).toBe('checks-fail');

    // The record, as kept: each real device's own answer, rule and policy version.
    const tech = await login(harness.server.url, 'tech@demo.waymark.test');
    const [check] = (await apiCall(harness.server.url, tech, 'GET', '/api/filter-checks')).body
      .checks as FilterCheckRecord[];
    expect(check).toMatchObject({
      staffName: 'Mr Sam Patel',
      targetLabel: 'Year 2 (Owls)',
      failures: 1,
      open: true,
    });
    const byName = Object.fromEntries(check!.devices.map((d) => [d.deviceName, d]));
    expect(byName['Owls Chromebook C']).toMatchObject({
      status: 'checked',
      policyVersion: openedVersion,
      serverPolicyVersion: closedVersion,
    });
    expect(
      byName['Owls Chromebook C']!.results.find((r) => r.url === 'https://www.youtube.com/'),
    ).toMatchObject({
      verdict: 'allowed',
      expected: 'blocked',
      outcome: 'fail',
    });
    expect(byName['Owls Chromebook A']!.results.find((r) => r.category === 'illegal-csam')).toMatchObject({
      verdict: 'blocked',
      outcome: 'pass',
    });
    expect(byName['Owls Chromebook A']!.results.find((r) => r.url === 'https://www.youtube.com/')!.rule).toBe(
      'not on the KS1 allow-list',
    );
    expect(byName['Owls Chromebook D']).toMatchObject({ status: 'offline', results: [] });

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'filtering-check-result');
  });

  it('records what was done about the failure, from the keyboard, and the check is no longer open', async () => {
    await page
      .getByLabel('What was done about the failures')
      .fill('Chromebook C restarted; it took policy version ' + closedVersion + '.');
    await page.getByLabel('The failures are dealt with').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Record' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('follow-ups').getByText('Dealt with').waitFor();
    expect(await page.getByTestId('follow-ups').textContent()).toContain('Mr Sam Patel');

    await page.getByRole('link', { name: 'All checks' }).click();
    const history = page.getByTestId('check-history');
    await history.getByRole('row').nth(1).filter({ hasText: 'Dealt with' }).waitFor();
    expect(await history.getByRole('row').nth(1).textContent()).toContain('1 failure');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'filtering-checks-history');
  });

  it('the scheduled check, in school hours, on the online devices: the stale one raises an alert for the DSL', async () => {
    const { runScheduledFilterChecks } = harness.server.app.services;
    // A Monday morning in term (the schedule's clock; the devices answer from what they hold now).
    const [ran, ...others] = await runScheduledFilterChecks(new Date('2026-12-07T10:00:00Z'));
    expect(others).toEqual([]);
    const checked = Object.fromEntries(ran!.check.devices.map((d) => [d.deviceName, d.status]));
    expect(checked).toEqual({
      'Owls Chromebook A': 'checked',
      'Owls Chromebook B': 'checked',
      'Owls Chromebook C': 'checked',
    });
    expect(ran!.check).toMatchObject({ scheduled: true, failures: 1 });
    expect(ran!.raised.map((e) => [e.deviceName, e.kind, e.details.what])).toEqual([
      ['Owls Chromebook C', 'tamper', 'filter-check'],
    ]);
    await expect
      .poll(async () =>
        (
          (await apiCall(harness.server.url, dsl, 'GET', '/api/alerts')).body.alerts as Array<{
            pupilLabel: string;
          }>
        )
          .map((a) => a.pupilLabel)
          .join(),
      )
      .toContain('Owls Chromebook C');
  });

  it('a teacher has no Filtering checks link and is refused at /checks', async () => {
    const teacher = (await harness.signIn('teacher@demo.waymark.test')).page;
    const nav = teacher.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Live classes' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Filtering checks' }).count()).toBe(0);
    await teacher.goto('/checks');
    await teacher
      .getByRole('alert')
      .getByText('Filtering checks are run by the designated safeguarding lead')
      .waitFor();
    expect(await teacher.getByRole('table').count()).toBe(0);
  });

  it('works in Welsh', async () => {
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.locator('details.account summary').click();
    await page.getByRole('heading', { level: 1, name: 'Gwiriadau hidlo' }).waitFor();
    await page.getByTestId('check-history').getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Gwiriad / }).waitFor();
    expect(await page.getByTestId('check-failures').textContent()).toContain(
      'Methu: caniatáu’r hyn y mae ei pholisi’n ei rwystro',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'filtering-check-result-cy');
  });
});
