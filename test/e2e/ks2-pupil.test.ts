import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import {
  connectConsole,
  login,
  type ConsoleSocket,
  startServerProcess,
  type ServerProcess,
} from '@waymark/console-server/testing';
import {
  configureExtension,
  policyInForce,
  launchPupilBrowser,
  type PupilBrowser,
} from '../support/chromium';
import { startOriginServer } from '../support/origin-server';
import { requireBuiltExtension } from '../support/paths';

const SITE = 'www.miniclip.com';
const SEARCH = 'www.google.co.uk';

let dataDir: string;
let server: ServerProcess;
let origin: Awaited<ReturnType<typeof startOriginServer>>;
let browser: PupilBrowser;
let teacher: ConsoleSocket;
let cookie: string;

beforeAll(async () => {
  requireBuiltExtension();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-'));
  server = await startServerProcess(dataDir);
  origin = await startOriginServer();
  browser = await launchPupilBrowser([`MAP ${SITE} 127.0.0.1`, `MAP ${SEARCH} 127.0.0.1`]);
  cookie = await login(server.url, 'teacher@demo.waymark.test');
  teacher = await connectConsole(server.url, cookie);
  expect((await teacher.emitWithAck('watch-class', { classId: 'class-year5' })).ok).toBe(true);
  await configureExtension(browser.worker, {
    serverUrl: server.url,
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
    deviceName: 'Kestrels Chromebook 12',
  });
  await policyInForce(browser.worker);
});

afterAll(async () => {
  teacher?.disconnect();
  await browser?.close();
  await origin?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

it('a KS2 pupil asks the teacher; the teacher approves for the lesson; the page opens by itself', async () => {
  const page = await browser.context.newPage();
  const url = `http://${SITE}:${origin.port}/game-design`;
  await page.goto(url);
  await expect
    .poll(() => page.getByTestId('waymark-blocked').textContent())
    .toContain('This page is blocked');
  expect(await page.getByText('Online games').count()).toBe(1);

  const requestArrives = new Promise<StoredEvent>((resolve) => {
    teacher.on('event', (e) => e.kind === 'unblock-request' && resolve(e));
  });
  await page
    .getByLabel('Tell your teacher why you need it')
    .fill('We are designing our own games in computing');
  await page.getByRole('button', { name: 'Ask my teacher to open it' }).click();
  await expect
    .poll(() => page.getByTestId('request-status').textContent())
    .toContain('Waiting for your teacher');

  const request = await requestArrives;
  expect(request).toMatchObject({
    url,
    requestStatus: 'pending',
    className: 'Year 5 (Kestrels)',
    details: { reason: 'We are designing our own games in computing' },
  });
  expect(origin.hits(SITE)).toBe(0);

  const res = await fetch(`${server.url}/api/requests/${request.id}/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie },
    body: JSON.stringify({ decision: 'approve-lesson' }),
  });
  expect(res.status).toBe(200);

  await page.waitForURL(url, { timeout: 10_000 });
  await expect.poll(() => page.getByTestId('origin-page').textContent()).toContain(`Hello from ${SITE}`);
  expect(origin.hits(SITE)).toBeGreaterThan(0);
});

it('searches are forced to SafeSearch: the pupil cannot turn it off; the teacher sees the search', async () => {
  const searchArrives = new Promise<StoredEvent>((resolve) => {
    teacher.on('event', (e) => e.kind === 'search' && resolve(e));
  });
  const page = await browser.context.newPage();
  await page.goto(`http://${SEARCH}:${origin.port}/search?q=volcanoes&safe=off`);
  await expect.poll(() => page.getByTestId('origin-page').count()).toBe(1);
  const searches = origin.requestsTo(SEARCH).filter((r) => r.path.startsWith('/search'));
  expect(searches.map((r) => r.path)).toEqual(['/search?q=volcanoes&safe=active']);
  expect(await searchArrives).toMatchObject({
    kind: 'search',
    details: { engine: 'Google', query: 'volcanoes', blocked: false, flags: [] },
    className: 'Year 5 (Kestrels)',
  });
  await page.close();
});

it('a search the database could never store (a NUL in its words) is reported repaired, and later reports keep flowing', async () => {
  const searches: StoredEvent[] = [];
  teacher.on('event', (e) => e.kind === 'search' && searches.push(e));
  const page = await browser.context.newPage();
  await page.goto(`http://${SEARCH}:${origin.port}/search?q=poison%00ous+plants`);
  await page.goto(`http://${SEARCH}:${origin.port}/search?q=earthquakes`);
  await expect
    .poll(() => searches.map((e) => e.details.query), { timeout: 20_000 })
    .toEqual(['poison\uFFFDous plants', 'earthquakes']);
  await page.close();
});
