import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '@waymark/shared';
import { apiCall, login, startServerProcess, type ServerProcess } from '@waymark/console-server/testing';
import { configureExtension, launchPupilBrowser, waitFor, type PupilBrowser } from '../support/chromium';
import { startOriginServer } from '../support/origin-server';
import { requireBuiltExtension } from '../support/paths';

declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, { policy?: { profile?: string } }>>;
      remove(key: string): Promise<void>;
    };
  };
};

/**
 * For each profile, a site its starter policy allows and one it blocks (all resolve to this
 * machine). Allowed sites avoid HSTS-preloaded names: Chromium would upgrade them to https.
 */
const CASES: Array<{ profile: Profile; allowed: string; blocked: string }> = [
  { profile: 'EYFS', allowed: 'www.topmarks.co.uk', blocked: 'www.roblox.com' },
  { profile: 'KS1', allowed: 'www.phonicsplay.co.uk', blocked: 'www.tiktok.com' },
  { profile: 'KS2', allowed: 'scratch.mit.edu', blocked: 'www.roblox.com' },
  { profile: 'KS3', allowed: 'homework.test', blocked: 'www.roblox.com' },
  { profile: 'KS4', allowed: 'research.test', blocked: 'www.bet365.com' },
  { profile: 'KS5', allowed: 'revision.test', blocked: 'www.pornhub.com' },
  { profile: 'staff', allowed: 'www.miniclip.com', blocked: 'www.bet365.com' },
];

let dataDir: string;
let server: ServerProcess;
let origin: Awaited<ReturnType<typeof startOriginServer>>;
let browser: PupilBrowser;
/** An enrollment token per profile, as a technician makes one for shared devices. */
const tokens = new Map<Profile, string>();

beforeAll(async () => {
  requireBuiltExtension();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-'));
  server = await startServerProcess(dataDir);
  const tech = await login(server.url, 'tech@demo.waymark.test');
  for (const { profile } of CASES) {
    const created = await apiCall(server.url, tech, 'POST', '/api/devices/enrollment-tokens', {
      label: `${profile} shared devices`,
      profile,
    });
    tokens.set(profile, created.body.token as string);
  }
  origin = await startOriginServer();
  const hosts = new Set(CASES.flatMap((c) => [c.allowed, c.blocked]));
  browser = await launchPupilBrowser([...hosts].map((h) => `MAP ${h} 127.0.0.1`));
});

afterAll(async () => {
  await browser?.close();
  await origin?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function loads(host: string): Promise<boolean> {
  const page = await browser.context.newPage();
  await page.goto(`http://${host}:${origin.port}/`);
  const blocked = page.url().startsWith('chrome-extension://');
  await page.close();
  return !blocked;
}

describe('every key stage’s starter policy, enforced in Chromium', () => {
  it.each(CASES)('$profile: $allowed loads, $blocked is blocked', async ({ profile, allowed, blocked }) => {
    // The server decides the profile from the enrollment token: the device enrolls afresh with each.
    await browser.worker.evaluate(() => chrome.storage.local.remove('deviceTokens'));
    await configureExtension(browser.worker, {
      serverUrl: server.url,
      enrollmentToken: tokens.get(profile),
    });
    await waitFor(
      () =>
        browser.worker.evaluate(
          async () => (await chrome.storage.local.get('policy')).policy?.policy?.profile,
        ),
      (p) => p === profile,
    );
    const before = origin.hits(blocked);
    expect(await loads(allowed)).toBe(true);
    expect(await loads(blocked)).toBe(false);
    expect(origin.hits(blocked)).toBe(before);
  });
});
