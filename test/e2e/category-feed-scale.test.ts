import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, login, startServerProcess, type ServerProcess } from '@waymark/console-server/testing';
import { configureExtension, launchPupilBrowser, waitFor, type PupilBrowser } from '../support/chromium';
import { startOriginServer } from '../support/origin-server';
import { requireBuiltExtension } from '../support/paths';

declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
  };
  declarativeNetRequest: { getDynamicRules(): Promise<Array<{ condition: { requestDomains?: string[] } }>> };
};

const COUNT = 1_000_000;
const MIDDLE = `bet${COUNT / 2}.example`;
const LATER_BLOCKED = 'newbet.example';

/** A plain domain list of a million gambling domains, generated as it is served (never held whole). */
function serveList(res: http.ServerResponse, version: 1 | 2) {
  res.writeHead(200, { 'content-type': 'text/plain', etag: `"v${version}"` });
  let i = 0;
  const write = () => {
    while (i < COUNT) {
      const lines: string[] = [];
      for (let n = 0; n < 10_000 && i < COUNT; n++, i++) {
        const domain = `bet${i}.example`;
        // Version 2: the middle domain is gone, two near the end too; one new one.
        if (version === 2 && (domain === MIDDLE || i === COUNT - 1 || i === COUNT - 2)) continue;
        lines.push(domain);
      }
      if (!res.write(`${lines.join('\n')}\n`)) return void res.once('drain', write);
    }
    res.end(version === 2 ? `${LATER_BLOCKED}\n` : '');
  };
  write();
}

const HOSTS = ['MAP *.example 127.0.0.1', 'MAP research.test 127.0.0.1'];
let dataDir: string;
let server: ServerProcess;
let origin: Awaited<ReturnType<typeof startOriginServer>>;
let browser: PupilBrowser;
let feedServer: http.Server;
let feedVersion: 1 | 2 = 1;
let tech: string;
let feedId: string;
let profileDir: string;

beforeAll(async () => {
  requireBuiltExtension();
  feedServer = http.createServer((req, res) => {
    if (req.headers['if-none-match'] === `"v${feedVersion}"`) return void res.writeHead(304).end();
    serveList(res, feedVersion);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-'));
  server = await startServerProcess(dataDir);
  tech = await login(server.url, 'tech@demo.waymark.test');
  origin = await startOriginServer();
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-profile-'));
  browser = await launchPupilBrowser(HOSTS, [], profileDir);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await origin?.close();
  await server?.stop();
  await new Promise((resolve) => feedServer?.close(resolve));
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

async function loads(host: string): Promise<boolean> {
  const page = await browser.context.newPage();
  await page.goto(`http://${host}:${origin.port}/`);
  const blocked = page.url().startsWith('chrome-extension://');
  await page.close();
  return !blocked;
}

async function appliedVersion(): Promise<number | null> {
  const held = (await browser.worker.evaluate(
    async () => (await chrome.storage.local.get('categoryVersions')).categoryVersions,
  )) as Array<{ id: string; version: number; entries: number }> | undefined;
  return held?.find((s) => s.id === feedId)?.version ?? null;
}

describe('a million-domain feed, from a local server to a KS4 device in Chromium', () => {
  it('is fetched by the server, enforced before the network, and a second version arrives as a delta', async () => {
    const started = Date.now();
    const phase = (name: string) => console.log(`category-feed-scale: ${name} at ${Date.now() - started} ms`);
    const feedUrl = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}/gambling.txt`;
    const subscribed = await apiCall(server.url, tech, 'POST', '/api/category-sources', {
      name: 'Local gambling feed',
      url: feedUrl,
      format: 'domains',
      category: 'gambling',
    });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body.outcome).toMatchObject({
      outcome: 'updated',
      version: 1,
      changes: { added: COUNT },
    });
    feedId = subscribed.body.id as string;
    phase('server fetched and stored the feed');

    const token = await apiCall(server.url, tech, 'POST', '/api/devices/enrollment-tokens', {
      label: 'KS4 laptops',
      profile: 'KS4',
    });
    await configureExtension(browser.worker, { serverUrl: server.url, enrollmentToken: token.body.token });
    await waitFor(appliedVersion, (v) => v === 1, 120_000);
    phase('device enforces version 1');

    // Few rules, large requestDomains lists.
    const rules = await browser.worker.evaluate(async () =>
      (await chrome.declarativeNetRequest.getDynamicRules()).map(
        (r) => r.condition.requestDomains?.length ?? 0,
      ),
    );
    // Grouped per category and host length (a category's time window touches its own rules
    // only): the starter lists (about 500 domains in every category) add a few hundred small
    // rules beside the feed's, far below Chrome's 30,000; the million itself sits in a few dozen.
    expect(rules.length).toBeLessThan(1_000);
    expect(rules.filter((n) => n >= 1_000).length).toBeLessThanOrEqual(60);
    // Each domain is in a redirect rule (navigations) and a block rule (subresources).
    expect(rules.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2 * COUNT);

    expect(await loads('research.test')).toBe(true);
    expect(await loads(MIDDLE)).toBe(false);
    expect(origin.hits(MIDDLE)).toBe(0);

    // The block page names the category and the list (KS4).
    const page = await browser.context.newPage();
    await page.goto(`http://www.${MIDDLE}:${origin.port}/`);
    await page.getByTestId('waymark-block-list').waitFor();
    expect(await page.getByTestId('waymark-block-list').textContent()).toContain('Local gambling feed');
    await page.close();
    expect(origin.hits(`www.${MIDDLE}`)).toBe(0);

    // Version 2: a few changes. The device gets a delta, not the million again.
    feedVersion = 2;
    const refreshed = await apiCall(server.url, tech, 'POST', `/api/category-sources/${feedId}/refresh`);
    expect(refreshed.body.outcome).toMatchObject({
      outcome: 'updated',
      version: 2,
      changes: { added: 1, removed: 3 },
    });
    await waitFor(appliedVersion, (v) => v === 2, 60_000);
    expect(await loads(MIDDLE)).toBe(true);
    expect(await loads(LATER_BLOCKED)).toBe(false);
    expect(origin.hits(LATER_BLOCKED)).toBe(0);
  }, 300_000);

  // docs/architecture.md, "A start that trusts the rules in force".
  it('after a browser restart, the rules in force are checked and trusted: not read and grouped again', async () => {
    // The worker stores the data after enforcing it: let it finish before the browser stops.
    await waitFor(
      () =>
        browser.worker.evaluate(async () => {
          const held = (await chrome.storage.local.get('categoryHeld')).categoryHeld as
            Array<{ version: number }> | undefined;
          return held?.map((s) => s.version).join() ?? '';
        }),
      (v) => v.split(',').includes('2'),
      120_000,
    );
    await browser.worker.evaluate(() => chrome.storage.local.remove('startTimings'));
    await browser.close();
    browser = await launchPupilBrowser(HOSTS, [], profileDir);
    const timings = await waitFor(
      () =>
        browser.worker.evaluate(async () => (await chrome.storage.local.get('startTimings')).startTimings),
      (v) => v !== undefined,
      120_000,
    );
    console.log(`category-feed-scale: the restart's start, ${JSON.stringify(timings)}`);
    expect(timings).toMatchObject({ verified: true, resumed: true });
    expect(await loads(LATER_BLOCKED)).toBe(false);
    expect(await loads(`www.${LATER_BLOCKED}`)).toBe(false);
    expect(origin.hits(LATER_BLOCKED) + origin.hits(`www.${LATER_BLOCKED}`)).toBe(0);
    expect(await loads('research.test')).toBe(true);
  }, 300_000);
});
