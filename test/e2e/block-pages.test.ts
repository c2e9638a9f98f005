import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicySchema, type PolicyMessage, type Profile } from '@waymark/shared';
import { starterPolicy } from '@waymark/console-server';
import { axeViolations } from '../support/axe';
import { configureExtension, launchPupilBrowser, type PupilBrowser } from '../support/chromium';
import { EXTENSION_ID, REPO_ROOT, requireBuiltExtension } from '../support/paths';

/** Screenshots land here for a person to look at (not committed). */
const SHOTS = path.join(REPO_ROOT, 'test-results', 'block-pages');

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

let browser: PupilBrowser;

beforeAll(async () => {
  requireBuiltExtension();
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchPupilBrowser([]);
});
afterAll(() => browser?.close());

function message(profile: Profile, className: string): PolicyMessage {
  return {
    policy: PolicySchema.parse({
      ...starterPolicy(profile, 'Europe/London'),
      version: 4,
      alwaysAllowed: [],
      overrides: [],
    }),
    classIds: ['c'],
    className,
    schoolName: 'Ysgol Gynradd Waymark',
    keywords: {},
    country: 'england',
    locale: 'en',
    visitor: null,
  };
}

/** Shows the block page for a URL as a device with this cached policy and locale would. */
async function blockPage(profile: Profile, className: string, locale: 'en' | 'cy', url: string) {
  // A server that is never there: the page works from the cached policy, as it must offline.
  await configureExtension(browser.worker, {
    serverUrl: 'http://127.0.0.1:9',
    enrollmentToken: 'none',
    locale,
  });
  await browser.worker.evaluate(
    async (m) => chrome.storage.local.set({ policy: m }),
    message(profile, className),
  );
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(`chrome-extension://${EXTENSION_ID}/blocked.html#${url}`);
  await page.getByTestId('waymark-blocked').waitFor();
  return page;
}

const variants = [
  {
    name: 'reception-en',
    profile: 'EYFS',
    cls: 'Reception (Robins)',
    locale: 'en',
    url: 'https://www.roblox.com/',
  },
  { name: 'year2-cy', profile: 'KS1', cls: 'Blwyddyn 2', locale: 'cy', url: 'https://www.roblox.com/' },
  {
    name: 'year5-en',
    profile: 'KS2',
    cls: 'Year 5 (Kestrels)',
    locale: 'en',
    url: 'https://www.roblox.com/games',
  },
  { name: 'year5-cy', profile: 'KS2', cls: 'Blwyddyn 5', locale: 'cy', url: 'https://www.roblox.com/games' },
  { name: 'year10-en', profile: 'KS4', cls: 'Year 10', locale: 'en', url: 'https://www.bet365.com/' },
  {
    name: 'year10-cy',
    profile: 'KS4',
    cls: 'Blwyddyn 10',
    locale: 'cy',
    url: 'https://www.tiktok.com/@someone',
  },
] as const;

describe('block pages, by age and language', () => {
  it.each(variants)('$name reads right and has no accessibility violations', async (v) => {
    const page = await blockPage(v.profile, v.cls, v.locale, v.url);
    const text = (await page.getByTestId('waymark-blocked').textContent()) ?? '';
    const host = new URL(v.url).hostname;
    if (v.profile === 'EYFS' || v.profile === 'KS1') {
      expect(text).toContain(
        v.locale === 'en' ? 'This page is not for you.' : 'Dydy’r dudalen hon ddim i ti.',
      );
      expect(text).not.toContain(host);
      expect(await page.locator('svg.illustration').count()).toBe(1);
    } else if (v.profile === 'KS2') {
      expect(
        await page
          .getByRole('button', {
            name: v.locale === 'en' ? 'Ask my teacher to open it' : 'Gofyn i fy athro ei hagor',
          })
          .count(),
      ).toBe(1);
      expect(text).not.toContain(host);
    } else {
      expect(text).toContain(host);
      expect(
        await page
          .getByRole('button', { name: v.locale === 'en' ? 'Request access' : 'Gofyn am fynediad' })
          .count(),
      ).toBe(1);
      expect(await page.getByRole('button', { name: /I need help|Dw i angen help/ }).count()).toBe(1);
    }
    // Every age: Childline, CEOP and the supervision note.
    expect(text).toContain('0800 1111');
    expect(await page.locator('a[href^="https://www.childline.org.uk"]').count()).toBe(1);
    expect(await page.locator('a[href^="https://www.ceop.police.uk"]').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(v.locale);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `${v.name}.png`), fullPage: true });
    await page.close();
  });

  it('illegal categories: a calm message, no address, no category name', async () => {
    const m = message('KS4', 'Year 10');
    m.policy.categoryLists['illegal-hate'] = ['hate.example'];
    m.policy.categories['illegal-hate'] = { action: 'block' };
    await configureExtension(browser.worker, {
      serverUrl: 'http://127.0.0.1:9',
      enrollmentToken: 'none',
      locale: 'en',
    });
    await browser.worker.evaluate(async (msg) => chrome.storage.local.set({ policy: msg }), m);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/blocked.html#https://hate.example/page`);
    const text = (await page.getByTestId('waymark-blocked').textContent()) ?? '';
    expect(text).toContain('You have not done anything wrong');
    expect(text).not.toContain('hate.example');
    expect(text).not.toMatch(/illegal|hate/i);
    expect(await page.getByRole('button', { name: 'Request access' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'illegal-en.png'), fullPage: true });
    await page.close();
  });
});

describe('a Welsh school', () => {
  it('with no language set on the device, pupils read the page in Welsh, with Meic first among help', async () => {
    await configureExtension(browser.worker, { serverUrl: 'http://127.0.0.1:9', enrollmentToken: 'none' });
    const m = { ...message('KS1', 'Blwyddyn 2'), country: 'wales' as const, locale: 'cy' as const };
    await browser.worker.evaluate(async (msg) => chrome.storage.local.set({ policy: msg }), m);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/blocked.html#https://www.roblox.com/`);
    await page.getByTestId('waymark-blocked').filter({ hasText: 'Dydy’r dudalen hon ddim i ti.' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(
      await page
        .locator('[data-help-site]')
        .evaluateAll((l) => l.map((e) => e.getAttribute('data-help-site'))),
    ).toEqual(['meic', 'childline', 'ceop']);
    expect(await page.locator('a[href="https://www.meic.cymru/"]').textContent()).toContain('080880 23456');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'year2-welsh-school.png'), fullPage: true });
    await page.close();
  });

  it('a device set to English in a Welsh school reads English, Meic still first', async () => {
    await configureExtension(browser.worker, {
      serverUrl: 'http://127.0.0.1:9',
      enrollmentToken: 'none',
      locale: 'en',
    });
    const m = { ...message('KS2', 'Year 5'), country: 'wales' as const, locale: 'cy' as const };
    await browser.worker.evaluate(async (msg) => chrome.storage.local.set({ policy: msg }), m);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/blocked.html#https://www.roblox.com/`);
    await page.getByRole('button', { name: 'Ask my teacher to open it' }).waitFor();
    expect(await page.locator('[data-help-site]').first().textContent()).toContain('Meic');
    await page.close();
  });
});

describe('toolbar popup', () => {
  it.each(['en', 'cy'] as const)('says who supervises the device and offers help (%s)', async (locale) => {
    await configureExtension(browser.worker, {
      serverUrl: 'http://127.0.0.1:9',
      enrollmentToken: 'none',
      locale,
    });
    const m = message('KS2', 'Year 5 (Kestrels)');
    await browser.worker.evaluate(async (msg) => chrome.storage.local.set({ policy: msg }), m);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const text = (await page.getByTestId('waymark-popup').textContent()) ?? '';
    expect(text).toContain(locale === 'en' ? 'This device is supervised by' : 'yn cael ei goruchwylio gan');
    expect(
      await page
        .getByRole('button', {
          name:
            locale === 'en' ? 'I need help / report a concern' : 'Dw i angen help / rhoi gwybod am bryder',
        })
        .count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `popup-${locale}.png`) });
    await page.close();
  });
});

describe('the teacher’s lock page', () => {
  const locks = [
    {
      name: 'lock-ks1-en',
      profile: 'KS1',
      cls: 'Year 2 (Owls)',
      locale: 'en',
      heading: 'Stop and look at your teacher.',
    },
    {
      name: 'lock-ks1-cy',
      profile: 'KS1',
      cls: 'Blwyddyn 2',
      locale: 'cy',
      heading: 'Stopia ac edrych ar dy athro.',
    },
    {
      name: 'lock-ks3-en',
      profile: 'KS3',
      cls: 'Year 8',
      locale: 'en',
      heading: 'Your teacher has paused your screen',
    },
    {
      name: 'lock-ks3-cy',
      profile: 'KS3',
      cls: 'Blwyddyn 8',
      locale: 'cy',
      heading: 'Mae dy athro wedi oedi dy sgrin',
    },
  ] as const;

  it.each(locks)('$name: for the pupil’s age and language, with help still there', async (v) => {
    await configureExtension(browser.worker, {
      serverUrl: 'http://127.0.0.1:9',
      enrollmentToken: 'none',
      locale: v.locale,
    });
    const lock = {
      actionId: 'a-lock',
      message: v.locale === 'en' ? 'Eyes on me, please' : 'Edrychwch arna i, os gwelwch yn dda',
      from: 'Ms Amira Khan',
      until: new Date(Date.now() + 10 * 60_000).toISOString(),
    };
    await browser.worker.evaluate(async ([m, l]) => chrome.storage.local.set({ policy: m, teacherLock: l }), [
      message(v.profile, v.cls),
      lock,
    ] as const);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.goto(`chrome-extension://${EXTENSION_ID}/lock.html`);
    await page.getByTestId('waymark-lock').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(v.heading);
    const text = (await page.getByTestId('waymark-lock').textContent()) ?? '';
    expect(text).toContain(lock.message);
    // The older pupil is told when the screen comes back; the young one is not asked to read a time.
    expect(/\d\d:\d\d/.test(text)).toBe(v.profile === 'KS3');
    expect(text).toContain(v.locale === 'en' ? 'Childline' : 'Meic');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(v.locale);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `${v.name}.png`), fullPage: true });
    await page.close();
    await browser.worker.evaluate(async () => chrome.storage.local.set({ teacherLock: null }));
  });
});
