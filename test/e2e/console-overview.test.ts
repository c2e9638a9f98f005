import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceEventInput } from '@waymark/shared';
import { apiCall, blockedEvent, connectDevice, login } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

const FREYA = 'freya.green@pupils.demo.waymark.test';

/** Noon (UTC) on the Wednesday of last week: inside the overview's "last week" wherever the clock is. */
function lastWednesday(): string {
  const now = new Date();
  const monday =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
    ((now.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - 5 * 86_400_000 + 12 * 3_600_000).toISOString();
}

/**
 * The senior leader's first screen: the head teacher signs in and lands on the filtering and
 * monitoring overview, with last week's figures and the latest change to filtering, and no pupil
 * named anywhere on it; in Welsh on a tablet too.
 */
describe('the overview, the senior leader’s first screen', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    const url = harness.server.url;
    // Last week, a Year 5 pupil (sent later by an outbox: devices report when they were offline).
    const freya = await connectDevice(url, { enrollmentToken: 'demo-enrol-year5', user: FREYA });
    const at = lastWednesday();
    const ks2 = { profile: 'KS2' as const, rule: 'not on the KS2 allow-list', occurredAt: at };
    for (const path of ['', 'casino']) {
      const sent = await freya.emitWithAck(
        'event',
        blockedEvent({ ...ks2, url: `https://www.bet365.com/${path}`, category: 'gambling' }),
      );
      expect(sent).toMatchObject({ ok: true });
    }
    const search = await freya.emitWithAck('event', {
      ...blockedEvent(ks2),
      kind: 'search',
      url: 'https://www.google.co.uk/search?q=how+to+kill+myself',
      engine: 'Google',
      query: 'how to kill myself',
    } as DeviceEventInput);
    expect(search).toMatchObject({ ok: true });
    freya.disconnect();

    // The DSL changes the KS1 allow-list, with a reason.
    const dsl = await login(url, 'dsl@demo.waymark.test');
    const { body: ks1 } = await apiCall(url, dsl, 'GET', '/api/policies/KS1');
    const edit = await apiCall(url, dsl, 'PUT', '/api/policies/KS1', {
      policy: { ...ks1.body, allow: [...ks1.body.allow, 'www.literacyshed.com'] },
      reason: 'Literacy Shed videos for Year 2 writing',
    });
    expect(edit.status).toBe(200);
  });
  afterAll(async () => harness?.close());

  it('the head teacher lands on it: last week’s figures, the latest change, no pupil names', async () => {
    const { page } = await harness.signIn('head@demo.waymark.test');
    await page.getByRole('heading', { name: 'Filtering and monitoring', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/overview');
    await expect.poll(() => page.getByTestId('overview-blocked').locator('dd').innerText()).toBe('2');
    expect(await page.getByTestId('overview-flaggedSearches').locator('dd').innerText()).toBe('1');
    const changes = page.getByRole('region', { name: 'Latest changes to filtering' });
    await changes.getByText('Literacy Shed videos for Year 2 writing').waitFor();
    await changes.getByText('changed by Mrs Helen Jones').waitFor();

    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Freya|freya\.green/);
    expect(await page.locator('details.account').textContent()).toContain(
      'Senior leader for filtering and monitoring',
    );
    // Reports and the change-control log are in the navigation; classes, policies' editor and devices are not.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Overview',
      'Policies',
      'Reports',
      'Compliance',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overview-senior-leader');

    // The reports the head reads hold no pupil names either, and no pupils report is offered.
    await nav.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Pupils' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('link', { name: 'The whole change-control log' }).click();
    await page.getByTestId('change-log').waitFor();
  });

  it('in Welsh, on a tablet', async () => {
    const { page } = await harness.signIn('head@demo.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { name: 'Hidlo a monitro', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Y newidiadau diweddaraf i’r hidlo' }).waitFor();
    await page.getByText('Uwch arweinydd ar gyfer hidlo a monitro').waitFor();
    await page.locator('details.account summary').click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, 'overview-senior-leader-cy-tablet');
  });
});
