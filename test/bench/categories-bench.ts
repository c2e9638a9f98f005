/**
 * npm run bench:categories: category data at scale (issue 16), each figure beside a baseline
 * measured in the same run on the same machine.
 *
 * - server: import of a 5,000,000-domain UT1 feed (a .tar.gz served locally), and the server's
 *   resident memory rise meanwhile; baseline: downloading and gunzipping the same feed and
 *   counting its lines, in this process (the floor of any import).
 * - check-url: "Test a web address" for a domain of that feed; baseline: the same call before
 *   the feed was imported.
 * - device, in Chromium: a KS4 device enforcing a million-domain feed, then a 1 % delta, measured
 *   from the server's swap to the rules being in force; baseline: the same device taking a policy
 *   with no category data. The service worker's heap (peak while applying; baseline: after the
 *   policy with no feed), and a browser restart holding the million: from launch to the first
 *   page (a listed domain) being blocked, and to a page the policy allows loading; baseline:
 *   the first launch, of an empty profile, to its worker running. Chrome alone taking the
 *   million, as dynamic rules and as session rules.
 *
 * `-- --device` runs the device rows only.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGunzip, gzipSync } from 'node:zlib';
import { apiCall, login, startServerProcess } from '@waymark/console-server/testing';
import { configureExtension, launchPupilBrowser, waitFor } from '../support/chromium';
import { EXTENSION_ID, requireBuiltExtension } from '../support/paths';
import { workerHeapSampler } from './worker-heap';

declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
  };
};

const SERVER_DOMAINS = 5_000_000;
const DEVICE_DOMAINS = 1_000_000;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A tar member header (ustar). */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return header;
}

function ut1Feed(n: number): Buffer {
  const body = Buffer.from(Array.from({ length: n }, (_, i) => `v${i}.example`).join('\n') + '\n');
  const pad = Buffer.alloc((512 - (body.length % 512)) % 512);
  return gzipSync(
    Buffer.concat([tarHeader('blacklists/audio_video/domains', body.length), body, pad, Buffer.alloc(1024)]),
    {
      level: 1,
    },
  );
}

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

requireBuiltExtension();
/** `-- --device`: the device rows only (no 5-million-domain server import). */
const deviceOnly = process.argv.includes('--device');
console.log('generating the feeds…');
const tarball = ut1Feed(deviceOnly ? 10 : SERVER_DOMAINS);
let deviceVersion: 1 | 2 = 1;
const feedServer = http.createServer((req, res) => {
  if (req.url === '/blacklists.tar.gz') return void res.end(tarball);
  if (req.url === '/open') return void res.end('open');
  // The device feed: a million gambling domains; version 2 changes 1 % (5,000 out, 5,000 in).
  res.writeHead(200, { 'content-type': 'text/plain' });
  const lines: string[] = [];
  for (let i = 0; i < DEVICE_DOMAINS; i++)
    lines.push(deviceVersion === 2 && i % 200 === 0 ? `changed${i}.example` : `bet${i}.example`);
  res.end(lines.join('\n'));
});
await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
const feedBase = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}`;

// Baseline: download, gunzip and count the lines of the same feed, here.
let t = performance.now();
let newlines = 0;
await new Promise<void>((resolve, reject) => {
  http.get(`${feedBase}/blacklists.tar.gz`, (res) => {
    const gunzip = res.pipe(createGunzip());
    gunzip.on('data', (chunk: Buffer) => {
      for (const b of chunk) if (b === 10) newlines++;
    });
    gunzip.on('end', resolve);
    gunzip.on('error', reject);
  });
});
const baselineDownload = performance.now() - t;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-'));
const server = await startServerProcess(dataDir);
const pid = server.child.pid!;
const tech = await login(server.url, 'tech@demo.waymark.test');

// check-url before the feed (baseline), then after.
async function testUrlMs(url: string, runs = 50): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await apiCall(server.url, tech, 'POST', '/api/policies/test-url', { profile: 'KS3', url });
    times.push(performance.now() - start);
  }
  return median(times);
}
const lookupBefore = await testUrlMs('https://v2500000.example/');

const rssBefore = rssKb(pid);
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKb(pid))), 100);
t = performance.now();
const imported = await apiCall(server.url, tech, 'POST', '/api/category-sources', {
  name: 'UT1 (generated)',
  url: `${feedBase}/blacklists.tar.gz`,
  format: 'ut1',
});
const importMs = performance.now() - t;
clearInterval(sampler);
const lookupAfter = await testUrlMs('https://v2500000.example/');
const check = await apiCall(server.url, tech, 'POST', '/api/policies/test-url', {
  profile: 'KS3',
  url: 'https://v2500000.example/',
});

// Device: baseline (a policy with no category data), then a million domains, then a 1 % delta.
const DEBUG_PORT = 9300 + (process.pid % 500);
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-profile-'));
const launch = () =>
  launchPupilBrowser(['MAP *.example 127.0.0.1'], [`--remote-debugging-port=${DEBUG_PORT}`], profileDir);
t = performance.now();
let browser = await launch();
const firstLaunch = performance.now() - t;
let heap = await workerHeapSampler(DEBUG_PORT, EXTENSION_ID);
if (process.env.BENCH_WORKER_LOG) browser.worker.on('console', (m) => console.log('worker:', m.text()));
const token = await apiCall(server.url, tech, 'POST', '/api/devices/enrollment-tokens', {
  label: 'KS4 bench',
  profile: 'KS4',
});
const versions = async () =>
  ((await browser.worker.evaluate(
    async () => (await chrome.storage.local.get('categoryVersions')).categoryVersions,
  )) ?? []) as Array<{ id: string; version: number }>;
t = performance.now();
await configureExtension(browser.worker, { serverUrl: server.url, enrollmentToken: token.body.token });
await waitFor(versions, (v) => v.some((s) => s.id === 'starter'), 120_000);
const deviceBaseline = performance.now() - t;
const heapBaseline = await heap.usedMb();

t = performance.now();
const sub = await apiCall(server.url, tech, 'POST', '/api/category-sources', {
  name: 'Device feed',
  url: `${feedBase}/device.txt`,
  format: 'domains',
  category: 'gambling',
});
const swapped1 = performance.now();
heap.start();
const feedId = sub.body.id as string;
await waitFor(versions, (v) => v.some((s) => s.id === feedId && s.version === 1), 300_000);
const enforce1M = performance.now() - swapped1;
const heap1M = await heap.stop();
const serverImport1M = swapped1 - t;

deviceVersion = 2;
t = performance.now();
const refreshed = await apiCall(server.url, tech, 'POST', `/api/category-sources/${feedId}/refresh`);
const swapped2 = performance.now();
heap.start();
await waitFor(versions, (v) => v.some((s) => s.id === feedId && s.version === 2), 300_000);
const enforceDelta = performance.now() - swapped2;
const heapDelta = await heap.stop();
// Let the worker finish (it stores the data after enforcing it) before the browser stops.
await waitFor(
  () =>
    browser.worker.evaluate(async () => {
      const held = (await chrome.storage.local.get('categoryHeld')).categoryHeld as
        Array<{ version: number; id: string }> | undefined;
      return held?.map((s) => s.version).join() ?? '';
    }),
  (v) => v.split(',').includes('2'),
  300_000,
);

// A browser restart holding the million: the first page, a listed domain, must be blocked.
// The worker's account of its start is written anew (read below).
await browser.worker.evaluate(() => chrome.storage.local.remove('startTimings'));
heap.close();
await browser.close();
t = performance.now();
browser = await launch();
const page = await browser.context.newPage();
await page.goto('http://bet500001.example/').catch(() => null);
const restartBlockedAt = performance.now() - t;
const restartBlocked = page.url().startsWith(`chrome-extension://${EXTENSION_ID}/`);
// From launch to a page the policy allows loading (with the category groups as session rules,
// the fail-closed ruleset held every page until they were back: docs/architecture.md).
const openUrl = `http://open.example:${(feedServer.address() as { port: number }).port}/open`;
for (;;) {
  await page.goto(openUrl).catch(() => null);
  if (page.url() === openUrl || performance.now() - t > 300_000) break;
  await new Promise((r) => setTimeout(r, 100));
}
const restartOpenAt = performance.now() - t;
// The worker's own account of that start (extension/lib/background-main.ts).
const startTimings = await waitFor(
  () => browser.worker.evaluate(async () => (await chrome.storage.local.get('startTimings')).startTimings),
  (v) => v !== undefined,
  300_000,
);
heap = await workerHeapSampler(DEBUG_PORT, EXTENSION_ID);
const heapRestart = await heap.usedMb();
heap.close();

// The floor: Chrome itself taking a million domains in 40 rules from this worker (its dynamic and
// session rules cleared first), with no download, check or grouping of ours; as dynamic rules,
// then as session rules (docs/architecture.md, "Session rules for the category data").
const chromeAlone = (session: boolean) =>
  browser.worker.evaluate(
    async ({ n, session }) => {
      const dnr = (
        globalThis as unknown as {
          chrome: {
            declarativeNetRequest: {
              getDynamicRules(): Promise<Array<{ id: number }>>;
              getSessionRules(): Promise<Array<{ id: number }>>;
              updateDynamicRules(o: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
              updateSessionRules(o: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
            };
          };
        }
      ).chrome.declarativeNetRequest;
      await dnr.updateDynamicRules({ removeRuleIds: (await dnr.getDynamicRules()).map((r) => r.id) });
      await dnr.updateSessionRules({ removeRuleIds: (await dnr.getSessionRules()).map((r) => r.id) });
      const start = performance.now();
      const addRules: unknown[] = [];
      for (let g = 0; g < 20; g++) {
        const requestDomains: string[] = [];
        for (let i = g; i < n; i += 20) requestDomains.push(`bet${i}.example`);
        addRules.push(
          {
            id: 1 + g * 2,
            priority: 5,
            action: { type: 'block' },
            condition: { requestDomains, resourceTypes: ['image'] },
          },
          {
            id: 2 + g * 2,
            priority: 5,
            action: { type: 'redirect', redirect: { extensionPath: '/blocked.html' } },
            condition: { requestDomains, resourceTypes: ['main_frame'] },
          },
        );
      }
      if (session) await dnr.updateSessionRules({ addRules });
      else await dnr.updateDynamicRules({ addRules });
      return performance.now() - start;
    },
    { n: DEVICE_DOMAINS, session },
  );
const chromeFloor = await chromeAlone(false);
const chromeSessionFloor = await chromeAlone(true);

await browser.close();
fs.rmSync(profileDir, { recursive: true, force: true });
await server.stop();
feedServer.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const serverRows = `| server: import a ${SERVER_DOMAINS.toLocaleString('en-GB')}-domain UT1 feed (${(tarball.length / 1024 / 1024).toFixed(1)} MB .tar.gz) | ${fmt(importMs)} (${JSON.stringify(imported.body.outcome?.outcome)}) | ≤ 60 s | ${fmt(baselineDownload)} | download + gunzip + count its ${newlines.toLocaleString('en-GB')} lines |
| server: resident memory rise during that import | ${((rssPeak - rssBefore) / 1024).toFixed(0)} MB (from ${(rssBefore / 1024).toFixed(0)} MB) | ≤ 300 MB | – | – |
| "Test a web address" for a domain of that feed (HTTP round trip, median of 50) | ${lookupAfter.toFixed(1)} ms (${check.body.decision?.category}, ${JSON.stringify(check.body.lists)}) | ≤ 5 ms lookup | ${lookupBefore.toFixed(1)} ms | the same call before the feed |
`;
console.log(`
load average at the end: ${load} (${os.cpus().length} cores)

| measure | Waymark | target | baseline | baseline is |
|---|---|---|---|---|
${deviceOnly ? '' : serverRows}| device: a new KS4 device takes its policy (no category feed) | ${fmt(deviceBaseline)} | – | – | baseline |
| device: ${DEVICE_DOMAINS.toLocaleString('en-GB')} blocked domains enforced after the server's swap | ${fmt(enforce1M)} (server import ${fmt(serverImport1M)}) | ≤ 10 s | ${fmt(deviceBaseline)} | the baseline row |
| device: Chrome alone taking ${DEVICE_DOMAINS.toLocaleString('en-GB')} domains (40 rules, one updateDynamicRules from the worker) | ${fmt(chromeFloor)} | – | – | the floor under both rows around it |
| device: Chrome alone taking ${DEVICE_DOMAINS.toLocaleString('en-GB')} domains as session rules (40 rules, one updateSessionRules) | ${fmt(chromeSessionFloor)} | – | ${fmt(chromeFloor)} | the dynamic row above |
| device: a 1 % delta (${refreshed.body.outcome?.changes?.added} in, ${refreshed.body.outcome?.changes?.removed} out) enforced after the swap | ${fmt(enforceDelta)} | ≤ 2 s | ${fmt(deviceBaseline)} | the baseline row |
| device: service worker heap, peak while taking the million | ${heap1M.toFixed(0)} MB | ≤ 100 MB | ${heapBaseline.toFixed(0)} MB | after the policy with no feed |
| device: service worker heap, peak while applying the delta | ${heapDelta.toFixed(0)} MB | ≤ 100 MB | ${heapBaseline.toFixed(0)} MB | after the policy with no feed |
| device: browser restart holding the million, launch to the first page (a listed domain) ${restartBlocked ? 'blocked' : 'NOT BLOCKED'} | ${fmt(restartBlockedAt)} (worker heap then ${heapRestart.toFixed(0)} MB) | blocked before the first page loads | ${fmt(firstLaunch)} | first launch (empty profile) to its worker running |
| device: that restart, launch to a page the policy allows loading (worker: ${JSON.stringify(startTimings)}) | ${fmt(restartOpenAt)} | – | ${fmt(firstLaunch)} | first launch (empty profile) to its worker running |
`);
process.exit(0);
