import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openPglite, openPostgres } from '@waymark/console-server';
import {
  freshDatabase,
  postgresAvailable,
  redisAvailable,
  freshRedisStream,
  TEST_REDIS_URL,
  seedLoadFixture,
  startServerProcess,
  type FreshDatabase,
  type LoadFixture,
} from '@waymark/console-server/testing';
import type { FromWorker, WorkerConnected, WorkerLived, WorkerResult, WorkerSetup } from './load-protocol';
import { collectGarbage, inspectorUrl } from './load-inspector';
import { CpuMeter, latencyOf, mergeHistograms, processUsage, type Latency } from './load-stats';
import { ingestRate } from './load-ingest';
import { pgliteInsertRate, postgresInsertRate } from './load-storage';

/**
 * `npm run bench:load -- --devices N --rate R`: N enrolled devices (real Socket.IO clients over
 * websocket, spread over worker processes) and a teacher console per class, against the real
 * server process, on PGlite and on PostgreSQL; then the same clients against a bare Socket.IO relay,
 * and raw inserts through each driver, in the same run. Loopback only; bounded in count and time.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const WORKER = path.join(HERE, 'load-worker.ts');
const RELAY = path.join(HERE, 'load-relay.ts');
const HARD_DEADLINE_MS = 30 * 60 * 1000;
/** Each server's inspector, on loopback and a free port: the benchmark collects garbage through it. */
const INSPECT = '--inspect=127.0.0.1:0';

const { values: args } = parseArgs({
  options: {
    devices: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '15' },
    workers: { type: 'string', default: '4' },
    database: { type: 'string', default: 'both' },
    /** What the PostgreSQL server shares rooms through: its own NOTIFY, or a Redis stream (REDIS_URL). */
    adapter: { type: 'string', default: 'postgres' },
    'in-flight': { type: 'string', default: '2000' },
    'per-class': { type: 'string', default: '30' },
    'skip-relay': { type: 'boolean', default: false },
    'skip-storage': { type: 'boolean', default: false },
    json: { type: 'string' },
    /** Folder for a CPU profile of each server process (node --cpu-prof), written when it stops. */
    profile: { type: 'string' },
    /** After the load phases: restart the server under every connected device and time their return. */
    reconnect: { type: 'boolean', default: false },
    /** Measure each target this many times (a fresh process each) and report its worst run. */
    runs: { type: 'string', default: '1' },
    /** Extra node options for Waymark's server process, space-separated (e.g. V8 heap settings). */
    'server-node-options': { type: 'string' },
    /** Skip the live class phase (tab changes and class actions with the background events). */
    'skip-live': { type: 'boolean', default: false },
    /** Classes whose pupils change tabs and whose teacher acts on the whole class, in the live phase. */
    'live-classes': { type: 'string', default: '10' },
    /** Each of their devices sends a tab change this often (ms; the extension's cap is 500). */
    'tab-every': { type: 'string', default: '1000' },
    /** Each of their teachers acts on the whole class this often (ms): open, close a site, lock. */
    'action-every': { type: 'string', default: '2000' },
  },
});

function bounded(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return n;
}

const config = {
  devices: bounded('devices', args.devices, 1, 20_000),
  rate: bounded('rate', args.rate, 1, 50_000),
  seconds: bounded('duration', args.duration, 1, 120),
  workers: bounded('workers', args.workers, 1, 16),
  inFlight: bounded('in-flight', args['in-flight'], 1, 20_000),
  perClass: bounded('per-class', args['per-class'], 1, 1000),
  runs: bounded('runs', args.runs, 1, 10),
  liveClasses: bounded('live-classes', args['live-classes'], 1, 1000),
  tabEveryMs: bounded('tab-every', args['tab-every'], 500, 60_000),
  actionEveryMs: bounded('action-every', args['action-every'], 200, 60_000),
};
if (!['pglite', 'postgres', 'both', 'none'].includes(args.database)) {
  console.error('--database must be pglite, postgres, both or none');
  process.exit(2);
}
if (!['postgres', 'redis'].includes(args.adapter)) {
  console.error('--adapter must be postgres or redis');
  process.exit(2);
}

// Whatever happens, the run ends: children are killed and the process exits.
const children = new Set<ChildProcess>();
const deadline = setTimeout(() => {
  console.error(`bench:load: still running after ${HARD_DEADLINE_MS / 60_000} minutes; stopping`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, HARD_DEADLINE_MS);

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Sockets are files: the server and each worker need one per connection, and a margin. */
function allowFiles(pid: number, needed: number) {
  const soft = Number(execFileSync('sh', ['-c', 'ulimit -Sn']).toString().trim());
  if (soft >= needed) return;
  try {
    execFileSync('prlimit', ['--pid', String(pid), `--nofile=${needed}:${needed}`]);
  } catch (error) {
    log(`could not raise the open-file limit of ${pid} to ${needed}: ${(error as Error).message}`);
  }
}

interface Target {
  name: string;
  kind: 'waymark' | 'relay';
  url: string;
  pid: number;
  /** Its inspector (node --inspect on loopback), to collect its garbage before memory is read. */
  inspector: string;
  /** When the process was started (performance.now()), to place phases in its CPU profile. */
  startedAt: number;
  /** Extra processes whose CPU is the target's (PostgreSQL's backends). */
  extraPids?: () => Promise<number[]>;
  stop(): Promise<void>;
  /** Killed (SIGKILL) and started again on the same address; `pid` is the new process's. */
  restart(): Promise<void>;
}

interface TargetResult {
  name: string;
  devicesConnected: number;
  consolesConnected: number;
  connectFailures: number;
  connectSeconds: number;
  memoryPerDeviceKb: number;
  rssIdleMb: number;
  rssConnectedMb: number;
  rate: PhaseResult;
  saturation: PhaseResult;
  storm: StormResult | null;
  live: LiveResult | null;
}

/** The live class phase (`--skip-live` leaves it out). */
interface LiveResult {
  liveDevices: number;
  tabChanges: number;
  tabsSeen: number;
  tabRefused: number;
  tab: Latency;
  /** One tab state (five tabs), bytes of JSON. */
  tabStateBytes: number;
  actions: number;
  actionsComplete: number;
  action: Latency;
  background: PhaseResult;
  /** Server memory per connected device, no class watched / watched after the tab states. */
  unwatchedPerDeviceKb: number;
  watchedPerDeviceKb: number;
}

interface StormResult {
  devices: number;
  back: number;
  retries: number;
  /** Restart → device back (holding its policy; connected, for the relay). */
  back50: number;
  back99: number;
  /** Seconds until the last device was back. */
  allBackSeconds: number;
  /** The new process's highest resident memory during the storm. */
  peakRssMb: number;
}

interface PhaseResult {
  sent: number;
  acked: number;
  refused: number;
  unanswered: number;
  delivered: number;
  ackedPerSecond: number;
  /** Events on their teacher's console per second. */
  deliveredPerSecond: number;
  delivery: Latency;
  ack: Latency;
  serverCpu: number;
  databaseCpu: number | null;
  generatorCpu: number;
  disconnects: number;
}

function startWorker(): ChildProcess {
  const child = fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function next<T extends FromWorker['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type === 'error') {
        child.off('message', onMessage);
        reject(new Error(`worker: ${message.message}`));
      } else if (message.type === type) {
        child.off('message', onMessage);
        resolve(message as Extract<FromWorker, { type: T }>);
      }
    };
    child.on('message', onMessage);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resident memory with no garbage in it: a full collection through the process's inspector, then
 * the lowest of five readings a second apart (after the connection burst has quietened).
 */
async function settledRss(target: Target): Promise<number> {
  await sleep(3000);
  await collectGarbage(target.inspector);
  let lowest = Infinity;
  for (let i = 0; i < 5; i++) {
    await sleep(1000);
    lowest = Math.min(lowest, processUsage(target.pid).rss);
  }
  return lowest;
}

/** Each class, its devices and its teacher go to one worker, so a device and its teacher share a clock. */
function shares(fixture: LoadFixture, workers: number, target: Target['kind']) {
  const byClass = new Map<string, number>();
  for (const c of fixture.consoles) byClass.set(c.classId, byClass.size % workers);
  return Array.from({ length: workers }, (_, w) => ({
    devices: fixture.devices.filter((d) => byClass.get(d.classId) === w),
    consoles: [
      ...fixture.consoles.filter((c) => byClass.get(c.classId) === w),
      // The DSL watches every class at once (in the relay, the school-wide room).
      ...(w === 0 ? [{ cookie: target === 'waymark' ? fixture.dslCookie : '', classId: '*' }] : []),
    ],
  }));
}

async function phase(
  target: Target,
  workers: ChildProcess[],
  mode: 'rate' | 'saturate',
): Promise<PhaseResult> {
  const extra = (await target.extraPids?.()) ?? [];
  const serverCpu = new CpuMeter([target.pid]);
  const databaseCpu = extra.length ? new CpuMeter(extra) : null;
  const generatorCpu = new CpuMeter(workers.map((w) => w.pid!));
  const from = (performance.now() - target.startedAt) / 1000;
  const results = workers.map((w) => next(w, 'result'));
  for (const w of workers)
    w.send({
      type: 'run',
      mode,
      rate: config.rate / workers.length,
      inFlight: Math.max(1, Math.round(config.inFlight / workers.length)),
      durationMs: config.seconds * 1000,
    });
  const done: WorkerResult[] = await Promise.all(results);
  if (args.profile)
    log(
      `${target.name}: ${mode} phase from ${from.toFixed(1)} s to ${((performance.now() - target.startedAt) / 1000).toFixed(1)} s of the server's profile`,
    );
  const cpu = {
    server: serverCpu.percent(),
    database: databaseCpu?.percent() ?? null,
    generator: generatorCpu.percent(),
  };
  const sum = (key: 'sent' | 'acked' | 'refused' | 'unanswered' | 'delivered' | 'disconnects') =>
    done.reduce((total, r) => total + r[key], 0);
  return {
    sent: sum('sent'),
    acked: sum('acked'),
    refused: sum('refused'),
    unanswered: sum('unanswered'),
    delivered: sum('delivered'),
    ackedPerSecond: Math.round(sum('acked') / Math.max(...done.map((r) => r.seconds))),
    deliveredPerSecond: Math.round(sum('delivered') / Math.max(...done.map((r) => r.deliverySeconds))),
    delivery: latencyOf(mergeHistograms(done.map((r) => r.deliveryLatency))),
    ack: latencyOf(mergeHistograms(done.map((r) => r.ackLatency))),
    serverCpu: cpu.server,
    databaseCpu: cpu.database,
    generatorCpu: cpu.generator,
    disconnects: sum('disconnects'),
  };
}

/** Spread of the devices' first attempts after the restart, as Socket.IO's 1 s ± 50 % first delay. */
const STORM_SPREAD_MS = 1500;
const STORM_TIMEOUT_MS = 120_000;

/**
 * The reconnect storm: the server is killed under every connected device and started again on the
 * same address; each device comes back as the extension would and counts once it holds its policy.
 * The new process's memory is sampled throughout.
 */
async function reconnectStorm(target: Target, workers: ChildProcess[]): Promise<StormResult> {
  log(`${target.name}: restarting under ${config.devices} devices`);
  await target.restart();
  allowFiles(target.pid, config.devices + 2000);
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, processUsage(target.pid).rss);
    } catch {
      // Between samples the process may be gone: the storm's result says so.
    }
  }, 100);
  const started = performance.now();
  const answers = workers.map((w) => next(w, 'stormed'));
  for (const w of workers) w.send({ type: 'storm', spreadMs: STORM_SPREAD_MS, timeoutMs: STORM_TIMEOUT_MS });
  const done = await Promise.all(answers);
  const allBack = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const latency = latencyOf(mergeHistograms(done.map((d) => d.backLatency)));
  const sum = (key: 'devices' | 'back' | 'retries') => done.reduce((n, d) => n + d[key], 0);
  log(`${target.name}: ${sum('back')} of ${sum('devices')} devices back in ${allBack.toFixed(1)} s`);
  return {
    devices: sum('devices'),
    back: sum('back'),
    retries: sum('retries'),
    back50: latency.p50,
    back99: latency.p99,
    allBackSeconds: Math.round(allBack * 10) / 10,
    peakRssMb: Math.round(peak / 1048576),
  };
}

async function watchAll(workers: ChildProcess[], on: boolean) {
  const answers = workers.map((w) => next(w, 'watched'));
  for (const w of workers) w.send({ type: 'watch', on });
  await Promise.all(answers);
}

/**
 * The live class phase: server memory with no class watched, then (watched again) tab changes and
 * whole-class actions in `--live-classes` classes over the background events, then memory again.
 */
async function livePhase(
  target: Target,
  workers: ChildProcess[],
  idle: number,
  devices: number,
): Promise<LiveResult> {
  await watchAll(workers, false);
  const unwatched = await settledRss(target);
  await watchAll(workers, true);
  log(
    `${target.name}: live class, ${config.liveClasses} classes changing tabs every ${config.tabEveryMs} ms and acting every ${config.actionEveryMs} ms, over ${config.rate} events/s`,
  );
  const extra = (await target.extraPids?.()) ?? [];
  const serverCpu = new CpuMeter([target.pid]);
  const databaseCpu = extra.length ? new CpuMeter(extra) : null;
  const generatorCpu = new CpuMeter(workers.map((w) => w.pid!));
  const answers = workers.map((w) => next(w, 'lived'));
  const perWorker = Math.ceil(config.liveClasses / workers.length);
  for (const w of workers)
    w.send({
      type: 'live',
      rate: config.rate / workers.length,
      durationMs: config.seconds * 1000,
      liveClasses: perWorker,
      tabEveryMs: config.tabEveryMs,
      actionEveryMs: config.actionEveryMs,
    });
  const done: WorkerLived[] = await Promise.all(answers);
  const cpu = {
    server: serverCpu.percent(),
    database: databaseCpu?.percent() ?? null,
    generator: generatorCpu.percent(),
  };
  const watched = await settledRss(target);
  const sum = (
    key: 'liveDevices' | 'tabChanges' | 'tabsSeen' | 'tabRefused' | 'actions' | 'actionsComplete',
  ) => done.reduce((n, d) => n + d[key], 0);
  const bg = done.map((d) => d.background);
  const bgSum = (key: 'sent' | 'acked' | 'refused' | 'unanswered' | 'delivered' | 'disconnects') =>
    bg.reduce((n, r) => n + r[key], 0);
  const kb = (rss: number) => Math.round((rss - idle) / Math.max(1, devices) / 102.4) / 10;
  return {
    liveDevices: sum('liveDevices'),
    tabChanges: sum('tabChanges'),
    tabsSeen: sum('tabsSeen'),
    tabRefused: sum('tabRefused'),
    tab: latencyOf(mergeHistograms(done.map((d) => d.tabLatency))),
    tabStateBytes: Math.round(done.reduce((n, d) => n + d.tabBytes, 0) / Math.max(1, sum('tabChanges'))),
    actions: sum('actions'),
    actionsComplete: sum('actionsComplete'),
    action: latencyOf(mergeHistograms(done.map((d) => d.actionLatency))),
    background: {
      sent: bgSum('sent'),
      acked: bgSum('acked'),
      refused: bgSum('refused'),
      unanswered: bgSum('unanswered'),
      delivered: bgSum('delivered'),
      ackedPerSecond: Math.round(bgSum('acked') / Math.max(...bg.map((r) => r.seconds))),
      deliveredPerSecond: Math.round(bgSum('delivered') / Math.max(...bg.map((r) => r.deliverySeconds))),
      delivery: latencyOf(mergeHistograms(bg.map((r) => r.deliveryLatency))),
      ack: latencyOf(mergeHistograms(bg.map((r) => r.ackLatency))),
      serverCpu: cpu.server,
      databaseCpu: cpu.database,
      generatorCpu: cpu.generator,
      disconnects: bgSum('disconnects'),
    },
    unwatchedPerDeviceKb: kb(unwatched),
    watchedPerDeviceKb: kb(watched),
  };
}

async function measure(target: Target, fixture: LoadFixture): Promise<TargetResult> {
  allowFiles(target.pid, config.devices + 2000);
  const idle = await settledRss(target);
  const workers = Array.from({ length: config.workers }, startWorker);
  for (const w of workers) allowFiles(w.pid!, Math.ceil(config.devices / config.workers) + 1000);
  log(`${target.name}: connecting ${config.devices} devices from ${workers.length} workers`);
  const connectStarted = performance.now();
  const connected: WorkerConnected[] = await Promise.all(
    shares(fixture, workers.length, target.kind).map((share, w) => {
      const answer = next(workers[w]!, 'connected');
      const setup: WorkerSetup = {
        type: 'setup',
        target: target.kind,
        url: target.url,
        connectConcurrency: 25,
        ...share,
      };
      workers[w]!.send(setup);
      return answer;
    }),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  const devicesConnected = connected.reduce((n, c) => n + c.devices, 0);
  const failures = connected.reduce((n, c) => n + c.failed, 0);
  log(
    `${target.name}: ${devicesConnected} devices connected in ${connectSeconds.toFixed(1)} s${failures ? `, ${failures} failed (${connected.find((c) => c.firstError)?.firstError})` : ''}`,
  );
  const rssConnected = await settledRss(target);

  log(`${target.name}: ${config.rate} events/s for ${config.seconds} s`);
  const rate = await phase(target, workers, 'rate');
  const live = args['skip-live'] ? null : await livePhase(target, workers, idle, devicesConnected);
  log(`${target.name}: saturation, ${config.inFlight} events in flight for ${config.seconds} s`);
  const saturation = await phase(target, workers, 'saturate');
  const storm = args.reconnect ? await reconnectStorm(target, workers) : null;
  for (const w of workers) w.send({ type: 'close' });
  await Promise.all(
    workers.map(
      (w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve))),
    ),
  );
  await target.stop();
  return {
    name: target.name,
    devicesConnected,
    consolesConnected: connected.reduce((n, c) => n + c.consoles, 0),
    connectFailures: failures,
    connectSeconds: Math.round(connectSeconds * 10) / 10,
    memoryPerDeviceKb: Math.round((rssConnected - idle) / Math.max(1, devicesConnected) / 102.4) / 10,
    rssIdleMb: Math.round(idle / 1048576),
    rssConnectedMb: Math.round(rssConnected / 1048576),
    rate,
    saturation,
    storm,
    live,
  };
}

async function waymarkTarget(name: string, env: Record<string, string>, dataDir: string): Promise<Target> {
  const profiling = args.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`, '--cpu-prof-interval=500']
    : [];
  const startedAt = performance.now();
  const extra = args['server-node-options']?.split(' ').filter(Boolean) ?? [];
  const start = async (port: number) => {
    const server = await startServerProcess(dataDir, port, { ...env, WAYMARK_SEED_DEMO: 'false' }, [
      INSPECT,
      ...extra,
      ...profiling,
    ]);
    children.add(server.child);
    return server;
  };
  let server = await start(0);
  const target: Target = {
    name,
    kind: 'waymark',
    url: server.url,
    pid: server.child.pid!,
    inspector: inspectorUrl(server.output())!,
    startedAt,
    stop: () => server.stop(),
    async restart() {
      await server.stop('SIGKILL');
      server = await start(server.port);
      target.pid = server.child.pid!;
      target.inspector = inspectorUrl(server.output())!;
    },
  };
  return target;
}

async function relayTarget(): Promise<Target> {
  const startedAt = performance.now();
  const start = async (port: number) => {
    const child = spawn(process.execPath, [INSPECT, '--import', 'tsx', RELAY], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RELAY_PORT: String(port) },
    });
    children.add(child);
    let inspector: string | null = null;
    child.stderr!.on('data', (chunk: Buffer) => (inspector ??= inspectorUrl(chunk.toString())));
    const listening = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const match = /listening on (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
    });
    return { child, port: listening, inspector: () => inspector! };
  };
  let relay = await start(0);
  const stop = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (relay.child.exitCode !== null || relay.child.signalCode !== null) return resolve();
      relay.child.once('exit', () => resolve());
      relay.child.kill(signal);
    });
  const target: Target = {
    name: 'bare Socket.IO relay',
    kind: 'relay',
    url: `http://127.0.0.1:${relay.port}`,
    pid: relay.child.pid!,
    inspector: relay.inspector(),
    startedAt,
    stop: () => stop('SIGTERM'),
    async restart() {
      await stop('SIGKILL');
      relay = await start(relay.port);
      target.pid = relay.child.pid!;
      target.inspector = relay.inspector();
    },
  };
  return target;
}

const results: TargetResult[] = [];

/**
 * Measures a target `--runs` times, a fresh process each, and keeps the worst run: the one whose
 * device → teacher p99 at the fixed rate was highest (the figure a bad day is judged by).
 */
async function worstOf(run: () => Promise<TargetResult>): Promise<TargetResult> {
  let worst: TargetResult | null = null;
  for (let i = 0; i < config.runs; i++) {
    if (config.runs > 1) log(`run ${i + 1} of ${config.runs}`);
    const result = await run();
    if (!worst || result.rate.delivery.p99 > worst.rate.delivery.p99) worst = result;
  }
  return { ...worst!, name: config.runs > 1 ? `${worst!.name} (worst of ${config.runs})` : worst!.name };
}
const storage: Record<string, number> = {};
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-load-'));
let pgDatabase: FreshDatabase | null = null;
const redisStream = freshRedisStream();
let lastFixture: LoadFixture | null = null;

try {
  log(
    `bench:load on ${os.cpus().length} cores: ${config.devices} devices, ${config.rate} events/s, ${config.seconds} s a phase`,
  );
  if (args.database === 'pglite' || args.database === 'both') {
    const dataDir = path.join(work, 'pglite');
    const database = await openPglite(dataDir);
    lastFixture = await seedLoadFixture(database.db, {
      deviceCount: config.devices,
      perClass: config.perClass,
    });
    await database.close();
    const fixture = lastFixture;
    results.push(
      await worstOf(async () => measure(await waymarkTarget('Waymark on PGlite', {}, dataDir), fixture)),
    );
    if (!args['skip-storage']) {
      const again = await openPglite(dataDir);
      storage['Waymark ingest path alone on PGlite (events/s)'] = await ingestRate(again.db, {
        inFlight: config.inFlight,
        seconds: config.seconds,
      });
      await again.close();
      storage['raw PGlite inserts (rows/s)'] = await pgliteInsertRate(dataDir, {
        batch: 500,
        seconds: config.seconds,
      });
    }
  }
  if ((args.database === 'postgres' || args.database === 'both') && (await postgresAvailable())) {
    pgDatabase = await freshDatabase('waymark_bench');
    const database = await openPostgres(pgDatabase.url, { poolSize: 2 });
    lastFixture = await seedLoadFixture(database.db, {
      deviceCount: config.devices,
      perClass: config.perClass,
    });
    await database.close();
    const viaRedis = args.adapter === 'redis';
    if (viaRedis && !(await redisAvailable()))
      throw new Error(`--adapter redis: no Redis at ${TEST_REDIS_URL}`);
    const fixture = lastFixture;
    const url = pgDatabase.url;
    results.push(
      await worstOf(async () => {
        const target = await waymarkTarget(
          viaRedis ? 'Waymark on PostgreSQL + Redis adapter' : 'Waymark on PostgreSQL',
          {
            DATABASE_URL: url,
            ...(viaRedis ? { REDIS_URL: TEST_REDIS_URL, WAYMARK_REDIS_STREAM: redisStream.name } : {}),
          },
          path.join(work, 'unused'),
        );
        target.extraPids = () => postgresBackends(url);
        return measure(target, fixture);
      }),
    );
    if (!args['skip-storage']) {
      const again = await openPostgres(pgDatabase.url);
      storage['Waymark ingest path alone on PostgreSQL (events/s)'] = await ingestRate(again.db, {
        inFlight: config.inFlight,
        seconds: config.seconds,
      });
      await again.close();
      storage['raw PostgreSQL inserts (rows/s)'] = await postgresInsertRate(pgDatabase.url, {
        batch: 500,
        seconds: config.seconds,
      });
    }
  }
  if (!args['skip-relay']) {
    const fixture = lastFixture ?? syntheticFixture();
    results.push(await worstOf(async () => measure(await relayTarget(), fixture)));
  }
  report();
} finally {
  for (const child of children) child.kill('SIGKILL');
  await pgDatabase?.drop().catch(() => {});
  if (args.adapter === 'redis') await redisStream.drop().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
  clearTimeout(deadline);
}

/** The relay needs no database: classes and devices by number. */
function syntheticFixture(): LoadFixture {
  const devices = Array.from({ length: config.devices }, (_, i) => ({
    deviceToken: '',
    classId: `class-${Math.floor(i / config.perClass)}`,
  }));
  const classes = [...new Set(devices.map((d) => d.classId))];
  return { devices, consoles: classes.map((classId) => ({ cookie: '', classId })), dslCookie: '' };
}

/** The PostgreSQL server processes serving our database (their CPU is part of the pipeline's). */
async function postgresBackends(url: string): Promise<number[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return rows.map((r) => r.pid).filter((pid) => fs.existsSync(`/proc/${pid}`));
  } finally {
    await client.end();
  }
}

function report() {
  const line = (label: string, cell: (r: TargetResult) => string) =>
    `| ${label} | ${results.map(cell).join(' | ')} |`;
  const lat = (l: Latency) => `${l.p50} / ${l.p99} / ${l.max} ms`;
  const out = [
    `| measure (${config.devices} devices, ${config.rate} events/s, ${os.cpus().length} cores) | ${results.map((r) => r.name).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    line(
      'devices / consoles connected',
      (r) =>
        `${r.devicesConnected} / ${r.consolesConnected}${r.connectFailures ? ` (${r.connectFailures} failed)` : ''}`,
    ),
    line('time to connect every device', (r) => `${r.connectSeconds} s`),
    line(
      'server memory per connected device',
      (r) => `${r.memoryPerDeviceKb} KB (RSS ${r.rssIdleMb} → ${r.rssConnectedMb} MB)`,
    ),
    line(`device → teacher p50 / p99 / max at ${config.rate}/s`, (r) => lat(r.rate.delivery)),
    line(`device → ack (after commit) p50 / p99 / max at ${config.rate}/s`, (r) => lat(r.rate.ack)),
    line(
      `events stored (acked) per second at ${config.rate}/s`,
      (r) => `${r.rate.ackedPerSecond} (${r.rate.acked} of ${r.rate.sent}, ${r.rate.delivered} delivered)`,
    ),
    line(
      `server CPU at ${config.rate}/s (% of one core)`,
      (r) =>
        `${r.rate.serverCpu}%${r.rate.databaseCpu !== null ? ` + PostgreSQL ${r.rate.databaseCpu}%` : ''}`,
    ),
    line('load generator CPU at that rate', (r) => `${r.rate.generatorCpu}%`),
    line(
      `saturation: events acked / delivered to teachers per second (${config.inFlight} in flight)`,
      (r) => `${r.saturation.ackedPerSecond} / ${r.saturation.deliveredPerSecond}`,
    ),
    line('saturation: device → teacher p50 / p99 / max', (r) => lat(r.saturation.delivery)),
    line('saturation: load generator CPU', (r) => `${r.saturation.generatorCpu}%`),
    line(
      'saturation: server CPU',
      (r) =>
        `${r.saturation.serverCpu}%${r.saturation.databaseCpu !== null ? ` + PostgreSQL ${r.saturation.databaseCpu}%` : ''}`,
    ),
    ...(args.reconnect
      ? [
          line('reconnect storm: devices back (holding their policy) / retries', (r) =>
            r.storm ? `${r.storm.back} of ${r.storm.devices} / ${r.storm.retries}` : '–',
          ),
          line('reconnect storm: restart → back p50 / p99, all back', (r) =>
            r.storm ? `${r.storm.back50} / ${r.storm.back99} ms, ${r.storm.allBackSeconds} s` : '–',
          ),
          line('reconnect storm: server memory peak', (r) => (r.storm ? `${r.storm.peakRssMb} MB` : '–')),
        ]
      : []),
    ...(args['skip-live']
      ? []
      : [
          line('live: server memory per device, no class watched / watched after tab states', (r) =>
            r.live ? `${r.live.unwatchedPerDeviceKb} / ${r.live.watchedPerDeviceKb} KB` : '–',
          ),
          line(
            `live: tab change → watching teacher p50 / p99 / max (${config.liveClasses} classes, a change per device every ${config.tabEveryMs} ms)`,
            (r) =>
              r.live
                ? `${lat(r.live.tab)} (${r.live.tabsSeen} of ${r.live.tabChanges} from ${r.live.liveDevices} devices${r.live.tabRefused ? `, ${r.live.tabRefused} refused` : ''})`
                : '–',
          ),
          line(
            `live: class action applied on every device of the class p50 / p99 / max (${config.perClass} a class)`,
            (r) =>
              r.live
                ? `${lat(r.live.action)} (${r.live.actionsComplete} of ${r.live.actions} complete)`
                : '–',
          ),
          line('live: tab state per watched device (five tabs): this run / at the 2 a second cap', (r) =>
            r.live
              ? `${Math.round((r.live.tabStateBytes * 1000) / config.tabEveryMs)} / ${r.live.tabStateBytes * 2} B/s`
              : '–',
          ),
          line(
            `live: background device → teacher p99, events acked per second (${config.rate}/s asked)`,
            (r) =>
              r.live ? `${r.live.background.delivery.p99} ms, ${r.live.background.ackedPerSecond}/s` : '–',
          ),
          line('live: server CPU (% of one core)', (r) =>
            r.live
              ? `${r.live.background.serverCpu}%${r.live.background.databaseCpu !== null ? ` + PostgreSQL ${r.live.background.databaseCpu}%` : ''}`
              : '–',
          ),
        ]),
    line(
      'refused / unanswered / disconnects',
      (r) =>
        `${r.rate.refused + r.saturation.refused} / ${r.rate.unanswered + r.saturation.unanswered} / ${r.rate.disconnects + r.saturation.disconnects}`,
    ),
  ];
  console.log(`\n${out.join('\n')}\n`);
  for (const [name, rate] of Object.entries(storage)) console.log(`${name}: ${rate}`);
  if (Object.keys(storage).length)
    console.log('(raw inserts: batches of 500 on one connection, into the same table, indexes and database)');
  if (args.json) fs.writeFileSync(args.json, JSON.stringify({ config, results, storage }, null, 2));
}
