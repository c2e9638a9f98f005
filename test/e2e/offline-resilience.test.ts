import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { login, startServerProcess, type ServerProcess } from '@waymark/console-server/testing';
import {
  configureExtension,
  policyInForce,
  launchPupilBrowser,
  waitFor,
  type PupilBrowser,
} from '../support/chromium';
import { startOriginServer } from '../support/origin-server';
import { requireBuiltExtension } from '../support/paths';

let dataDir: string;
let server: ServerProcess;
let origin: Awaited<ReturnType<typeof startOriginServer>>;
let browser: PupilBrowser;

beforeAll(async () => {
  requireBuiltExtension();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-'));
  server = await startServerProcess(dataDir);
  origin = await startOriginServer();
  browser = await launchPupilBrowser(['MAP *.test 127.0.0.1']);
  await configureExtension(browser.worker, {
    serverUrl: server.url,
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    deviceName: 'Owls Chromebook 03',
  });
  await policyInForce(browser.worker);
});

afterAll(async () => {
  await browser?.close();
  await origin?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function browse(url: string) {
  const page = await browser.context.newPage();
  await page.goto(url);
  // The block page marks itself once the background has queued the report in the outbox.
  await page.locator('[data-testid=waymark-blocked][data-reported=true]').waitFor();
  await page.close();
}

it('the server down for 30 seconds and the service worker stopped: every event arrives exactly once, in order', async () => {
  await server.stop();
  const stoppedAt = Date.now();
  const urls = Array.from({ length: 6 }, (_, i) => `http://site${i}.test:${origin.port}/page`);
  for (const url of urls.slice(0, 3)) await browse(url);

  // Stop the extension's service worker mid-way (what Chrome does to idle workers).
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();

  for (const url of urls.slice(3)) await browse(url);
  expect(origin.hits('site0.test')).toBe(0);
  // Down for 30 seconds from the stop (the browsing above counts towards them).
  await new Promise((r) => setTimeout(r, Math.max(0, stoppedAt + 30_000 - Date.now())));

  server = await startServerProcess(dataDir, server.port);
  const cookie = await login(server.url, 'teacher@demo.waymark.test');
  const blocked = await waitFor(
    async () => {
      const res = await fetch(`${server.url}/api/classes/class-year2/events`, { headers: { cookie } });
      return ((await res.json()) as { events: StoredEvent[] }).events.filter((e) => e.kind === 'blocked');
    },
    (events) => events.length >= urls.length,
    30_000,
  );
  expect(blocked).toHaveLength(urls.length);
  const byArrival = [...blocked].sort(
    (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
  );
  expect(byArrival.map((e) => e.url)).toEqual(urls);
  expect(new Set(blocked.map((e) => e.id)).size).toBe(urls.length);
}, 180_000);
