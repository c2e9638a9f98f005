import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS, startScheduledJobs } from '@waymark/console-server';
import { startWebhookReceiver, type ReceivedHook } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import {
  configureExtension,
  policyInForce,
  launchPupilBrowser,
  type PupilBrowser,
} from '../support/chromium';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';
import { startOriginServer } from '../support/origin-server';
import { requireBuiltExtension } from '../support/paths';

const SEARCH = 'www.google.co.uk';
/** A KS2 pupil's misspelt self-harm search. */
const QUERY = 'how to hurt myslef';
const PUPIL = 'Pupil using Kestrels Chromebook 4';

/**
 * Alerts a person cannot miss (issue 14): a real KS2 device (Chromium with the built extension)
 * searches; the DSL's console shows a high alert; nobody acknowledges it, so it goes to the deputy
 * DSL and then the senior leader. One minute of the school's escalation time lasts a second here.
 */
describe('alerts in the console', () => {
  let harness: ConsoleHarness;
  let jobs: ReturnType<typeof startScheduledJobs>;
  let origin: Awaited<ReturnType<typeof startOriginServer>>;
  let pupil: PupilBrowser;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    requireBuiltExtension();
    receiver = await startWebhookReceiver();
    // The receiver is on this machine, over plain HTTP: allowed for loopback only, by this setting.
    harness = await startConsoleHarness({ alertMinuteMs: 1000, webhookAllowLoopbackHttp: true });
    const { services } = harness.server.app;
    jobs = startScheduledJobs({
      db: services.db,
      services,
      mailer: { configured: false, send: async () => {} },
      consoleUrl: harness.server.url,
      alertCheckEveryMs: 250,
    });
    origin = await startOriginServer();
    pupil = await launchPupilBrowser([`MAP ${SEARCH} 127.0.0.1`]);
    await configureExtension(pupil.worker, {
      serverUrl: harness.server.url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      deviceName: 'Kestrels Chromebook 4',
    });
    await policyInForce(pupil.worker);
  });
  afterAll(async () => {
    await pupil?.close();
    await origin?.close();
    await jobs?.stop();
    await harness?.close();
    await receiver?.close();
  });

  it('a KS2 pupil’s misspelt self-harm search alerts the DSL within 2 seconds, then escalates to the deputy and the senior leader', async () => {
    const dsl = (await harness.signIn('dsl@demo.waymark.test')).page;
    const nav = dsl.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Alerts' }).click();
    await dsl.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await dsl.getByText('Every alert has been acknowledged.').waitFor();
    // The short test setting: two "minutes" (two seconds here), counted at any hour.
    await dsl.getByLabel('Minutes before an unacknowledged alert goes further').fill('2');
    await dsl.getByLabel('Count at any hour (otherwise only in school hours)').check();
    await dsl.getByRole('button', { name: 'Save escalation' }).click();
    await dsl.getByText('Saved: 2 minutes, at any hour.').waitFor();
    // The school's webhook: the secret is shown once, for the receiver to check signatures with.
    await dsl.getByLabel('Receiver address (https://)').fill(receiver.url);
    await dsl.getByRole('button', { name: 'Save webhook' }).click();
    const secret = await dsl.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await axeViolations(dsl)).toEqual([]);
    await screenshot(dsl, 'alerts-empty');

    const head = (await harness.signIn('head@demo.waymark.test')).page;
    await head.getByRole('heading', { name: 'Filtering and monitoring', level: 1 }).waitFor();
    expect(await head.getByTestId('alert-banner').count()).toBe(0);

    // The pupil has been searching for schoolwork (the device is awake, its matcher ready)…
    const search = await pupil.context.newPage();
    const searchCount = async () =>
      (await harness.server.app.services.eventService.recentForClass('demo', 'class-year5')).filter(
        (e) => e.kind === 'search',
      ).length;
    await search.goto(`http://${SEARCH}:${origin.port}/search?q=volcano+facts+for+kids`);
    await expect.poll(searchCount).toBe(1);
    // …then searches, misspelling "myself".
    await search.goto(`http://${SEARCH}:${origin.port}/search?q=${encodeURIComponent(QUERY)}`);
    await search.getByTestId('origin-page').waitFor();
    const searched = Date.now();
    const row = dsl.getByTestId('alert-row').filter({ hasText: PUPIL });
    await row.waitFor();
    const latency = Date.now() - searched;
    expect(latency).toBeLessThan(2000);
    expect(await row.innerText()).toContain('Self-harm');
    expect(await row.innerText()).toContain('High');
    await dsl.getByTestId('alert-banner').getByText('1 alert needs acknowledging.').waitFor();
    await search.close();

    // Nobody acknowledges it: the deputy DSL, then the head teacher, whose console now shows it.
    await head
      .getByTestId('alert-banner')
      .getByText('1 alert needs acknowledging.')
      .waitFor({ timeout: 20_000 });
    expect(await axeViolations(head)).toEqual([]);
    await screenshot(head, 'alerts-banner-senior-leader');
    await head.getByTestId('alert-banner').getByRole('link', { name: 'See alerts' }).click();
    await head.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    const headRow = head.getByTestId('alert-row').filter({ hasText: PUPIL });
    expect(await headRow.innerText()).toContain('Senior leader');
    await headRow.getByRole('link', { name: `Open the alert about ${PUPIL}` }).click();
    await head.getByTestId('alert-with').getByText('Senior leader').waitFor();
    const history = await head.locator('.alert-summary dl').innerText();
    expect(history).toMatch(/to the Deputy DSL at .*; to the Senior leader at /);
    expect(await head.getByTestId('alert-events').innerText()).toContain(`“${QUERY}”`);
    expect(await head.getByTestId('alert-events').innerText()).toContain('Matched “hurt myself”');
    expect(await axeViolations(head)).toEqual([]);
    await screenshot(head, 'alert-detail-senior-leader');

    // The school's receiver heard it raised and escalated twice, each signed with the school's secret.
    const signed = (hook: ReceivedHook) =>
      hook.headers['x-waymark-signature'] ===
      `sha256=${createHmac('sha256', secret)
        .update(`${String(hook.headers['x-waymark-timestamp'])}.${hook.body}`)
        .digest('hex')}`;
    await expect
      .poll(() => receiver.received.map((h) => (JSON.parse(h.body) as { type: string }).type))
      .toEqual(['alert.raised', 'alert.escalated', 'alert.escalated']);
    expect(receiver.received.every(signed)).toBe(true);
    expect(
      receiver.received.map((h) => (JSON.parse(h.body) as { alert: { with: string } }).alert.with),
    ).toEqual(['dsl', 'deputy-dsl', 'senior-leader']);
    expect(receiver.received[0]!.body).not.toContain('myslef');

    // The head acknowledges it: the DSL's console shows who did, and the banners go.
    await head.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await head
      .getByTestId('alert-status')
      .getByText(/Acknowledged by Mrs Catherine Ellis/)
      .waitFor();
    await dsl.getByText('Every alert has been acknowledged.').waitFor();
    expect(await dsl.getByTestId('alert-banner').count()).toBe(0);
    await dsl.getByRole('radio', { name: 'All alerts' }).check();
    expect(await row.innerText()).toContain('Acknowledged by Mrs Catherine Ellis');
    // Every delivery is listed, delivered.
    const deliveries = dsl.getByTestId('webhook-deliveries');
    await expect.poll(async () => (await deliveries.locator('tbody tr').allInnerTexts()).length).toBe(4);
    await expect.poll(async () => (await deliveries.innerText()).match(/Delivered/g)?.length).toBe(4);
    await screenshot(dsl, 'alerts-acknowledged');
  });

  it('the DSL opens an alert: the pupil’s timeline, raise incident pre-filled, in Welsh too', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test');
    await page.goto('/alerts');
    await page.getByRole('radio', { name: 'All alerts' }).check();
    await page
      .getByTestId('alert-row')
      .filter({ hasText: PUPIL })
      .getByRole('link', { name: `Open the alert about ${PUPIL}` })
      .click();
    await page
      .getByRole('heading', { level: 1, name: `Self-harm, suicide and eating disorders: ${PUPIL}` })
      .waitFor();
    expect(await page.getByTestId('alert-timeline').innerText()).toContain(`“${QUERY}”`);
    await page.getByRole('button', { name: 'Raise incident' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Severity').waitFor();
    expect(await dialog.getByLabel('Severity').inputValue()).toBe('high');
    expect(await dialog.getByLabel('Category').inputValue()).toBe('self-harm');
    await dialog.getByRole('button', { name: 'Save incident' }).click();
    await dialog.getByText(/Incident .+ saved\./).waitFor();
    await screenshot(page, 'alert-detail-raised');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await axeViolations(page)).toEqual([]);

    // The pupil was asking about a game after all: the DSL marks the search as a false positive.
    const events = page.getByTestId('alert-events');
    await events.getByRole('button', { name: /^False positive: the event at / }).click();
    await events.getByText('Marked as a false positive').waitFor();
    expect(await page.getByTestId('alert-timeline').getByText('Marked as a false positive').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'alert-detail-false-positive');

    // "Test a search" beside "test a web address": the same matcher as check-search.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policies' }).click();
    await page.getByLabel('Whose search').selectOption('KS2');
    await page.getByLabel('Search or page title').fill(QUERY);
    await page.getByRole('button', { name: 'Test search' }).click();
    const verdict = page.getByTestId('test-search-verdict');
    await verdict.getByText('Flagged', { exact: true }).waitFor();
    expect(await verdict.innerText()).toContain('“hurt myself” (High), typed “hurt myslef”');
    await page.getByLabel('Search or page title').fill('to kill a mockingbird essay');
    await page.getByRole('button', { name: 'Test search' }).click();
    await verdict.getByText('Not flagged').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'policies-test-search');

    // The keyword screen counts the phrase's hits and false positives.
    await page.goto('/policies/imports');
    const counts = page.getByTestId('phrase-counts');
    const hurt = counts.getByRole('row').filter({ hasText: 'hurt myself' });
    await hurt.waitFor();
    expect((await hurt.innerText()).replace(/\s+/g, ' ')).toContain(
      'hurt myself Self-harm, suicide and eating disorders 1 1 100%',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'policies-phrase-counts');
    await page.goto('/alerts');

    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { level: 1, name: 'Rhybuddion' }).waitFor();
    await page.getByText('Mae pob rhybudd wedi’i gydnabod.').waitFor();
    await page.locator('details.account summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'alerts-cy');
  });
});
