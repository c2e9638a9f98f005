import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, EXTENSION_ID } from './paths';

/** The parts of the extension API these helpers call inside the service worker. */
declare const chrome: {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
  };
  declarativeNetRequest: { getDynamicRules(): Promise<unknown[]> };
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

export async function dynamicRuleCount(worker: Worker): Promise<number> {
  return worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length);
}

/** The dynamic rules in force, by id: the same rules give the same snapshot whatever order they were added in. */
export async function dynamicRulesSnapshot(worker: Worker): Promise<string> {
  return worker.evaluate(async () =>
    JSON.stringify(
      ((await chrome.declarativeNetRequest.getDynamicRules()) as Array<{ id: number }>).sort(
        (a, b) => a.id - b.id,
      ),
    ),
  );
}

/**
 * Waits until the extension has a policy in force and returns its version: the rules installed and
 * the fail-closed ruleset off. The applied version is written after both (extension/lib/apply-policy.ts);
 * a dynamic rule count above zero is not enough, the rules go in before fail-closed is turned off,
 * and a page visited in between stays on the block page.
 */
export async function policyInForce(worker: Worker, ms?: number): Promise<number> {
  const version = await waitFor(
    () =>
      worker.evaluate(
        async () =>
          ((await chrome.storage.local.get('appliedPolicyVersion')).appliedPolicyVersion as
            number | undefined) ?? null,
      ),
    (v) => v !== null,
    ms,
  );
  return version!;
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
