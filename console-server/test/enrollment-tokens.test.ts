import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCall, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
let tech: string;
beforeAll(async () => {
  server = await startTestServer();
  tech = await login(server.url, 'tech@demo.waymark.test');
});
afterAll(() => server.close());

const post = (path: string, body: unknown, cookie = tech) => apiCall(server.url, cookie, 'POST', path, body);

it('a technician creates a token limited in uses, devices enroll with it, and it stops at the limit', async () => {
  const created = await post('/api/devices/enrollment-tokens', {
    label: 'Trolley B',
    classId: 'class-year5',
    maxUses: 2,
    expiresInDays: 30,
  });
  expect(created.status).toBe(201);
  const token = created.body.token as string;
  for (let i = 0; i < 2; i++) {
    const device = await connectDevice(server.url, { enrollmentToken: token, deviceName: `Trolley B ${i}` });
    expect((await device.policy).className).toBe('Year 5 (Kestrels)');
    device.disconnect();
  }
  await expect(connectDevice(server.url, { enrollmentToken: token })).rejects.toThrow(/used up/);
  const list = await fetch(`${server.url}/api/devices/enrollment-tokens`, { headers: { cookie: tech } }).then(
    (r) => r.json(),
  );
  expect(list.tokens.find((t: { id: string }) => t.id === created.body.id)).toMatchObject({
    uses: 2,
    maxUses: 2,
  });
  expect(JSON.stringify(list)).not.toContain(token);
  const devices = await fetch(`${server.url}/api/devices`, { headers: { cookie: tech } }).then((r) =>
    r.json(),
  );
  expect(devices.devices.map((d: { name: string }) => d.name)).toEqual(
    expect.arrayContaining(['Trolley B 0', 'Trolley B 1']),
  );
});

it('a revoked token enrolls nothing; enrolled devices keep their own tokens', async () => {
  const created = await post('/api/devices/enrollment-tokens', { label: 'Library' });
  const device = await connectDevice(server.url, { enrollmentToken: created.body.token });
  const { deviceToken } = await device.enrolled;
  device.disconnect();
  expect((await post(`/api/devices/enrollment-tokens/${created.body.id}/revoke`, {})).status).toBe(200);
  await expect(connectDevice(server.url, { enrollmentToken: created.body.token })).rejects.toThrow(/revoked/);
  const again = await connectDevice(server.url, { deviceToken, enrollmentToken: created.body.token });
  await again.policy;
  again.disconnect();
  expect((await post(`/api/devices/enrollment-tokens/${created.body.id}/revoke`, {})).status).toBe(404);
});

it('only technicians; junk gets a 400', async () => {
  const dsl = await login(server.url, 'dsl@demo.waymark.test');
  expect((await post('/api/devices/enrollment-tokens', { label: 'x' }, dsl)).status).toBe(403);
  expect((await post('/api/devices/enrollment-tokens', { label: '' })).status).toBe(400);
  expect(
    (await post('/api/devices/enrollment-tokens', { label: 'x', classId: 'class-nope' })).body.error,
  ).toMatch(/classId/);
});
