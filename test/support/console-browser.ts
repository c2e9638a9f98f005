import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type ApplicationOptions } from '@waymark/console-server';
import { startTestServer, type TestServer } from '@waymark/console-server/testing';
import { CHROMIUM, REPO_ROOT } from './paths';

const CONSOLE_UI_DIR = path.join(REPO_ROOT, 'console-ui/dist');

export interface ConsoleHarness {
  server: TestServer;
  browser: Browser;
  /** A fresh browser context (its own cookies) signed in as the given demo account, on the classes page. */
  signIn(email: string, options?: { viewport?: { width: number; height: number } }): Promise<StaffPage>;
  close(): Promise<void>;
}

export interface StaffPage {
  context: BrowserContext;
  page: Page;
}

/**
 * The real console: the built React app served by a real server over PGlite with the demo school,
 * and Debian's Chromium (no extension) for staff.
 */
export async function startConsoleHarness(
  options: Omit<ApplicationOptions, 'db' | 'uiDir'> = {},
): Promise<ConsoleHarness> {
  if (!fs.existsSync(path.join(CONSOLE_UI_DIR, 'index.html'))) {
    throw new Error(`the console is not built (${CONSOLE_UI_DIR}); run "npm run build" first`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}; apt-get install -y chromium`);
  const server = await startTestServer(null, { ...options, uiDir: CONSOLE_UI_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async signIn(email, { viewport = { width: 1280, height: 800 } } = {}) {
      const context = await browser.newContext({ viewport, baseURL: server.url });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /^sign in$/i }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      return { context, page };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/** Saves a screenshot for the README and for people to look at: test/screenshots/<name>.png (not committed; the README's are copied to docs/). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(REPO_ROOT, 'test/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
