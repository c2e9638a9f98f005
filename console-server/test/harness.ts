import { io as connect, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { createAdapter } from '@socket.io/postgres-adapter';
import {
  PROTOCOL_VERSION,
  type ConsoleClientToServerEvents,
  type ConsoleServerToClientEvents,
  type DeviceClientToServerEvents,
  type DeviceServerToClientEvents,
  type DeviceEventInput,
  type EnrolledMessage,
  type PolicyMessage,
  type ScreensMessage,
  type WatchingMessage,
} from '@waymark/shared';
import {
  createApplication,
  openPglite,
  openPostgres,
  seedDemoSchool,
  DEMO_PASSWORD,
  type Application,
  type ApplicationOptions,
} from '../src';
import { loadConfig } from '../src/config';

export interface TestServer {
  app: Application;
  url: string;
  close(): Promise<void>;
}

/**
 * A real PGlite database (in memory, or in `dataDir`), started from the run's migrated template
 * when there is one (WAYMARK_PGLITE_TEMPLATE, made by pglite-template.setup.ts).
 */
export function openTestPglite(dataDir: string | null = null) {
  return openPglite(dataDir, { loadDataDir: loadConfig().pgliteTemplate });
}

/** A real server on a free port, over a real (in-memory) PGlite database seeded with the demo school. */
export async function startTestServer(
  dataDir: string | null = null,
  options: Omit<ApplicationOptions, 'db'> = {},
): Promise<TestServer> {
  const database = await openTestPglite(dataDir);
  await seedDemoSchool(database.db);
  const app = createApplication({ ...options, db: database.db });
  const port = await app.listen(0, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function login(url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export type ConsoleSocket = Socket<ConsoleServerToClientEvents, ConsoleClientToServerEvents>;
export type DeviceSocket = Socket<DeviceServerToClientEvents, DeviceClientToServerEvents>;

export function connectConsole(url: string, cookie: string): Promise<ConsoleSocket> {
  const socket: ConsoleSocket = connect(`${url}/console`, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export interface DeviceClient extends DeviceSocket {
  /** What the server sent on connecting; listened for before connecting, so nothing is missed. */
  enrolled: Promise<EnrolledMessage>;
  policy: Promise<PolicyMessage>;
  /** The first `watching` the server sent; it can arrive in the same read as `enrolled`, so it is listened for from the start. */
  watching: Promise<WatchingMessage>;
  /** The first `screens` the server sent (every device of a class is told on connecting, `send: false` when none is shown). */
  screens: Promise<ScreensMessage>;
  /** Every `screens` the server sent, from the start. */
  screensHeard: ScreensMessage[];
}

/**
 * A device socket, connected. `listen` attaches the test's own listeners before it connects: what
 * the server sends on connecting (a missed action, `watching`, `screens`) can arrive in the same
 * read as the connect packet, before anything awaiting this promise runs.
 */
export function connectDevice(
  url: string,
  auth: Record<string, unknown> = {},
  listen: (socket: DeviceClient) => void = () => {},
): Promise<DeviceClient> {
  const socket = connect(`${url}/device`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: {
      protocolVersion: PROTOCOL_VERSION,
      deviceName: 'Test Chromebook',
      extensionVersion: '0.1.0',
      ...auth,
    },
  }) as DeviceClient;
  socket.enrolled = new Promise((resolve) => socket.once('enrolled', resolve));
  socket.policy = new Promise((resolve) => socket.once('policy', resolve));
  socket.watching = new Promise((resolve) => socket.once('watching', resolve));
  socket.screens = new Promise((resolve) => socket.once('screens', resolve));
  socket.screensHeard = [];
  socket.on('screens', (m) => socket.screensHeard.push(m));
  listen(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export function blockedEvent(overrides: Partial<DeviceEventInput> = {}): DeviceEventInput {
  return {
    id: uuidv7(),
    kind: 'blocked',
    occurredAt: new Date().toISOString(),
    profile: 'KS1',
    policyVersion: 1,
    url: 'https://games.example/play',
    category: null,
    rule: 'not on the KS1 allow-list',
    ...overrides,
  } as DeviceEventInput;
}

/** The next event a console hears; as long as `expect.poll` waits (the config's 15 s), for a busy machine. */
export function nextEvent<T>(
  socket: { once: (name: 'event', fn: (e: T) => void) => unknown },
  ms = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no event arrived')), ms);
    socket.once('event', (e: T) => {
      clearTimeout(timer);
      resolve(e);
    });
  });
}

export { startServerProcess, type ServerProcess } from './server-process';
export { freshDatabase, postgresAvailable, TEST_DATABASE_URL, type FreshDatabase } from './postgres';
export { freshRedisStream, redisAvailable, TEST_REDIS_URL } from './redis';
export { seedLoadFixture, type LoadFixture } from './load-fixture';
export { roomSharing, startProcessPair, type ProcessPair } from './process-pair';

/**
 * A real server in this process over PostgreSQL (seeded with the demo school once per database),
 * with the Socket.IO PostgreSQL adapter: several of these on one database act as one deployment.
 */
export async function startPostgresTestServer(
  databaseUrl: string,
  options: Omit<ApplicationOptions, 'db' | 'adapter'> = {},
): Promise<TestServer> {
  const database = await openPostgres(databaseUrl, { poolSize: 5 });
  await database.exclusive(() => seedDemoSchool(database.db));
  const app = createApplication({ ...options, db: database.db, adapter: createAdapter(database.pool!) });
  const port = await app.listen(0, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

// Tests read the API's JSON answers loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;

/** A signed-in staff member's JSON call to the API, with the CSRF header; the status and parsed body. */
export async function apiCall(
  baseUrl: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: JsonBody }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-requested-with': 'waymark',
      cookie,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}
export { startWebhookReceiver, type ReceivedHook } from './webhook-receiver';
