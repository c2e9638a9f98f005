import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

describe('the console sign-in and frame', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsoleHarness();
  });
  afterAll(async () => harness?.close());

  it('a teacher signs in, sees their classes, and the screens pass axe', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.server.url });
    const signInPage = await context.newPage();
    await signInPage.goto('/');
    await signInPage.getByRole('heading', { name: 'Waymark' }).waitFor();
    expect(await axeViolations(signInPage)).toEqual([]);
    await screenshot(signInPage, 'sign-in');
    await context.close();

    const { page } = await harness.signIn('teacher@demo.waymark.test');
    await page.getByRole('heading', { name: 'Your classes' }).waitFor();
    // The heading shows before the class list has loaded: wait for the list, then count.
    await page
      .getByRole('link', { name: /Year 2/ })
      .first()
      .waitFor();
    expect(await page.getByRole('link', { name: /Year 2/ }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'classes');
  });

  it('the account menu switches the console to Welsh', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test');
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('link', { name: 'Log digwyddiadau' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await axeViolations(page)).toEqual([]);
  });
});
