import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { PROTOCOL_VERSION } from '@waymark/shared';
import type {
  FromWorker,
  ToWorker,
  WorkerResult,
  WorkerRun,
  WorkerSetup,
  WorkerStorm,
  WorkerStormed,
} from './load-protocol';
import { encodeHistogram, newHistogram } from './load-stats';
import { runLive } from './load-live';

/**
 * One load-generator process: its share of the devices (real Socket.IO clients over websocket)
 * and the teacher consoles of their classes, so a device's event and its arrival on the teacher's
 * console are timed by the same clock. Driven by `load.ts` over IPC.
 */
const ACK_TIMEOUT_MS = 60_000;
const DRAIN_MS = 20_000;

let devices: Socket[] = [];
let consoles: Socket[] = [];
/** For the live class phase: each device's class, and the class teachers' consoles. */
const deviceClasses = new Map<Socket, string>();
const teachers: Array<{ socket: Socket; classId: string; cookie: string }> = [];
let disconnects = 0;
/** Send times (performance.now(), ms) of this worker's events not yet seen on a console. */
const sentAt = new Map<string, number>();
let delivery = newHistogram();
let delivered = 0;
let lastDelivery = 0;

const send = (message: FromWorker) => process.send!(message);

function connect(socket: Socket): Promise<string | null> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(null));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

let setupMessage: WorkerSetup | null = null;

function deviceAuth(target: WorkerSetup['target'], i: number, device: WorkerSetup['devices'][number]) {
  return target === 'waymark'
    ? {
        protocolVersion: PROTOCOL_VERSION,
        deviceName: `Load Chromebook ${i}`,
        extensionVersion: '0.1.0',
        deviceToken: device.deviceToken,
      }
    : { classId: device.classId };
}

async function setup(message: WorkerSetup) {
  setupMessage = message;
  const { target, url } = message;
  const base = { transports: ['websocket'], reconnection: false, forceNew: true };
  let failed = 0;
  let firstError: string | null = null;
  const queue = [...message.devices.entries()];
  await Promise.all(
    Array.from({ length: message.connectConcurrency }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [i, device] = next;
        const socket = io(`${url}/device`, {
          ...base,
          auth: deviceAuth(target, i, device),
        });
        const error = await connect(socket);
        if (error) {
          failed++;
          firstError ??= error;
          socket.close();
          continue;
        }
        socket.on('disconnect', () => disconnects++);
        // A teacher's action: applied at once (a real device changes its tabs or rules first).
        socket.on('action', (_action: unknown, ack?: (answer: unknown) => void) => ack?.({ ok: true }));
        deviceClasses.set(socket, device.classId);
        devices.push(socket);
      }
    }),
  );
  for (const c of message.consoles) {
    const all = c.classId === '*';
    const socket = io(`${url}/console`, {
      ...base,
      extraHeaders: { cookie: c.cookie },
      auth: all ? { all: true } : { classId: c.classId },
    });
    const error = await connect(socket);
    if (error) {
      failed++;
      firstError ??= error;
      continue;
    }
    if (target === 'waymark' && !all) {
      const answer = (await socket.emitWithAck('watch-class', { classId: c.classId })) as { ok: boolean };
      if (!answer.ok) throw new Error(`watch-class ${c.classId} refused`);
    }
    // The DSL's console hears every class; the timing is the class teacher's.
    if (!all)
      socket.on('event', (event: { id: string }) => {
        const at = sentAt.get(event.id);
        if (at === undefined) return;
        sentAt.delete(event.id);
        delivered++;
        lastDelivery = performance.now();
        delivery.recordValue(Math.max(1, Math.round((performance.now() - at) * 1000)));
      });
    socket.on('disconnect', () => disconnects++);
    consoles.push(socket);
    if (!all) teachers.push({ socket, classId: c.classId, cookie: c.cookie });
  }
  send({ type: 'connected', devices: devices.length, consoles: consoles.length, failed, firstError });
}

/** A realistic mix: mostly blocked pages and searches, some categorised, one in a hundred serious. */
function makeEvent(n: number) {
  const base = { id: uuidv7(), occurredAt: new Date().toISOString(), profile: 'KS2', policyVersion: 1 };
  const kind = n % 100;
  if (kind < 80)
    return {
      ...base,
      kind: 'blocked',
      url: `https://site${n % 5000}.example/page`,
      category: null,
      rule: 'not on the KS2 allow-list',
    };
  if (kind < 95)
    return {
      ...base,
      kind: 'search',
      url: 'https://www.google.com/search?q=volcano+facts',
      engine: 'google',
      query: 'volcano facts',
      flags: [],
      blocked: false,
    };
  if (kind < 99)
    return {
      ...base,
      kind: 'blocked',
      url: 'https://www.roblox.com/games',
      category: 'gaming',
      rule: 'category gaming',
    };
  return {
    ...base,
    kind: 'blocked',
    url: 'https://free-proxy.example/',
    category: 'proxy-vpn',
    rule: 'category proxy-vpn',
  };
}

async function run(message: WorkerRun): Promise<WorkerResult> {
  delivery = newHistogram();
  delivered = 0;
  lastDelivery = 0;
  sentAt.clear();
  const ackLatency = newHistogram();
  let sent = 0;
  let acked = 0;
  let refused = 0;
  let answered = 0;
  let lastAnswer = 0;
  let next = 0;
  const started = performance.now();
  let sending = true;

  const sendOne = (onAnswer?: () => void) => {
    const device = devices[next++ % devices.length]!;
    const event = makeEvent(sent);
    const at = performance.now();
    sentAt.set(event.id, at);
    sent++;
    device.timeout(ACK_TIMEOUT_MS).emit('event', event, (error: Error | null, answer?: { ok: boolean }) => {
      answered++;
      lastAnswer = performance.now();
      if (!error && answer?.ok) {
        acked++;
        ackLatency.recordValue(Math.max(1, Math.round((lastAnswer - at) * 1000)));
      } else refused++;
      onAnswer?.();
    });
  };

  if (message.mode === 'rate') {
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - started;
        const due = Math.min(
          Math.floor((elapsed / 1000) * message.rate),
          Math.floor((message.durationMs / 1000) * message.rate),
        );
        while (sent < due) sendOne();
        if (elapsed >= message.durationMs) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
  } else {
    const refill = () => {
      if (sending) sendOne(refill);
    };
    for (let i = 0; i < message.inFlight; i++) sendOne(refill);
    await new Promise((resolve) => setTimeout(resolve, message.durationMs));
    sending = false;
  }
  sending = false;
  const drainUntil = performance.now() + DRAIN_MS;
  while ((answered < sent || sentAt.size > 0) && performance.now() < drainUntil)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    type: 'result',
    sent,
    acked,
    refused,
    unanswered: sent - answered,
    delivered,
    deliveryLatency: encodeHistogram(delivery),
    ackLatency: encodeHistogram(ackLatency),
    seconds: (lastAnswer - started) / 1000,
    deliverySeconds: Math.max(0, lastDelivery - started) / 1000,
    disconnects,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every class teacher starts or stops watching (the relay has no such thing: nothing to do). */
async function watch(on: boolean) {
  if (setupMessage?.target !== 'waymark') return;
  await Promise.all(
    teachers.map(async ({ socket, classId }) => {
      const answer = (await socket.emitWithAck(on ? 'watch-class' : 'unwatch-class', { classId })) as {
        ok: boolean;
      };
      if (!answer.ok) throw new Error(`${on ? 'watch' : 'unwatch'}-class ${classId} refused`);
    }),
  );
}

/** Every device reconnects to the restarted server, as the extension would; timed until it is back. */
async function storm(message: WorkerStorm): Promise<WorkerStormed> {
  const { target, url } = setupMessage!;
  for (const socket of devices) socket.close();
  devices = [];
  const backLatency = newHistogram();
  const started = performance.now();
  const deadline = started + message.timeoutMs;
  let back = 0;
  let retries = 0;
  await Promise.all(
    setupMessage!.devices.map(async (device, i) => {
      await sleep(Math.random() * message.spreadMs);
      for (let attempt = 0; performance.now() < deadline; attempt++) {
        const socket = io(`${url}/device`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: deviceAuth(target, i, device),
        });
        // Back means holding its policy again (what keeps filtering right), or connected to the relay.
        const ready =
          target === 'waymark'
            ? new Promise<string | null>((resolve) => {
                socket.once('policy', () => resolve(null));
                socket.once('connect_error', (error) => resolve(error.message));
                socket.once('disconnect', (reason) => resolve(reason));
              })
            : connect(socket);
        const error = await Promise.race([
          ready,
          sleep(Math.max(0, deadline - performance.now())).then(() => 'timeout'),
        ]);
        if (error === null) {
          back++;
          backLatency.recordValue(Math.max(1, Math.round((performance.now() - started) * 1000)));
          devices.push(socket);
          return;
        }
        socket.close();
        retries++;
        // Socket.IO's own back-off: 1 s doubling to 5 s, each ±50 %.
        await sleep(Math.min(5000, 1000 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }),
  );
  return {
    type: 'stormed',
    devices: setupMessage!.devices.length,
    back,
    retries,
    backLatency: encodeHistogram(backLatency),
  };
}

process.on('message', (message: ToWorker) => {
  const task =
    message.type === 'setup'
      ? setup(message)
      : message.type === 'run'
        ? run(message).then(send)
        : message.type === 'storm'
          ? storm(message).then(send)
          : message.type === 'live'
            ? runLive(
                {
                  target: setupMessage!.target,
                  url: setupMessage!.url,
                  deviceClasses,
                  consoles: teachers,
                  background: run,
                },
                message,
              ).then(send)
            : message.type === 'watch'
              ? watch(message.on).then(() => send({ type: 'watched' }))
              : Promise.resolve().then(() => {
                  for (const socket of [...devices, ...consoles]) socket.close();
                  devices = [];
                  consoles = [];
                  setImmediate(() => process.exit(0));
                });
  task.catch((error: unknown) => send({ type: 'error', message: String((error as Error)?.stack ?? error) }));
});
