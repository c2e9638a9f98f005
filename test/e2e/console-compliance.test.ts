import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, blockedEvent, connectDevice, login } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

const FREYA = 'freya.green@pupils.demo.waymark.test';
/** The school year now (it starts in September), as the review screen offers it first. */
const now = new Date();
const YEAR = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
const YEAR_LABEL = `${YEAR}–${String((YEAR + 1) % 100).padStart(2, '0')}`;

/**
 * The compliance screen and the annual review pack, in the real console: a governor reads the
 * standards with their evidence (read-only), the DSL prepares the year's pack, the head teacher and
 * the governor sign it off, and the signed pack prints and downloads; in English and Welsh, axe-clean.
 */
describe('compliance and the annual review pack', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    const url = harness.server.url;
    const freya = await connectDevice(url, { enrollmentToken: 'demo-enrol-year5', user: FREYA });
    await freya.policy;
    const ks2 = { profile: 'KS2' as const, rule: 'not on the KS2 allow-list' };
    for (const path of ['', 'casino']) {
      const sent = await freya.emitWithAck(
        'event',
        blockedEvent({ ...ks2, url: `https://www.bet365.com/${path}`, category: 'gambling' }),
      );
      expect(sent).toMatchObject({ ok: true });
    }
    freya.disconnect();
    const dsl = await login(url, 'dsl@demo.waymark.test');
    const { body: ks1 } = await apiCall(url, dsl, 'GET', '/api/policies/KS1');
    const edit = await apiCall(url, dsl, 'PUT', '/api/policies/KS1', {
      policy: { ...ks1.body, allow: [...ks1.body.allow, 'www.literacyshed.com'] },
      reason: 'Literacy Shed videos for Year 2 writing',
    });
    expect(edit.status).toBe(200);
  });
  afterAll(async () => harness?.close());

  it('a governor reads each standard with its evidence and status, and no filtering check invented', async () => {
    const { page } = await harness.signIn('governor@demo.waymark.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
    await page
      .getByRole('heading', { name: 'Compliance: filtering and monitoring standards', level: 1 })
      .waitFor();
    for (const standard of [
      'Roles and responsibilities',
      'Review at least once a year',
      'Filtering blocks harmful content',
      'Effective monitoring',
    ]) {
      await page.getByRole('heading', { name: standard, level: 2 }).waitFor();
    }
    const checks = page.getByTestId('compliance-filtering-checks');
    expect(await checks.innerText()).toContain('No filtering checks recorded.');
    expect(await checks.locator('.compliance-status').innerText()).toContain('Not met');
    const review = page.getByTestId('compliance-annual-review');
    expect(await review.innerText()).toContain('No review pack has been signed yet.');
    const recorded = page.getByTestId('compliance-blocked-attempts-recorded');
    expect(await recorded.locator('.compliance-status').innerText()).toContain('Met');
    expect(await recorded.innerText()).toMatch(
      /Every blocked attempt \(2\) has its device, IP address and time/,
    );
    // Read-only: the devices are the technician's to fix; the governor is told where, not sent.
    const devices = page.getByTestId('compliance-devices-covered');
    expect(await devices.innerText()).toContain('Fixed on the Devices screen (not open to your role)');
    expect(await devices.getByRole('link').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/Freya|freya\.green/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'compliance-governor');

    // A governor cannot prepare a pack.
    await page.getByRole('link', { name: 'Annual review packs' }).click();
    await page.getByRole('heading', { name: 'Annual review packs', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Prepare the pack' }).count()).toBe(0);
  });

  it('the DSL follows a status to the screen that fixes it, and prepares the year’s pack', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test');
    await page.goto('/compliance');
    const safeSearch = page.getByTestId('compliance-safe-search-circumvention');
    await safeSearch.getByRole('link', { name: 'Fix on the Policies screen' }).click();
    await page.waitForURL('**/policies');

    await page.goto('/compliance/review');
    await page.getByLabel('School year').selectOption(String(YEAR));
    await page
      .getByLabel('Actions planned for the gaps (optional)')
      .fill('Record a filtering check every half term.');
    await page.getByRole('button', { name: 'Prepare the pack' }).click();
    await page.getByRole('status').getByText(`The ${YEAR_LABEL} pack is prepared.`).waitFor();
    await page.getByTestId('review-pack-row').getByRole('link', { name: YEAR_LABEL }).click();
    await page
      .getByRole('heading', { name: `Annual review of filtering and monitoring, ${YEAR_LABEL}` })
      .waitFor();
    const pack = page.locator('article.pack');
    await pack.getByText('Reason: Literacy Shed videos for Year 2 writing').waitFor();
    await pack.getByText('Record a filtering check every half term.').waitFor();
    expect(await pack.innerText()).toContain('Draft: not yet signed off.');
    expect(await pack.innerText()).toContain('No filtering checks recorded.');
    expect(await page.getByTestId('pack-anchor').innerText()).toMatch(
      /^The online-safety log held \d+ entries, ending in \S+\. Keep this page: "npx waymark verify-log --since-anchor \S+"/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-pack-draft');
  });

  it('the head teacher and a governor sign it off; it is kept as signed, prints and downloads as a PDF', async () => {
    const head = (await harness.signIn('head@demo.waymark.test')).page;
    await head.goto('/compliance/review');
    await head.getByTestId('review-pack-row').getByRole('link', { name: YEAR_LABEL }).click();
    const submit = head.getByRole('button', { name: 'Sign off the pack' });
    expect(await submit.isDisabled()).toBe(true);
    await head
      .getByLabel('I have read this pack and sign it off as Senior leader for filtering and monitoring.')
      .check();
    await submit.click();
    await head.getByText('You have signed this pack. Waiting for the other signature.').waitFor();
    expect(await head.getByTestId('pack-signatures').innerText()).toMatch(/Signed by Mrs Catherine Ellis/);
    expect(await axeViolations(head)).toEqual([]);

    const { page } = await harness.signIn('governor@demo.waymark.test');
    await page.goto('/compliance/review');
    await page.getByTestId('review-pack-row').getByRole('link', { name: YEAR_LABEL }).click();
    await page.getByLabel('I have read this pack and sign it off as Governor.').check();
    await page.getByRole('button', { name: 'Sign off the pack' }).click();
    await page
      .getByText('Signed off and kept unchangeable: the content below is exactly what was signed.')
      .waitFor();
    const signatures = await page.getByTestId('pack-signatures').innerText();
    expect(signatures).toMatch(/Signed by Mrs Catherine Ellis/);
    expect(signatures).toMatch(/Signed by Dr Rhian Evans/);
    expect(await page.getByRole('button', { name: 'Sign off the pack' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-pack-signed');

    // The PDF the server makes, with the content's hash.
    const href = await page.getByRole('link', { name: 'Download the PDF' }).getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const hash = (await page.locator('.pack-hash code').innerText()).trim();
    expect(pdf.headers()['x-content-sha256']).toBe(hash);

    // On paper: the document alone.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.locator('article.pack').isVisible()).toBe(true);
    await screenshot(page, 'review-pack-print');
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/compliance');
    const review = page.getByTestId('compliance-annual-review');
    await review.getByText(/Reviewed on /).waitFor();
    expect(await review.locator('.compliance-status').innerText()).toContain('Met');
  });

  it('in Welsh: the screen and the signed pack', async () => {
    const { page } = await harness.signIn('head@demo.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.locator('details.account summary').click();
    await page.goto('/compliance');
    await page.getByRole('heading', { name: 'Cydymffurfio: safonau hidlo a monitro', level: 1 }).waitFor();
    expect(await page.getByTestId('compliance-filtering-checks').innerText()).toContain(
      'Does dim gwiriadau hidlo wedi’u cofnodi.',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, 'compliance-cy-tablet');

    await page.getByRole('link', { name: 'Pecynnau adolygu blynyddol' }).click();
    await page.getByTestId('review-pack-row').getByRole('link', { name: YEAR_LABEL }).click();
    await page
      .getByRole('heading', { name: `Adolygiad blynyddol o hidlo a monitro, ${YEAR_LABEL}` })
      .waitFor();
    await page.getByText('Wedi’i lofnodi a’i gadw’n ddigyfnewid', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Llwytho’r PDF i lawr' }).getAttribute('href')).toMatch(
      /lang=cy$/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-pack-signed-cy-tablet');
  });
});
