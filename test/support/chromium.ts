import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, EXTENSION_ID } from './paths';

/** The parts of the extension API these helpers call inside the service worker. */
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  declarativeNetRequest: { getDynamicRules(): Promise<unknown[]>; getSessionRules(): Promise<unknown[]> };
};

export interface PupilBrowser {
  context: BrowserContext;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, as docs/architecture.md lists. Host names
 * the tests use resolve to this machine only.
 */
export async function launchPupilBrowser(
  hostRules: string[],
  extraArgs: string[] = [],
  /** A profile to start again (kept when closed): a browser restart with what it holds. */
  profileDir?: string,
): Promise<PupilBrowser> {
  const userDataDir = profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      `--host-resolver-rules=${hostRules.join(', ')}`,
      ...extraArgs,
    ],
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(EXTENSION_ID) }));
  return {
    context,
    worker,
    async close() {
      await context.close();
      if (!profileDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Points the extension at a server, as managed configuration would (a local override, for tests). */
export async function configureExtension(worker: Worker, config: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (value) => {
    await chrome.storage.local.set({ configOverride: value });
  }, config);
}

interface InstalledRule {
  id: number;
  action: { type: string };
  condition: { requestDomains?: string[] };
}

/**
 * The extension's rules in force, by id: the dynamic rules (the policy's) and the session rules
 * (category groups, the allow that overrules the fail-closed static ruleset, mirror passes). None
 * while that allow is missing: the static ruleset then blocks every page, whatever else is there
 * (docs/architecture.md, "Session rules for the category data").
 */
export async function rulesInForce(worker: Worker): Promise<InstalledRule[]> {
  return worker.evaluate(async () => {
    const dnr = chrome.declarativeNetRequest;
    const [dynamic, session] = (await Promise.all([dnr.getDynamicRules(), dnr.getSessionRules()])) as [
      InstalledRule[],
      InstalledRule[],
    ];
    if (!session.some((r) => r.id === 1 && r.action.type === 'allow')) return [];
    return [...dynamic, ...session].sort((a, b) => a.id - b.id);
  });
}

export async function ruleCountInForce(worker: Worker): Promise<number> {
  return (await rulesInForce(worker)).length;
}

/** The rules in force: the same rules give the same snapshot whatever order they were added in. */
export async function rulesInForceSnapshot(worker: Worker): Promise<string> {
  return JSON.stringify(await rulesInForce(worker));
}

export async function waitFor<T>(fn: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${ms} ms; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
