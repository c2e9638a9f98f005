import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeviceEventInput } from '@waymark/shared';
import {
  apiCall,
  blockedEvent,
  connectDevice,
  login,
  type DeviceClient,
} from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

const FREYA = 'freya.green@pupils.demo.waymark.test';
const OLIVER = 'oliver.thomas@pupils.demo.waymark.test';

/** The cells of a table, row by row, as a person reads them. */
async function tableRows(page: Page, name: string, part: 'tbody' | 'tfoot' | 'thead' = 'tbody') {
  const table = page.getByRole('table', { name, exact: true });
  await table.waitFor();
  return table
    .locator(`${part} tr`)
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim()),
      ),
    );
}

/** A button or link named "<label>: <title>" (the title is there for screen readers only). */
const named = (label: string, title: string) => new RegExp(`^${label}\\s*:\\s*${title}$`);

async function showTable(page: Page, title: string, label = 'Show the table') {
  await page.getByRole('button', { name: named(label, title) }).click();
  await page.getByRole('table', { name: title, exact: true }).waitFor();
}

describe('the reports screen', () => {
  let harness: ConsoleHarness;
  let pupilIdentities: string[];
  const devices: DeviceClient[] = [];

  beforeAll(async () => {
    harness = await startConsoleHarness();
    const url = harness.server.url;
    const pupils = await harness.server.app.services.db.query.pupils.findMany();
    pupilIdentities = pupils.flatMap((p) => [p.name, p.email]);

    // Real events from real device clients: a Year 2 pupil (KS1) and a Year 5 pupil (KS2).
    const oliver = await connectDevice(url, { enrollmentToken: 'demo-enrol-year2', user: OLIVER });
    const freya = await connectDevice(url, { enrollmentToken: 'demo-enrol-year5', user: FREYA });
    devices.push(oliver, freya);
    const send = async (device: DeviceClient, event: DeviceEventInput) =>
      expect(await device.emitWithAck('event', event)).toMatchObject({ ok: true });
    await send(oliver, blockedEvent({ url: 'https://www.roblox.com/games/1', category: 'gaming' }));
    await send(oliver, blockedEvent({ url: 'https://www.roblox.com/home', category: 'gaming' }));
    await send(oliver, blockedEvent({ url: 'https://games.example/play', category: null }));
    const ks2 = { profile: 'KS2' as const, rule: 'not on the KS2 allow-list' };
    for (const path of ['', 'sports', 'casino']) {
      await send(
        freya,
        blockedEvent({ ...ks2, url: `https://www.bet365.com/${path}`, category: 'gambling' }),
      );
    }
    await send(freya, blockedEvent({ ...ks2, url: 'https://www.roblox.com/', category: 'gaming' }));
    await send(freya, {
      ...blockedEvent({ profile: 'KS2' }),
      kind: 'search',
      url: 'https://www.google.co.uk/search?q=how+to+kill+myself',
      engine: 'Google',
      query: 'how to kill myself',
    } as DeviceEventInput);

    // An incident closed with an outcome that names the pupil: the governor must not see it.
    const dsl = await login(url, 'dsl@demo.waymark.test');
    const raised = await apiCall(url, dsl, 'POST', '/api/incidents', {
      subject: 'pupil',
      pupilEmail: FREYA,
      category: 'gambling',
      severity: 'medium',
      description: 'Repeated attempts to reach a betting site.',
    });
    expect(raised.status).toBe(201);
    const closed = await apiCall(url, dsl, 'POST', `/api/incidents/${raised.body.incident.id}/changes`, {
      addActions: ['inform-parents'],
      outcome: 'Spoke to Freya Green and her parents',
      status: 'closed',
    });
    expect(closed.status).toBe(200);
  });

  afterAll(async () => {
    for (const device of devices) device.disconnect();
    await harness?.close();
  });

  it('the DSL sees the charts and top sites with the right numbers, and downloads a CSV', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('figure-blocked').locator('dd').innerText()).toBe('7');
    expect(await page.getByTestId('figure-flaggedSearches').locator('dd').innerText()).toBe('1');
    expect(await page.getByTestId('figure-incidents').locator('dd').innerText()).toBe('1');

    // Three charts over time, drawn.
    for (const id of ['blocked-by-category', 'blocked-by-key-stage', 'blocked-by-class']) {
      await expect.poll(() => page.locator(`#${id} .recharts-bar-rectangle`).count()).toBeGreaterThan(0);
    }

    // Their figures, in the tables behind the charts.
    await showTable(page, 'Blocked attempts by category');
    const [categoryHead] = await tableRows(page, 'Blocked attempts by category', 'thead');
    const [categoryTotals] = await tableRows(page, 'Blocked attempts by category', 'tfoot');
    expect(Object.fromEntries(categoryHead!.map((h, i) => [h, categoryTotals![i]]))).toEqual({
      Day: 'Total',
      Gambling: '3',
      'Online games': '3',
      'Not on the allow-list / uncategorised': '1',
      Total: '7',
    });
    await showTable(page, 'Blocked attempts by key stage');
    expect((await tableRows(page, 'Blocked attempts by key stage', 'thead'))[0]).toEqual([
      'Day',
      'Key stage 2',
      'Key stage 1',
      'Total',
    ]);
    expect((await tableRows(page, 'Blocked attempts by key stage', 'tfoot'))[0]).toEqual([
      'Total',
      '4',
      '3',
      '7',
    ]);
    await showTable(page, 'Blocked attempts by class');
    expect((await tableRows(page, 'Blocked attempts by class', 'tfoot'))[0]).toEqual([
      'Total',
      '4',
      '3',
      '7',
    ]);

    expect(await tableRows(page, 'Most blocked sites, most attempts first')).toEqual([
      ['www.bet365.com', 'Gambling', '3'],
      ['www.roblox.com', 'Online games', '3'],
      ['games.example', 'Not on the allow-list / uncategorised', '1'],
    ]);
    await showTable(page, 'Flagged searches by category');
    expect(await tableRows(page, 'Flagged searches by category')).toEqual([
      ['Self-harm, suicide and eating disorders', '1'],
    ]);
    expect(await tableRows(page, 'Incidents by outcome')).toEqual([
      ['Spoke to Freya Green and her parents', '1'],
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: named('Download CSV', 'The 20 most blocked sites') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^waymark-top-blocked-sites-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/,
    );
    const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    expect(csv.trimEnd().split('\r\n')).toEqual([
      'Site,Category,Blocked attempts',
      'www.bet365.com,Gambling,3',
      'www.roblox.com,Online games,3',
      'games.example,Not on the allow-list / uncategorised,1',
    ]);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports');

    // Another period: yesterday alone had nothing.
    await page.getByRole('radio', { name: 'Choose dates' }).click();
    // Yesterday where the school is (Europe/London), not in this machine's time zone: ahead of
    // London (Berlin, say) just after local midnight, the machine's yesterday is the school's today.
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(Date.now() - 86_400_000));
    await page.getByLabel('From', { exact: true }).fill(day);
    await page.getByLabel('Until', { exact: true }).fill(day);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => page.getByTestId('figure-blocked').locator('dd').innerText()).toBe('0');
    expect(page.url()).toContain(`period=custom&from=${day}&until=${day}`);
    await page.getByRole('radio', { name: 'This week' }).click();
    await expect.poll(() => page.getByTestId('figure-blocked').locator('dd').innerText()).toBe('7');
  });

  it('the DSL drills down from a chart to the pupils behind it and to one pupil', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test');
    await page.goto('/reports');
    const card = page.locator('#blocked-by-category');
    await card.getByText('The pupils behind these figures').click();
    await card.getByRole('link', { name: 'Gambling (3)' }).click();
    await page.getByRole('heading', { name: 'Pupils', level: 2 }).waitFor();
    await page.getByText('Filter: Category: Gambling.').waitFor();
    expect(await tableRows(page, 'Pupils in the period')).toEqual([
      ['Freya Green', 'Year 5 (Kestrels)', '3', '0', '0'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports-pupils');

    await page.getByRole('link', { name: 'Freya Green' }).click();
    await page.getByRole('heading', { name: 'Freya Green', level: 2 }).waitFor();
    const events = page.getByRole('table', { name: 'Freya Green: what happened, newest first' });
    await expect.poll(() => events.locator('tbody tr:not([aria-hidden])').count()).toBe(5);
    expect(await events.innerText()).toContain('how to kill myself');
    await page.getByText(/INC-\d{4}-\d{4}/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports-pupil');
  });

  it('a governor sees the same reports, but no pupil is named anywhere on the page', async () => {
    const { page } = await harness.signIn('governor@demo.waymark.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await expect.poll(() => page.getByTestId('figure-blocked').locator('dd').innerText()).toBe('7');
    expect(await page.getByRole('navigation', { name: 'Reports' }).getByRole('link').allInnerTexts()).toEqual(
      ['Overview', 'Weekly digest'],
    );
    for (const title of [
      'Blocked attempts by category',
      'Blocked attempts by key stage',
      'Blocked attempts by class',
      'Flagged searches by category',
      'Incidents by category',
      'Incidents by action taken',
      'Incidents by status',
    ]) {
      await showTable(page, title);
    }
    expect(await tableRows(page, 'Most blocked sites, most attempts first')).toHaveLength(3);
    await page.getByText('so only the designated safeguarding lead sees them').waitFor();
    expect(await page.locator('.report-drill').count()).toBe(0);
    const text = await page.locator('body').innerText();
    for (const identity of pupilIdentities) expect(text).not.toContain(identity);
    expect(text).not.toContain('Spoke to');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports-governor');

    // The pupils report is not theirs, whatever the address says.
    await page.goto('/reports/pupils');
    await page.getByText('Only the designated safeguarding lead sees reports that name pupils.').waitFor();

    // The weekly digest, as e-mailed, in the console.
    await page.goto('/reports');
    await page.getByRole('link', { name: 'Weekly digest' }).click();
    await page.getByRole('button', { name: 'Next week' }).click();
    const frame = page.frameLocator('iframe.report-digest-frame');
    await frame.getByRole('heading', { name: /Online safety this week/ }).waitFor();
    expect(await frame.locator('body').innerText()).toContain('www.bet365.com');
    const digestText = await frame.locator('body').innerText();
    for (const identity of pupilIdentities) expect(digestText).not.toContain(identity);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports-digest');
    const src = await page.locator('iframe.report-digest-frame').getAttribute('src');
    await page.goto(src!);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the weekly check: the technician reports a line of the digest, and the head teacher reads it', async () => {
    // The digest's week in the school's dates; the e-mailed link points at a line (0: the alerts).
    const now = new Date();
    const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const week = monday.toISOString().slice(0, 10);
    const tech = (await harness.signIn('tech@demo.waymark.test')).page;
    await tech.goto(`/reports/digest?week=${week}&concern=0`);
    const line = tech.getByLabel('The line of the digest');
    const gamblingOption = tech.locator('#concern-line option', { hasText: 'Gambling' });
    await gamblingOption.waitFor({ state: 'attached' });
    expect(await line.inputValue()).toMatch(/^Alerts: \d+$/);
    const gambling = await gamblingOption.textContent();
    expect(gambling).toMatch(/^Blocked attempts by category – Gambling: \d+$/);
    await line.selectOption({ label: gambling! });
    await tech.getByLabel('What worries you (optional)').fill('Gambling sites again from Year 5.');
    await tech.getByRole('button', { name: 'Report to the head teacher' }).click();
    await tech.getByTestId('concern-sent').getByText('Reported to Mrs Catherine Ellis.').waitFor();
    await tech.getByTestId('concern-list').getByText(gambling!).waitFor();
    expect(await axeViolations(tech)).toEqual([]);
    await screenshot(tech, 'reports-weekly-check');

    const head = (await harness.signIn('head@demo.waymark.test')).page;
    await head.goto('/reports');
    await head
      .getByRole('navigation', { name: 'Reports' })
      .getByRole('link', { name: 'Concerns reported' })
      .click();
    const reported = head.getByTestId('concern-list').locator('li').first();
    await reported.getByText(gambling!).waitFor();
    expect(await reported.innerText()).toContain('Gambling sites again from Year 5.');
    expect(await reported.innerText()).toMatch(/Reported by .+ to Mrs Catherine Ellis/);
    // The head teacher is told; the form is for those who do the check.
    await head.goto(`/reports/digest?week=${week}`);
    await head.getByRole('heading', { name: 'Concerns reported from this week’s digest' }).waitFor();
    expect(await head.getByRole('button', { name: 'Report to the head teacher' }).count()).toBe(0);
    expect(await axeViolations(head)).toEqual([]);
    await screenshot(head, 'reports-concerns');
  });

  it('prints on A4: no navigation, every chart and table within the page', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test', {
      viewport: { width: 794, height: 1123 },
    });
    await page.goto('/reports?period=this-week');
    await expect.poll(() => page.getByTestId('figure-blocked').locator('dd').innerText()).toBe('7');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Reports' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(
      await page.getByRole('table', { name: 'Blocked attempts by category', exact: true }).isVisible(),
    ).toBe(true);
    expect(await page.getByText('Waymark Demo Primary School ·').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.report-card, .report-chart svg, .report-table')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => el.className);
    });
    expect(overflow).toEqual([]);
    await screenshot(page, 'reports-print');
  });

  it('reads in Welsh', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.locator('details.account summary').click();
    await page.getByRole('link', { name: 'Adroddiadau' }).click();
    await page.getByRole('heading', { name: 'Adroddiadau', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('figure-blocked').locator('dd').innerText()).toBe('7');
    await showTable(page, 'Ymdrechion wedi’u rhwystro fesul categori', 'Dangos y tabl');
    expect((await tableRows(page, 'Ymdrechion wedi’u rhwystro fesul categori', 'thead'))[0]).toContain(
      'Gamblo',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports-cy');
  });
});
