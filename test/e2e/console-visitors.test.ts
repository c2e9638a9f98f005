import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDevice } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

/** Axe leaves this rule out by default; "End now" must be named starting with what it shows. */
const NAME_MATCHES_TEXT = ['label-content-name-mismatch'];

describe('the Visitor passes screen', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsoleHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the technician issues a pass, the token enrolls a device as the visitor, and "End now" ends it', async () => {
    const { page } = await harness.signIn('tech@demo.waymark.test');
    await page.getByRole('link', { name: 'Visitor passes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visitor passes' }).waitFor();
    await page.getByText('No visitor passes yet.').waitFor();
    expect(await axeViolations(page, NAME_MATCHES_TEXT)).toEqual([]);

    await page.getByLabel('Visitor’s name').fill('Dr Sarah Evans');
    await page.getByLabel('Filtering profile').selectOption('KS2');
    await page.getByLabel('Ends after').selectOption({ label: '3 hours' });
    await page.getByRole('button', { name: 'Issue pass' }).click();
    const issued = page.getByTestId('issued-pass');
    await issued.getByRole('heading', { name: /Dr Sarah Evans/ }).waitFor();
    const token = await issued.getByLabel('Enrollment token').inputValue();
    expect(token.length).toBeGreaterThan(20);

    const row = page.getByTestId('visitor-passes').getByRole('row', { name: /Dr Sarah Evans/ });
    await row.getByText('In force').waitFor();
    const endNow = row.getByRole('button', { name: 'End now: the pass for Dr Sarah Evans' });
    expect(await endNow.textContent()).toBe('End now');
    expect(await axeViolations(page, NAME_MATCHES_TEXT)).toEqual([]);
    await screenshot(page, 'visitors');

    const device = await connectDevice(harness.server.url, {
      enrollmentToken: token,
      deviceName: 'Visitor laptop',
    });
    const { visitor, policy } = await device.policy;
    expect(visitor).toMatchObject({ name: 'Dr Sarah Evans' });
    expect(policy.profile).toBe('KS2');
    const ended = new Promise<void>((resolve) => device.once('disconnect', () => resolve()));

    await endNow.click();
    await row.getByText('Ended early').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await ended;
    await expect(connectDevice(harness.server.url, { enrollmentToken: token })).rejects.toThrow();
    expect(await axeViolations(page, NAME_MATCHES_TEXT)).toEqual([]);

    // In Welsh too (a live pass, so "End now" is there to check).
    await page.getByLabel('Visitor’s name').fill('Mr Dafydd Price');
    await page.getByRole('button', { name: 'Issue pass' }).click();
    await page.getByRole('button', { name: 'End now: the pass for Mr Dafydd Price' }).waitFor();
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { level: 1, name: 'Tocynnau ymwelwyr' }).waitFor();
    await page.locator('details.account summary').click();
    await page.getByRole('button', { name: 'Dod i ben nawr: y tocyn i Mr Dafydd Price' }).waitFor();
    expect(await axeViolations(page, NAME_MATCHES_TEXT)).toEqual([]);
    await screenshot(page, 'visitors-cy');
  });

  it('the DSL writes the school’s own notice, a visitor device enrolled after it is told that text, and can go back to the standard one', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test');
    await page.getByRole('link', { name: 'Visitor passes' }).click();
    const notice = page.getByLabel('Acceptable-use notice for visitors');
    await page.getByText('Visitors’ devices show Waymark’s standard notice.', { exact: false }).waitFor();
    expect(await notice.inputValue()).toContain('recorded under your name');

    const own =
      'Croeso! This laptop belongs to the school.\n\nWhat you open is filtered and recorded under your name. Please ask at reception if you need anything.';
    await notice.fill(own);
    await page.getByRole('button', { name: 'Save notice' }).click();
    await page.getByText('Saved. Visitors’ devices enrolled from now on show this notice.').waitFor();
    await page.getByText('Visitors’ devices show the school’s own notice.').waitFor();
    expect(await axeViolations(page, NAME_MATCHES_TEXT)).toEqual([]);
    await screenshot(page, 'visitors-notice');

    await page.getByLabel('Visitor’s name').fill('Ms Catrin Morgan');
    await page.getByRole('button', { name: 'Issue pass' }).click();
    const token = await page.getByTestId('issued-pass').getByLabel('Enrollment token').inputValue();
    const device = await connectDevice(harness.server.url, { enrollmentToken: token });
    expect((await device.policy).visitor?.notice).toBe(own);
    device.disconnect();

    // Too short: the browser holds the form back (the server refuses it too: console-server's test).
    await notice.fill('Too short.');
    await page.getByRole('button', { name: 'Save notice' }).click();
    expect(await notice.evaluate((el) => (el as HTMLTextAreaElement).validity.tooShort)).toBe(true);
    await page.getByText('Visitors’ devices show the school’s own notice.').waitFor();

    await page.getByRole('button', { name: 'Use Waymark’s standard notice' }).click();
    await page.getByText('Visitors’ devices enrolled from now on show Waymark’s standard notice.').waitFor();
    await page.getByText('Visitors’ devices show Waymark’s standard notice.', { exact: false }).waitFor();
    expect(await notice.inputValue()).toContain('recorded under your name');
  });
});
