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

function message(allow: string[], extra: Record<string, unknown> = {}): PolicyMessage {
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
      ...extra,
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
async function applyOnce(m: PolicyMessage): Promise<{ compile: number; install: number; rules: number }> {
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
  return { compile, install, rules: rules.length };
}

async function measureApply(m: PolicyMessage) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await applyOnce(m));
  return {
    compile: median(runs.map((r) => r.compile)),
    install: median(runs.map((r) => r.install)),
    total: median(runs.map((r) => r.compile + r.install)),
    rules: runs[0]!.rules,
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
// A KS4 block-list: 10,000 category domains over four categories and 200 sites the school blocks,
// 50 of them by path (regex rules).
const categoryDomains = (c: string) => Array.from({ length: 2_500 }, (_, i) => `${c}-site-${i}.example`);
const blockList = message([], {
  profile: 'KS4',
  mode: 'block-list',
  block: [
    ...Array.from({ length: 150 }, (_, i) => `blocked-${i}.example`),
    ...Array.from({ length: 50 }, (_, i) => `paths-${i}.example/games`),
  ],
  categories: Object.fromEntries(
    ['gambling', 'pornography', 'proxy-vpn', 'gaming'].map((c) => [c, { action: 'block' }]),
  ),
  categoryLists: Object.fromEntries(
    ['gambling', 'pornography', 'proxy-vpn', 'gaming'].map((c) => [c, categoryDomains(c)]),
  ),
});
const baselineApply = await measureApply(empty);
const bigApply = await measureApply(big);
const blockListApply = await measureApply(blockList);

await browser.worker.evaluate(async (m) => chrome.storage.local.set({ policy: m }), message(['bbc.co.uk']));
const baselinePaint = await firstPaint(`http://static.test:${origin.port}/`);
const blockPaint = await firstPaint(`${BLOCK_PAGE}#https://www.roblox.com/games`);

console.log(
  `\nWaymark extension benchmark (median of ${RUNS} runs, Chromium ${browser.context.browser()?.version() ?? ''})\n`,
);
console.log('| measure | Waymark | baseline | baseline is |');
console.log('|---|---|---|---|');
console.log(
  `| apply a policy of 10,000 allowed domains (compile + install ${bigApply.rules} DNR rules) | ${fmt(bigApply.total)} (compile ${fmt(bigApply.compile)}, install ${fmt(bigApply.install)}) | ${fmt(baselineApply.total)} | an empty allow-list policy |`,
);
console.log(
  `| apply a KS4 block-list of 10,000 category domains and 200 blocked sites (${blockListApply.rules} DNR rules) | ${fmt(blockListApply.total)} (compile ${fmt(blockListApply.compile)}, install ${fmt(blockListApply.install)}) | ${fmt(baselineApply.total)} | an empty allow-list policy |`,
);
console.log(
  `| block page first contentful paint | ${fmt(blockPaint)} | ${fmt(baselinePaint)} | a static local page |`,
);

await browser.close();
await origin.close();
