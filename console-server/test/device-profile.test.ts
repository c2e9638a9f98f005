import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  apiCall,
  connectConsole,
  connectDevice,
  login,
  nextEvent,
  startTestServer,
  type TestServer,
} from './harness';

let server: TestServer;
let tech: string;
beforeAll(async () => {
  server = await startTestServer();
  tech = await login(server.url, 'tech@demo.waymark.test');
});
afterAll(() => server.close());

it('a device that claims another profile gets its class’s policy, and the class’s teacher sees a tamper event', async () => {
  const teacher = await connectConsole(server.url, await login(server.url, 'teacher@demo.waymark.test'));
  await teacher.emitWithAck('watch-class', { classId: 'class-year2' });
  const reported = nextEvent<StoredEvent>(teacher);
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    fixedProfile: 'staff',
  });
  expect((await device.policy).policy.profile).toBe('KS1');
  expect(await reported).toMatchObject({
    kind: 'tamper',
    severity: 'high',
    profile: 'KS1',
    className: 'Year 2 (Owls)',
    details: {
      what: 'profile-claim',
      detail:
        'the device asked for the staff profile; it enforces KS1, from the device’s class Year 2 (Owls)',
    },
  });
  // Reconnecting with its own token changes nothing: the claim is refused every time.
  const { deviceToken } = await device.enrolled;
  device.disconnect();
  const again = nextEvent<StoredEvent>(teacher);
  const back = await connectDevice(server.url, { deviceToken, fixedProfile: 'KS5' });
  expect((await back.policy).policy.profile).toBe('KS1');
  expect((await again).details).toMatchObject({ what: 'profile-claim' });
  back.disconnect();
  teacher.disconnect();
});

it('a claim that agrees with the school’s records is no tamper; a token’s profile is the device record', async () => {
  const created = await apiCall(server.url, tech, 'POST', '/api/devices/enrollment-tokens', {
    label: 'KS4 library laptops',
    profile: 'KS4',
  });
  const agrees = await connectDevice(server.url, {
    enrollmentToken: created.body.token,
    deviceName: 'Library 1',
    fixedProfile: 'KS4',
  });
  expect((await agrees.policy).policy.profile).toBe('KS4');
  const claims = await connectDevice(server.url, {
    enrollmentToken: created.body.token,
    deviceName: 'Library 2',
    fixedProfile: 'staff',
  });
  expect((await claims.policy).policy.profile).toBe('KS4');

  const health = async () =>
    (await apiCall(server.url, tech, 'GET', '/api/devices/health')).body.devices as Array<{
      name: string;
      profile: string;
      tamperCount: number;
      lastTamperWhat: string | null;
    }>;
  // The server records the refusal before it sends the policy.
  const rows = await health();
  expect(rows.find((d) => d.name === 'Library 2')).toMatchObject({
    profile: 'KS4',
    tamperCount: 1,
    lastTamperWhat: 'profile-claim',
  });
  expect(rows.find((d) => d.name === 'Library 1')).toMatchObject({ profile: 'KS4', tamperCount: 0 });
  agrees.disconnect();
  claims.disconnect();
});
