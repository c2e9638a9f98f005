import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

describe('the category lists and feeds panel', () => {
  let harness: ConsoleHarness;
  let feeds: http.Server;
  let feedBase: string;
  beforeAll(async () => {
    // Feeds served by the test itself: a good plain list, and an address that fails.
    feeds = http.createServer((req, res) => {
      if (req.url === '/games.txt') return void res.end('roblox.example\nminiclip.example\n# comment\n');
      res.writeHead(500).end('down');
    });
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feeds.address() as { port: number }).port}`;
    harness = await startConsoleHarness();
  });
  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => feeds?.close(resolve));
  });

  it('the technician subscribes to feeds, sees each list’s version and health, in English and Welsh', async () => {
    const { page, context } = await harness.signIn('tech@demo.waymark.test');
    await page.goto('/policies/imports');
    const panel = page.getByRole('region', { name: 'Category lists and feeds' });
    await panel.getByRole('row', { name: /Waymark starter lists/ }).waitFor();

    await panel.getByLabel('Name of the list').fill('LA games list');
    await panel.getByLabel('Address of the feed').fill(`${feedBase}/games.txt`);
    await panel.getByLabel('Format').selectOption('domains');
    await panel.getByLabel('Waymark category').selectOption('gaming');
    await panel.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await panel.getByText('Subscribed. First fetch: stored.').waitFor();
    const row = panel.getByRole('row', { name: /LA games list/ });
    await row.getByText('Up to date').waitFor();
    expect(await row.textContent()).toMatch(/Feed\s*1\s*2/);

    await panel.getByLabel('Name of the list').fill('Broken feed');
    await panel.getByLabel('Address of the feed').fill(`${feedBase}/missing.txt`);
    await panel.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await panel.getByText('Subscribed. First fetch: failed.').waitFor();
    const broken = panel.getByRole('row', { name: /Broken feed/ });
    await broken.getByText('Last fetch failed').waitFor();
    expect(await broken.textContent()).toContain('the feed answered 500');

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'policies-category-feeds');

    // The failed feed shows on device health too: devices keep the last good version meanwhile.
    await page.goto('/devices/health');
    const health = page.getByTestId('category-feed-health');
    await health.getByText(/Broken feed/).waitFor();
    expect(await health.textContent()).toContain('Last fetch failed: the feed answered 500');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'devices-health-category-feeds');
    await page.goto('/policies/imports');

    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    const cy = page.getByRole('region', { name: 'Rhestrau categorïau a ffrydiau' });
    await cy
      .getByRole('row', { name: /Broken feed/ })
      .getByText('Methodd y nôl diwethaf')
      .waitFor();
    await page.locator('details.account summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'policies-category-feeds-cy');
    await context.close();
  });
});
