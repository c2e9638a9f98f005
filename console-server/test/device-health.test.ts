import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DeviceHealthReportSchema,
  type DeviceHardening,
  type DeviceHealthRow,
  type Profile,
} from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { devices } from '../src/db/schema';
import { createDeviceHealthService } from '../src/features/devices-and-enrollment/device-health';
import {
  apiCall,
  connectDevice,
  login,
  startTestServer,
  type DeviceClient,
  type TestServer,
} from './harness';

let server: TestServer;
let tech: string;
beforeAll(async () => {
  server = await startTestServer();
  tech = await login(server.url, 'tech@demo.waymark.test');
});
afterAll(() => server.close());

const call = (method: string, path: string, body?: unknown, cookie = tech) =>
  apiCall(server.url, cookie, method, path, body);

async function health() {
  const res = await call('GET', '/api/devices/health');
  expect(res.status).toBe(200);
  return DeviceHealthReportSchema.parse(res.body);
}
const row = (report: { devices: DeviceHealthRow[] }, name: string) => {
  const found = report.devices.find((d) => d.name === name);
  if (!found) throw new Error(`no device ${name} in the report`);
  return found;
};

/** What the extension sends after applying a policy, and every five minutes. */
function heartbeat(
  device: DeviceClient,
  profile: Profile,
  policyVersion: number,
  extensionVersion: string,
  hardening?: unknown,
) {
  return device.emitWithAck('event', {
    id: uuidv7(),
    kind: 'heartbeat',
    occurredAt: new Date().toISOString(),
    profile,
    policyVersion,
    extensionVersion,
    // Sent as given, junk included: the server's schema is under test.
    ...(hardening === undefined ? {} : { hardening: hardening as DeviceHardening }),
  });
}

async function enrol(name: string, extensionVersion: string, assetTag?: string) {
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    deviceName: name,
    extensionVersion,
    ...(assetTag ? { assetTag } : {}),
  });
  const { policy } = await device.policy;
  expect(await heartbeat(device, 'KS1', policy.version, extensionVersion)).toMatchObject({ ok: true });
  return device;
}

it('finds the device on an old extension and the one still on an old policy', async () => {
  const current = await enrol('Owls 01', '1.4.0', 'OWL-001');
  const oldExtension = await enrol('Owls 02', '1.3.2', 'OWL-002');
  const stale = await enrol('Owls 03', '1.4.0', 'OWL-003');
  stale.disconnect();
  // The server marks it offline when it hears the disconnect, after this returns: waited for, so
  // the report below cannot be read first.
  await expect.poll(async () => row(await health(), 'Owls 03').online).toBe(false);

  // The KS1 policy changes: connected devices get the new version and report applying it.
  const { body: ks1 } = await call('GET', '/api/policies/KS1');
  const edit = await call('PUT', '/api/policies/KS1', {
    policy: { ...ks1.body, allow: [...ks1.body.allow, 'www.topmarks.co.uk'] },
    reason: 'Topmarks maths games for Year 2',
  });
  expect(edit.status).toBe(200);
  const newVersion = edit.body.version as number;
  expect(newVersion).toBeGreaterThan(ks1.version);
  for (const device of [current, oldExtension]) {
    await heartbeat(device, 'KS1', newVersion, device === current ? '1.4.0' : '1.3.2');
  }

  const report = await health();
  expect(report.newestExtensionVersion).toBe('1.4.0');
  expect(report.currentPolicyVersions.KS1).toBe(newVersion);
  expect(row(report, 'Owls 01')).toMatchObject({
    online: true,
    profile: 'KS1',
    className: 'Year 2 (Owls)',
    assetTag: 'OWL-001',
    extensionVersion: '1.4.0',
    policyVersion: newVersion,
    currentPolicyVersion: newVersion,
    oldExtension: false,
    oldPolicy: false,
    silent: false,
  });
  expect(row(report, 'Owls 01').lastIp).toMatch(/127\.0\.0\.1/);
  expect(row(report, 'Owls 02')).toMatchObject({ oldExtension: true, oldPolicy: false });
  expect(row(report, 'Owls 03')).toMatchObject({
    online: false,
    oldExtension: false,
    oldPolicy: true,
    policyVersion: ks1.version,
  });
  expect(report.summary).toMatchObject({ oldExtension: 1, oldPolicy: 1, online: 2, devices: 3 });

  // A device that has not yet applied any policy is behind as well.
  const fresh = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
    deviceName: 'Kestrels 01',
    extensionVersion: '1.4.0',
  });
  await fresh.policy;
  expect(row(await health(), 'Kestrels 01')).toMatchObject({
    profile: 'KS2',
    policyVersion: null,
    oldPolicy: true,
  });

  // Back in use, it is sent the current policy; once it reports applying it, it is no longer counted.
  const back = await connectDevice(server.url, {
    deviceToken: (await stale.enrolled).deviceToken,
    deviceName: 'Owls 03',
    extensionVersion: '1.4.0',
  });
  await heartbeat(back, 'KS1', (await back.policy).policy.version, '1.4.0');
  expect(row(await health(), 'Owls 03')).toMatchObject({ online: true, oldPolicy: false });
  for (const device of [current, oldExtension, fresh, back]) device.disconnect();
});

it('counts devices silent during school hours, by school time missed, and tamper alerts', async () => {
  const device = await enrol('Owls 20', '1.4.0');
  const { deviceId } = await device.enrolled;
  const quiet = await enrol('Owls 21', '1.4.0');
  const { deviceId: quietId } = await quiet.enrolled;
  const tamper = await device.emitWithAck('event', {
    id: uuidv7(),
    kind: 'tamper',
    what: 'proxy-settings',
    detail: 'proxy set to 10.0.0.9:3128',
    url: null,
    occurredAt: new Date().toISOString(),
    profile: 'KS1',
    policyVersion: 1,
  });
  expect(tamper).toMatchObject({ ok: true });
  device.disconnect();
  quiet.disconnect();
  const { db } = server.app.services;
  await expect
    .poll(async () =>
      (await db.select().from(devices).where(eq(devices.schoolId, 'demo'))).filter(
        (d) => [deviceId, quietId].includes(d.id) && d.online,
      ),
    )
    .toEqual([]);
  // Wednesday 25 November 2026: Owls 20 last heard from at 10:00, Owls 21 at 10:20.
  await db
    .update(devices)
    .set({ lastSeenAt: new Date('2026-11-25T10:00:00Z') })
    .where(eq(devices.id, deviceId));
  await db
    .update(devices)
    .set({ lastSeenAt: new Date('2026-11-25T10:20:00Z') })
    .where(eq(devices.id, quietId));

  const healthAt = (iso: string) => createDeviceHealthService({ db }).report('demo', new Date(iso));
  const lesson = await healthAt('2026-11-25T10:30:00Z');
  expect(row(lesson, 'Owls 20')).toMatchObject({ silent: true, silentSchoolMinutes: 30 });
  expect(row(lesson, 'Owls 21')).toMatchObject({ silent: false, silentSchoolMinutes: 10 });
  expect(lesson.schoolHours).toMatchObject({ dayStart: '08:30', dayEnd: '15:30', silentAfterMinutes: 20 });
  // Still silent that evening (it missed the afternoon), and over the weekend.
  expect(row(await healthAt('2026-11-25T19:00:00Z'), 'Owls 21')).toMatchObject({ silent: true });
  expect(row(await healthAt('2026-11-28T12:00:00Z'), 'Owls 20').silentSchoolMinutes).toBe(330 + 2 * 420);

  const report = await health();
  expect(row(report, 'Owls 20')).toMatchObject({ tamperCount: 1, lastTamperWhat: 'proxy-settings' });
  expect(row(report, 'Owls 21').tamperCount).toBe(0);
  expect(report.summary.tamper).toBe(1);
});

it('a version published on this server makes every device running an older one out of date', async () => {
  const { db } = server.app.services;
  const published = await createDeviceHealthService({ db, publishedVersions: async () => ['99.0.0'] }).report(
    'demo',
  );
  expect(published.summary.devices).toBeGreaterThan(0);
  expect(published.newestExtensionVersion).toBe('99.0.0');
  expect(published.summary.oldExtension).toBe(published.summary.devices);
});

it('imports the expected-device inventory, reports bad lines by number, and shows who never enrolled', async () => {
  const bad = await call('POST', '/api/devices/expected/import', {
    csv: 'Asset Tag,Name,Room\nOWL-001,Owls 01,2B\n\n,No tag,2B\nOWL-009,"Owls\n09",2B\nowl-001,Duplicate,2B\nOWL-010\n',
  });
  expect(bad.status).toBe(400);
  expect(bad.body.problems).toEqual([
    { line: 4, error: 'asset_tag: asset_tag is empty' },
    { line: 7, error: 'asset_tag owl-001 is also on line 2' },
    { line: 8, error: 'name: name is empty' },
  ]);
  expect(bad.body.error).toMatch(/nothing was imported: 3 problems \(line 4/);
  expect((await call('GET', '/api/devices/expected')).body.devices).toEqual([]);

  const header = await call('POST', '/api/devices/expected/import', { csv: 'tag,device\nA,B\n' });
  expect(header.body.problems).toEqual([
    { line: 1, error: 'the header row needs asset_tag and name (found: tag, device)' },
  ]);
  expect((await call('POST', '/api/devices/expected/import', { csv: 'asset_tag,name\n' })).status).toBe(400);
  expect((await call('POST', '/api/devices/expected/import', { csv: '' })).body.error).toMatch(/csv/);

  const good = await call('POST', '/api/devices/expected/import', {
    csv: '\uFEFFasset_tag,name\r\nowl-001,Owls 01\r\nOWL-002,Owls 02\r\nOWL-404,Owls 04 (spare)\r\nLIB-7,Library 7\r\n',
  });
  expect(good).toMatchObject({ status: 200, body: { imported: 4 } });
  let report = await health();
  expect(report.summary).toMatchObject({ expected: 4, neverEnrolled: 2 });
  expect(report.neverEnrolled.map((d) => d.assetTag)).toEqual(['LIB-7', 'OWL-404']);

  // The library device enrolls: it is no longer missing.
  const library = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
    deviceName: 'Library 7',
    assetTag: 'lib-7',
  });
  await library.policy;
  library.disconnect();
  report = await health();
  expect(report.neverEnrolled.map((d) => d.assetTag)).toEqual(['OWL-404']);

  // A written-off device comes off the inventory; an import replaces the whole list.
  expect((await call('DELETE', '/api/devices/expected/owl-404')).status).toBe(200);
  expect((await call('DELETE', '/api/devices/expected/owl-404')).status).toBe(404);
  expect((await health()).summary).toMatchObject({ expected: 3, neverEnrolled: 0 });
  await call('POST', '/api/devices/expected/import', { csv: 'asset_tag,name\nNEW-1,New 1\n' });
  expect((await health()).neverEnrolled.map((d) => d.assetTag)).toEqual(['NEW-1']);
});

it('a token for a profile enrolls class-less devices into that profile', async () => {
  const classes = await call('GET', '/api/devices/classes');
  expect(classes.body.classes.map((c: { id: string }) => c.id)).toEqual(
    expect.arrayContaining(['class-reception', 'class-year2', 'class-year5']),
  );
  const both = await call('POST', '/api/devices/enrollment-tokens', {
    label: 'x',
    classId: 'class-year2',
    profile: 'staff',
  });
  expect(both).toMatchObject({ status: 400, body: { error: expect.stringMatching(/class or a profile/) } });

  const created = await call('POST', '/api/devices/enrollment-tokens', {
    label: 'Staff laptops',
    profile: 'staff',
    maxUses: 40,
  });
  expect(created.status).toBe(201);
  const laptop = await connectDevice(server.url, {
    enrollmentToken: created.body.token,
    deviceName: 'Staff laptop 1',
  });
  expect((await laptop.policy).policy.profile).toBe('staff');
  laptop.disconnect();
  const tokens = await call('GET', '/api/devices/enrollment-tokens');
  expect(tokens.body.tokens.find((t: { id: string }) => t.id === created.body.id)).toMatchObject({
    profile: 'staff',
    classId: null,
    uses: 1,
    maxUses: 40,
  });
  expect(row(await health(), 'Staff laptop 1')).toMatchObject({ profile: 'staff', className: null });
});

it('lists the hardening each device reports missing; an older extension’s silence keeps what was known', async () => {
  const locked = await enrol('Hardened laptop', '1.4.0');
  const loose = await enrol('Loose laptop', '1.4.0');
  const version = (await locked.policy).policy.version;
  const all = { forceInstalled: true, proxyLocked: true, policyFile: true };
  expect(await heartbeat(locked, 'KS1', version, '1.4.0', all)).toMatchObject({ ok: true });
  const partly = { forceInstalled: true, proxyLocked: false, policyFile: false };
  expect(await heartbeat(loose, 'KS1', version, '1.4.0', partly)).toMatchObject({ ok: true });
  let report = await health();
  expect(row(report, 'Hardened laptop')).toMatchObject({ hardening: all, missingHardening: [] });
  expect(row(report, 'Loose laptop')).toMatchObject({
    hardening: partly,
    missingHardening: ['proxyLocked', 'policyFile'],
  });
  expect(report.summary.missingHardening).toBeGreaterThanOrEqual(1);
  await heartbeat(loose, 'KS1', version, '1.4.0');
  report = await health();
  expect(row(report, 'Loose laptop').missingHardening).toEqual(['proxyLocked', 'policyFile']);
  // Junk is refused, with the field named.
  const junk = await heartbeat(loose, 'KS1', version, '1.4.0', { proxyLocked: 'yes' });
  expect(junk).toMatchObject({ ok: false, code: 'invalid-event' });
  expect((junk as { error: string }).error).toMatch(/hardening\.proxyLocked/);
  locked.disconnect();
  loose.disconnect();
});

it('only technicians see device health and the inventory', async () => {
  for (const email of ['dsl@demo.waymark.test', 'teacher@demo.waymark.test', 'governor@demo.waymark.test']) {
    const cookie = await login(server.url, email);
    expect((await call('GET', '/api/devices/health', undefined, cookie)).status).toBe(403);
    expect((await call('GET', '/api/devices/classes', undefined, cookie)).status).toBe(403);
    expect(
      (await call('POST', '/api/devices/expected/import', { csv: 'asset_tag,name\nA,B\n' }, cookie)).status,
    ).toBe(403);
    expect((await call('DELETE', '/api/devices/expected/NEW-1', undefined, cookie)).status).toBe(403);
  }
  expect((await call('GET', '/api/devices/health', undefined, '')).status).toBe(401);
});

it('junk to the inventory import gets a 400 that says what was wrong', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.jsonValue(),
        fc.record({ csv: fc.string() }),
        fc.record({
          csv: fc.array(fc.array(fc.string()).map((cells) => cells.join(','))).map((l) => l.join('\n')),
        }),
      ),
      async (junk) => {
        const res = await call('POST', '/api/devices/expected/import', junk);
        if (res.status === 200) {
          expect(res.body.imported).toBeGreaterThan(0);
          return;
        }
        expect(res.status).toBe(400);
        expect(typeof res.body.error).toBe('string');
      },
    ),
    { numRuns: 60 },
  );
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
});
