import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import {
  connectConsole,
  login,
  nextEvent,
  type ConsoleSocket,
  startServerProcess,
  type ServerProcess,
} from '@waymark/console-server/testing';
import {
  configureExtension,
  policyInForce,
  dynamicRulesSnapshot,
  launchPupilBrowser,
  waitFor,
  type PupilBrowser,
} from '../support/chromium';
import { startOriginServer } from '../support/origin-server';
import { EXTENSION_DIR, requireBuiltExtension } from '../support/paths';

// On the KS1 starter allow-list, and a known gaming site that is not: both resolve to this machine.
const ALLOWED_HOST = 'www.topmarks.co.uk';
const BLOCKED_HOST = 'www.miniclip.com';
// A resource the seed school's KS1 pupils sign in to, and a sign-in host ("Log in with Google"):
// both on the KS1 starter list (learning-resources.ts). accounts.google.com itself is HSTS-preloaded,
// so Chromium would not load a plain-HTTP stand-in for it; Google's UK session host is not.
const RESOURCE_HOST = 'play.ttrockstars.com';
const SIGN_IN_HOST = 'accounts.google.co.uk';

let dataDir: string;
let server: ServerProcess;
let origin: Awaited<ReturnType<typeof startOriginServer>>;
let browser: PupilBrowser;
let teacher: ConsoleSocket;
let blockedEventId = '';

beforeAll(async () => {
  requireBuiltExtension();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-'));
  server = await startServerProcess(dataDir);
  origin = await startOriginServer();
  browser = await launchPupilBrowser([
    `MAP ${ALLOWED_HOST} 127.0.0.1`,
    `MAP ${BLOCKED_HOST} 127.0.0.1`,
    `MAP ${RESOURCE_HOST} 127.0.0.1`,
    `MAP ${SIGN_IN_HOST} 127.0.0.1`,
    'MAP *.test 127.0.0.1',
  ]);
  teacher = await connectConsole(server.url, await login(server.url, 'teacher@demo.waymark.test'));
  expect((await teacher.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
});

afterAll(async () => {
  teacher?.disconnect();
  await browser?.close();
  await origin?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a pupil’s blocked click reaches the teacher’s screen', () => {
  it('blocks everything before the first policy (fail-closed static rules)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://${ALLOWED_HOST}:${origin.port}/before-policy`);
    expect(page.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/blocked\.html/);
    expect(origin.hits(ALLOWED_HOST)).toBe(0);
    await page.close();
  });

  it('is a production build with no demo server or token of its own (only `npm start`’s build has them)', () => {
    const built = fs.readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' });
    for (const file of built.filter((f) => /\.(js|json|html)$/.test(f))) {
      const text = fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
      expect(text, file).not.toContain(DEMO_ENROLLMENT_TOKENS.year2);
      expect(text, file).not.toContain('localhost:8080');
    }
  });

  it('enrolls, installs the KS1 policy as DNR rules, and enforces it', async () => {
    await configureExtension(browser.worker, {
      serverUrl: server.url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Owls Chromebook 07',
    });
    await policyInForce(browser.worker);

    const page = await browser.context.newPage();
    await page.goto(`http://${ALLOWED_HOST}:${origin.port}/maths`);
    await expect
      .poll(() => page.getByTestId('origin-page').textContent())
      .toContain(`Hello from ${ALLOWED_HOST}`);
    expect(origin.hits(ALLOWED_HOST)).toBeGreaterThan(0);

    const arriving = nextEvent<StoredEvent>(teacher, 2_000);
    const blockedUrl = `http://${BLOCKED_HOST}:${origin.port}/games?level=2`;
    await page.goto(blockedUrl);
    expect(page.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/blocked\.html#/);
    // The KS1 page: a picture and a few words, no address.
    await expect
      .poll(() => page.getByTestId('waymark-blocked').textContent())
      .toContain('This page is not for you.');
    expect(await page.getByText('Tell your teacher or a grown-up.').count()).toBe(1);
    expect(await page.getByTestId('waymark-blocked').textContent()).not.toContain(BLOCKED_HOST);
    expect(origin.hits(BLOCKED_HOST)).toBe(0);

    // Within 2 seconds of the click, with the DfE monitoring fields.
    const event = await arriving;
    expect(event).toMatchObject({
      kind: 'blocked',
      url: blockedUrl,
      category: 'gaming',
      rule: 'not on the KS1 allow-list',
      profile: 'KS1',
      deviceName: 'Owls Chromebook 07',
      classId: 'class-year2',
      className: 'Year 2 (Owls)',
      ip: '127.0.0.1',
      schoolId: 'demo',
    });
    expect(event.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(event.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    // No signed-in managed profile in this browser: the device stands for the pupil
    // (docs/architecture.md, "Events").
    expect(event.user).toBeNull();
    await page.close();
    blockedEventId = event.id;
  });

  it('a KS1 pupil reaches a named resource and its sign-in page (local stand-ins)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://${RESOURCE_HOST}:${origin.port}/auth/school/student`);
    await page.getByTestId('origin-page').filter({ hasText: RESOURCE_HOST }).waitFor();
    await page.goto(`http://${SIGN_IN_HOST}:${origin.port}/accounts/SetSID?continue=ttrockstars`);
    await page.getByTestId('origin-page').filter({ hasText: SIGN_IN_HOST }).waitFor();
    expect(origin.hits(RESOURCE_HOST)).toBeGreaterThan(0);
    expect(origin.hits(SIGN_IN_HOST)).toBeGreaterThan(0);
    await page.close();
  });

  it('a teacher opens a site for the lesson: the device allows it at once, and blocks it again when ended', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    const site = `http://${BLOCKED_HOST}:${origin.port}/lesson`;
    const call = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { override: { id: string } } }));
    const rulesBefore = await dynamicRulesSnapshot(browser.worker);
    const started = await call('/api/classes/class-year2/overrides', {
      kind: 'open',
      sites: [BLOCKED_HOST],
      minutes: 30,
    });
    expect(started.status).toBe(201);
    await waitFor(
      () => dynamicRulesSnapshot(browser.worker),
      (rules) => rules !== rulesBefore,
    );
    const page = await browser.context.newPage();
    await page.goto(site);
    await expect.poll(() => page.getByTestId('origin-page').count()).toBe(1);

    const ended = await call(`/api/classes/class-year2/overrides/${started.body.override.id}/end`, {});
    expect(ended.status).toBe(200);
    await waitFor(
      () => dynamicRulesSnapshot(browser.worker),
      (rules) => rules === rulesBefore,
    );
    await page.goto(site);
    expect(page.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/blocked\.html#/);
    await page.close();
  });

  it('keeps the event across a server restart', async () => {
    teacher.disconnect();
    await server.stop();
    server = await startServerProcess(dataDir);
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    const res = await fetch(`${server.url}/api/classes/class-year2/events`, { headers: { cookie } });
    const { events } = (await res.json()) as { events: StoredEvent[] };
    expect(events.find((e) => e.id === blockedEventId)).toMatchObject({
      kind: 'blocked',
      category: 'gaming',
    });
    teacher = await connectConsole(server.url, cookie);
  });
});
