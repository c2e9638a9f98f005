/**
 * npm run bench:extension: how long the extension takes to apply a large policy, and how soon the
 * block page paints, each beside a baseline measured in the same run on the same browser.
 */
import { performance } from 'node:perf_hooks';
import { compilePolicy, PolicySchema, type PolicyMessage } from '@waymark/shared';
import { launchPupilBrowser } from '../support/chromium';
import { startOriginServer } from '../support/origin-server';
import { EXTENSION_ID, requireBuiltExtension } from '../support/paths';

declare const chrome: {
  declarativeNetRequest: {
    getDynamicRules(): Promise<Array<{ id: number }>>;
    updateDynamicRules(u: { removeRuleIds: number[]; addRules: unknown[] }): Promise<void>;
    updateEnabledRulesets(u: { disableRulesetIds: string[] }): Promise<void>;
  };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

const RUNS = 7;
const BLOCK_PAGE = `chrome-extension://${EXTENSION_ID}/blocked.html`;

function message(allow: string[]): PolicyMessage {
  return {
    policy: PolicySchema.parse({
      version: 1,
      profile: 'KS2',
      mode: 'allow-list',
      allow,
      block: [],
      categories: {},
      categoryLists: {},
      alwaysAllowed: ['127.0.0.1'],
      overrides: [],
    }),
    classIds: [],
    className: 'Year 5',
    schoolName: 'Bench School',
    keywords: {},
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

requireBuiltExtension();
const browser = await launchPupilBrowser(['MAP *.test 127.0.0.1']);
const origin = await startOriginServer();

/** What applyPolicy does: compile, then replace every dynamic rule and turn off the static ruleset. */
async function applyOnce(m: PolicyMessage): Promise<{ compile: number; install: number }> {
  const t0 = performance.now();
  const rules = compilePolicy(m.policy, { now: new Date(), classIds: m.classIds, blockPage: BLOCK_PAGE });
  const compile = performance.now() - t0;
  const install = await browser.worker.evaluate(async (addRules) => {
    const start = performance.now();
    const dnr = chrome.declarativeNetRequest;
    const existing = await dnr.getDynamicRules();
    await dnr.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules });
    await dnr.updateEnabledRulesets({ disableRulesetIds: ['fail_closed'] });
    return performance.now() - start;
  }, rules);
  return { compile, install };
}

async function measureApply(m: PolicyMessage) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await applyOnce(m));
  return {
    compile: median(runs.map((r) => r.compile)),
    install: median(runs.map((r) => r.install)),
    total: median(runs.map((r) => r.compile + r.install)),
  };
}

async function firstPaint(url: string): Promise<number> {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    samples.push(
      await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]!.startTime),
    );
    await page.close();
  }
  return median(samples);
}

const big = message(Array.from({ length: 10_000 }, (_, i) => `school-site-${i}.example`));
const empty = message([]);
const baselineApply = await measureApply(empty);
const bigApply = await measureApply(big);

await browser.worker.evaluate(async (m) => chrome.storage.local.set({ policy: m }), message(['bbc.co.uk']));
const baselinePaint = await firstPaint(`http://static.test:${origin.port}/`);
const blockPaint = await firstPaint(`${BLOCK_PAGE}#https://www.roblox.com/games`);

console.log(
  `\nWaymark extension benchmark (median of ${RUNS} runs, Chromium ${browser.context.browser()?.version() ?? ''})\n`,
);
console.log('| measure | Waymark | baseline | baseline is |');
console.log('|---|---|---|---|');
console.log(
  `| apply a policy of 10,000 allowed domains (compile + install DNR rules) | ${fmt(bigApply.total)} (compile ${fmt(bigApply.compile)}, install ${fmt(bigApply.install)}) | ${fmt(baselineApply.total)} | an empty allow-list policy |`,
);
console.log(
  `| block page first contentful paint | ${fmt(blockPaint)} | ${fmt(baselinePaint)} | a static local page |`,
);

await browser.close();
await origin.close();
