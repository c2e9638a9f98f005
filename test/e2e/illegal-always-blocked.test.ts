import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { apiCall, login, startServerProcess, type ServerProcess } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import {
  configureExtension,
  dynamicRulesSnapshot,
  launchPupilBrowser,
  waitFor,
  type PupilBrowser,
} from '../support/chromium';
import { startOriginServer } from '../support/origin-server';
import { REPO_ROOT, requireBuiltExtension } from '../support/paths';

/**
 * docs/architecture.md, "Illegal content is always blocked", on a real Chromium with the real
 * built extension: a lesson override and an allow-list entry made before the school's illegal
 * list named the site still end on the calm illegal block page, and the site receives nothing.
 */

declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, Array<{ packed?: Record<string, string> }> | undefined>>;
    };
  };
};

const SHOTS = path.join(REPO_ROOT, 'test-results', 'illegal-always-blocked');
const OVERRIDDEN = 'opened-for-lesson.test';
const ALLOWED = 'on-allow-list.test';
/** Controls: opened by the same override and allow-list, never listed; they must load. */
const OVERRIDE_CONTROL = 'lesson-fine.test';
const ALLOW_CONTROL = 'allow-fine.test';

let dataDir: string;
let server: ServerProcess;
let origin: Awaited<ReturnType<typeof startOriginServer>>;
let browser: PupilBrowser;

beforeAll(async () => {
  requireBuiltExtension();
  fs.mkdirSync(SHOTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-'));
  server = await startServerProcess(dataDir);
  origin = await startOriginServer();
  browser = await launchPupilBrowser(
    [OVERRIDDEN, ALLOWED, OVERRIDE_CONTROL, ALLOW_CONTROL].map((h) => `MAP ${h} 127.0.0.1`),
  );

  // The allow-list entry and the override come first: the server refuses them once listed.
  const tech = await login(server.url, 'tech@demo.waymark.test');
  const { body: ks2 } = await apiCall(server.url, tech, 'GET', '/api/policies/KS2');
  const { categoryLists: _lists, ...edited } = ks2.body;
  const saved = await apiCall(server.url, tech, 'PUT', '/api/policies/KS2', {
    policy: { ...edited, allow: [...edited.allow, ALLOWED, ALLOW_CONTROL] },
    reason: 'sites for the Year 5 topic',
    expectedVersion: ks2.version,
  });
  expect(saved.status).toBe(200);
  const teacher = await login(server.url, 'teacher@demo.waymark.test');
  const opened = await apiCall(server.url, teacher, 'POST', '/api/classes/class-year5/overrides', {
    kind: 'open',
    sites: [OVERRIDDEN, OVERRIDE_CONTROL],
  });
  expect(opened.status).toBe(201);
  const imported = await apiCall(server.url, tech, 'POST', '/api/policies/category-lists/import', {
    format: 'domains',
    category: 'illegal-csam',
    content: `${OVERRIDDEN}\n${ALLOWED}`,
    reason: 'the network filter provider’s list, updated',
  });
  expect(imported.status).toBe(200);

  await configureExtension(browser.worker, {
    serverUrl: server.url,
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
  });
  // The lists reach the device as category data (the store's), not in the policy.
  await waitFor(
    () =>
      browser.worker.evaluate(async () =>
        ((await chrome.storage.local.get('categoryHeld')).categoryHeld ?? []).flatMap(
          (source) => source.packed?.['illegal-csam']?.split('\n') ?? [],
        ),
      ),
    (list) => list.includes('opened-for-lesson.test'),
  );
  // Held is not yet in force: the pages are visited once the rules name all four hosts and the
  // fail-closed ruleset is off (the applied version is written after both).
  await waitFor(
    async () => ({
      rules: await dynamicRulesSnapshot(browser.worker),
      applied: await browser.worker.evaluate(
        async () => (await chrome.storage.local.get('appliedPolicyVersion')).appliedPolicyVersion,
      ),
    }),
    ({ rules, applied }) =>
      applied != null &&
      [OVERRIDDEN, ALLOWED, OVERRIDE_CONTROL, ALLOW_CONTROL].every((host) => rules.includes(host)),
  );
});

afterAll(async () => {
  await browser?.close();
  await origin?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function visit(host: string) {
  const page = await browser.context.newPage();
  await page.goto(`http://${host}:${origin.port}/page`);
  return page;
}

describe('an illegal-list host, opened by the lesson or the allow-list', () => {
  it('the controls the same override and allow-list open do load', async () => {
    for (const host of [OVERRIDE_CONTROL, ALLOW_CONTROL]) {
      const page = await visit(host);
      await page.getByTestId('origin-page').waitFor();
      await page.close();
    }
  });

  it.each([
    ['a lesson override', OVERRIDDEN],
    ['an allow-list entry', ALLOWED],
  ])('%s: the calm illegal block page, and no request reaches the host', async (name, host) => {
    const page = await visit(host);
    await page.getByTestId('waymark-blocked').waitFor();
    expect(page.url()).toMatch(/^chrome-extension:\/\//);
    const text = (await page.getByTestId('waymark-blocked').textContent()) ?? '';
    expect(text).toContain('You have not done anything wrong');
    expect(text).not.toContain(host);
    expect(text).not.toMatch(/illegal|abuse/i);
    expect(await page.getByRole('button', { name: /Ask my teacher|Request access/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `${name.replace(/ /g, '-')}.png`), fullPage: true });
    await page.close();
    expect(origin.hits(host)).toBe(0);
  });

  it('an allowed page cannot pull the host in by image, fetch or frame', async () => {
    origin.page(
      '/pulls',
      `<!doctype html><title>pulls</title><h1 data-testid="origin-page">pulls</h1>
       <img src="http://${OVERRIDDEN}:${origin.port}/img.png" alt="">
       <iframe title="frame" src="http://${ALLOWED}:${origin.port}/frame"></iframe>
       <script>fetch('http://${ALLOWED}:${origin.port}/data').catch(() => {}).finally(() => {
         document.body.insertAdjacentHTML('beforeend', '<p data-testid="fetched">done</p>');
       });</script>`,
    );
    const page = await browser.context.newPage();
    await page.goto(`http://${ALLOW_CONTROL}:${origin.port}/pulls`);
    await page.getByTestId('fetched').waitFor();
    // The frame goes to the block page (a redirect, so the host is never asked).
    await expect
      .poll(() => page.frames().filter((f) => f.url().startsWith('chrome-extension://')).length)
      .toBe(1);
    await page.close();
    expect(origin.hits(OVERRIDDEN)).toBe(0);
    expect(origin.hits(ALLOWED)).toBe(0);
  });
});
