import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { connectDevice, startTestServer, type TestServer } from './harness';

const DEVICES = 40;

let server: TestServer;
beforeAll(async () => {
  // Two at a time: a storm of forty is twenty times the limit.
  server = await startTestServer(null, { deviceSetupConcurrency: 2 });
});
afterAll(() => server.close());

it('devices connecting all at once (a restart) each get their policy, set up a few at a time', async () => {
  const tokens: string[] = [];
  for (let i = 0; i < DEVICES; i++) {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    tokens.push((await device.enrolled).deviceToken);
    await device.policy;
    device.disconnect();
  }

  const storm = await Promise.all(tokens.map((deviceToken) => connectDevice(server.url, { deviceToken })));
  const policies = await Promise.all(storm.map((device) => device.policy));
  expect(policies).toHaveLength(DEVICES);
  for (const message of policies) expect(message.policy.version).toBe(policies[0]!.policy.version);
  for (const device of storm) device.disconnect();
});
