import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { connectConsole, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
let dsl: string;
beforeAll(async () => {
  server = await startTestServer();
  dsl = await login(server.url, 'dsl@demo.waymark.test');
});
afterAll(() => server.close());

/** Every route that takes a body, with a real id where the path needs one. */
const ROUTES: Array<[string, string]> = [
  ['POST', '/api/auth/login'],
  ['POST', '/api/requests/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/decision'],
  ['POST', '/api/classes/class-year2/overrides'],
  ['POST', '/api/classes/class-year2/overrides/nope/end'],
  ['POST', '/api/incidents'],
  ['POST', '/api/incidents/from-events'],
  ['POST', '/api/incidents/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/changes'],
  ['POST', '/api/policies/test-url'],
  ['PUT', '/api/policies/KS1'],
  ['POST', '/api/devices/enrollment-tokens'],
  ['POST', '/api/incidents/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/countersign'],
  ['POST', '/api/policies/category-lists/import'],
  ['POST', '/api/policies/keyword-lists/import'],
  ['POST', '/api/staff'],
  ['POST', '/api/classes/import'],
  ['POST', '/api/data-protection/pupils/x@demo.waymark.test/erase'],
];

const RUNS = 25;

describe('junk on every entry point gets a clear error, and the server keeps serving', () => {
  it.each(ROUTES)('%s %s', async (method, url) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string()), async (junk) => {
        const res = await fetch(`${server.url}${url}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie: dsl },
          body: typeof junk === 'string' ? junk : JSON.stringify(junk),
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { error?: unknown };
        expect(typeof body.error).toBe('string');
      }),
      { numRuns: RUNS },
    );
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('device events', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (junk) => {
        const ack = await device.timeout(5000).emitWithAck('event', junk as never);
        expect(ack).toMatchObject({ ok: false });
      }),
      { numRuns: 100 },
    );
    device.disconnect();
  });

  it('device handshakes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (auth) => {
        await expect(connectDevice(server.url, auth)).rejects.toThrow();
      }),
      { numRuns: 30 },
    );
  });

  it('console socket events', async () => {
    const socket = await connectConsole(server.url, dsl);
    await fc.assert(
      fc.asyncProperty(
        fc.anything(),
        fc.constantFrom('watch-class', 'unwatch-class'),
        async (junk, event) => {
          const ack = await socket.timeout(5000).emitWithAck(event as 'watch-class', junk as never);
          expect(typeof ack.ok).toBe('boolean');
          if (!ack.ok) expect(typeof ack.error).toBe('string');
        },
      ),
      { numRuns: 100 },
    );
    socket.disconnect();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
