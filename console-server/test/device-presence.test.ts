import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { connectDevice, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('a connection closing on one process does not mark offline a device already back on another', async () => {
  const { deviceService } = server.app.services;
  const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  const { deviceId } = await device.enrolled;
  const [before] = (await deviceService.list('demo')).filter((d) => d.id === deviceId);
  expect(before!.online).toBe(true);

  // The old process learns of the closed connection only after the device has connected again
  // elsewhere (its last-seen time is now later than the close).
  const closedBeforeReconnect = new Date(before!.lastSeenAt!.getTime() - 1000);
  await deviceService.markOffline(deviceId, closedBeforeReconnect);
  const [after] = (await deviceService.list('demo')).filter((d) => d.id === deviceId);
  expect(after!.online).toBe(true);

  // Its own close still marks it offline.
  device.disconnect();
  await expect
    .poll(async () => (await deviceService.list('demo')).find((d) => d.id === deviceId)!.online)
    .toBe(false);
});
