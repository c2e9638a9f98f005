import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { PolicyMessage } from '@waymark/shared';
import { createApplication, DEMO_ENROLLMENT_TOKENS, seedDemoSchool, type Application } from '../src';
import type { OpenDatabase } from '../src/db/open-database';
import { classes, devices, pupils } from '../src/db/schema';
import { apiCall, connectDevice, login, openTestPglite } from './harness';

/**
 * A known device's connection reads its device, school, pass, pupil and home group in one query,
 * and the devices connecting together are written in one statement (docs/architecture.md,
 * "Connection set-up reads"): each device still gets its own record, and nothing read at one
 * connection is kept for the next.
 */
let database: OpenDatabase;
let app: Application;
let url: string;
beforeAll(async () => {
  database = await openTestPglite();
  await seedDemoSchool(database.db);
  app = createApplication({ db: database.db });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const YEAR5 = ['george.hall', 'freya.green', 'jacob.wood', 'evie.clarke', 'oscar.turner', 'lily.hill'].map(
  (name) => `${name}@pupils.demo.waymark.test`,
);

async function enroll(user: string) {
  const device = await connectDevice(url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5, user });
  const { deviceId, deviceToken } = await device.enrolled;
  await device.policy;
  device.disconnect();
  return { deviceId, deviceToken, user };
}

it('devices reconnecting together each get their own pupil’s policy and their own record', async () => {
  const enrolled: Array<Awaited<ReturnType<typeof enroll>>> = [];
  for (const user of YEAR5) enrolled.push(await enroll(user));
  await expect
    .poll(async () =>
      (
        await database.db
          .select({ online: devices.online })
          .from(devices)
          .where(
            inArray(
              devices.id,
              enrolled.map((d) => d.deviceId),
            ),
          )
      ).every((d) => !d.online),
    )
    .toBe(true);

  // All at once, each with another user than it enrolled with: the record must follow each one.
  const users = [...YEAR5.slice(1), YEAR5[0]!];
  const storm = await Promise.all(
    enrolled.map((d, i) =>
      connectDevice(url, { deviceToken: d.deviceToken, user: users[i], extensionVersion: `1.0.${i}` }),
    ),
  );
  const policies = await Promise.all(storm.map((device) => device.policy));
  for (const message of policies) {
    expect(message.policy.profile).toBe('KS2');
    expect(message.className).toBe('Year 5 (Kestrels)');
  }
  const rows = await database.db
    .select()
    .from(devices)
    .where(
      inArray(
        devices.id,
        enrolled.map((d) => d.deviceId),
      ),
    );
  enrolled.forEach((d, i) => {
    expect(rows.find((r) => r.id === d.deviceId)).toMatchObject({
      online: true,
      lastUser: users[i],
      extensionVersion: `1.0.${i}`,
      enforcedProfile: 'KS2',
      lastIp: '127.0.0.1',
    });
  });
  for (const device of storm) device.disconnect();
});

it('a reconnecting device reads its pupil, group and policy afresh: a change between connections is never served stale', async () => {
  const user = 'arlo.scott@pupils.demo.waymark.test';
  const { deviceToken } = await enroll(user);
  const first = await connectDevice(url, { deviceToken, user });
  const before = await first.policy;
  expect(before).toMatchObject({ className: 'Year 5 (Kestrels)', policy: { profile: 'KS2' } });
  first.disconnect();

  // The pupil moves to Year 2: the home group read with the device is the new one.
  await database.db.update(pupils).set({ classId: 'class-year2' }).where(eq(pupils.email, user));
  const moved = await connectDevice(url, { deviceToken, user });
  expect(await moved.policy).toMatchObject({ className: 'Year 2 (Owls)', policy: { profile: 'KS1' } });
  moved.disconnect();

  // Year 2's profile is overridden, then the DSL edits that profile's policy between connections.
  await database.db.update(classes).set({ profileOverride: 'KS3' }).where(eq(classes.id, 'class-year2'));
  const dsl = await login(url, 'dsl@demo.waymark.test');
  const { body: current } = await apiCall(url, dsl, 'GET', '/api/policies/KS3');
  const edited = await apiCall(url, dsl, 'PUT', '/api/policies/KS3', {
    policy: { ...current.body, allow: [...current.body.allow, 'scratch.mit.edu'] },
    reason: 'a new site for the reconnect test',
  });
  expect(edited.status).toBe(200);
  const again = await connectDevice(url, { deviceToken, user });
  const after: PolicyMessage = await again.policy;
  expect(after).toMatchObject({ className: 'Year 2 (Owls)', policy: { profile: 'KS3' } });
  expect(after.policy.version).toBe(edited.body.version);
  expect(after.policy.allow).toContain('scratch.mit.edu');
  again.disconnect();
  await database.db.update(classes).set({ profileOverride: null }).where(eq(classes.id, 'class-year2'));
});
