import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
let tech: string;
beforeAll(async () => {
  server = await startTestServer();
  tech = await login(server.url, 'tech@demo.waymark.test');
});
afterAll(() => server.close());

async function online(deviceId: string): Promise<boolean> {
  const { body } = await apiCall(server.url, tech, 'GET', '/api/devices');
  return body.devices.find((d: { id: string }) => d.id === deviceId).online;
}

it('a device whose old connection drops after it has reconnected stays online', async () => {
  const first = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  const { deviceId, deviceToken } = await first.enrolled;
  await first.policy;
  const second = await connectDevice(server.url, { deviceToken });
  await second.policy;

  const closed = new Promise((resolve) => first.once('disconnect', resolve));
  first.disconnect();
  await closed;
  // A round trip on the live connection after the old one closed: the server has seen it go.
  await second.emitWithAck('event', blockedEvent());
  expect(await online(deviceId)).toBe(true);

  second.disconnect();
  await expect.poll(() => online(deviceId)).toBe(false);
});

it('a close recorded after the device was seen again (on another process) does not mark it offline', async () => {
  const { deviceService } = server.app.services;
  const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  const { deviceId } = await device.enrolled;
  const [seen] = (await deviceService.list('demo')).filter((d) => d.id === deviceId);
  expect(seen!.online).toBe(true);

  // The old process learns of its closed connection only after the device has connected again
  // elsewhere: its last-seen time is later than the close.
  await deviceService.markOffline(deviceId, new Date(seen!.lastSeenAt!.getTime() - 1000));
  expect(await online(deviceId)).toBe(true);

  // Its own close still marks it offline.
  device.disconnect();
  await expect.poll(() => online(deviceId)).toBe(false);
});
