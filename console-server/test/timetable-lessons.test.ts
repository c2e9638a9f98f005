import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ClassRoster, PolicyMessage } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { classes } from '../src/db/schema';
import {
  apiCall,
  connectConsole,
  connectDevice,
  login,
  startTestServer,
  type DeviceClient,
  type TestServer,
} from './harness';
import { makeBundle, pupilEmail, SECONDARY } from './oneroster-fixture';

// docs/architecture.md, "Teaching groups and the timetable": the timetable decides each pupil's
// lesson; the clock is the test's, moved across the period boundary instead of waited for.
let server: TestServer;
let admin: string;
let dsl: string;
let now = new Date('2026-11-23T09:10:00Z'); // Monday, 09:10 in London (GMT)
const ids = new Map<string, string>();
const DOMAIN = 'pupils.timetable.test';

beforeAll(async () => {
  server = await startTestServer(null, { lessonTimer: false, clock: () => now });
  admin = await login(server.url, 'admin@demo.waymark.test');
  dsl = await login(server.url, 'dsl@demo.waymark.test');
  // 28 pupils (Years 7 to 13), 7 form groups and 10 sets; pupil 0 is in form-0 and sets 0, 3, 4, 7, 8;
  // the even pupils are in set-0, the odd ones in set-1.
  const files = makeBundle({ ...SECONDARY, pupils: 28, staff: 4, groups: 17, domain: DOMAIN });
  expect((await apiCall(server.url, admin, 'POST', '/api/roster/oneroster/apply', { files })).status).toBe(
    200,
  );
  for (const row of await server.app.services.db.select().from(classes))
    if (row.externalId) ids.set(row.externalId, row.id);
  const timetable = [
    'week,day,period,start,end,group,teacher_email,room',
    ',Mon,P1,09:00,10:00,set-0,teacher3@uwchradd.test,S1',
    ',Mon,P1,09:00,10:00,set-1,teacher@demo.waymark.test,S2',
    ',Mon,P2,10:00,11:00,set-3,teacher2@uwchradd.test,Lab 2',
    'B,Mon,P3,11:00,12:00,set-4,,S4',
  ].join('\n');
  const res = await apiCall(server.url, admin, 'POST', '/api/roster/timetable/apply', { csv: timetable });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ applied: true, counts: { lessons: 4 } });
});
afterAll(() => server.close());

const roster = async (externalId: string) =>
  (await apiCall(server.url, dsl, 'GET', `/api/classes/${ids.get(externalId)}/roster`)).body as ClassRoster;

function nextPolicy(device: DeviceClient): Promise<PolicyMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no policy arrived')), 10_000);
    device.once('policy', (message) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}

describe('a timetabled school day', () => {
  let device: DeviceClient;

  it('puts a pupil in the group of their lesson now, and its live class shows only the pupils timetabled to it', async () => {
    device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: pupilEmail(0, DOMAIN),
    });
    const policy = await device.policy;
    expect(policy.classIds).toEqual([ids.get('set-0')]);
    expect(policy.className).toBe('Set 1');
    expect(policy.policy.profile).toBe('KS3');

    const set0 = await roster('set-0');
    expect(set0.lesson).toMatchObject({ source: 'timetable', room: 'S1', period: 'P1', inTimetable: true });
    // In the server's time (events are counted from the lesson's start): 50 minutes left.
    expect(Date.parse(set0.lesson.endsAt!) - Date.parse(set0.asOf)).toBe(50 * 60_000);
    const emails = set0.pupils.map((p) => p.email);
    expect(emails).toContain(pupilEmail(0, DOMAIN));
    expect(emails).toHaveLength(14);
    expect(emails.every((e) => Number(/pupil(\d+)@/.exec(e!)![1]) % 2 === 0)).toBe(true);
    // Pupil 0's device is on its tile.
    expect(set0.pupils.find((p) => p.email === pupilEmail(0, DOMAIN))!.devices).toHaveLength(1);
    // Set 3 has no lesson now: none of its pupils is at home in it.
    expect((await roster('set-3')).pupils).toEqual([]);
  });

  it('at the period boundary, moves the device from the focus lesson to the next group’s open lesson', async () => {
    const focusing = nextPolicy(device);
    const focus = await apiCall(server.url, dsl, 'POST', `/api/classes/${ids.get('set-0')}/overrides`, {
      kind: 'focus',
      sites: ['focus.example'],
    });
    expect(focus.status).toBe(201);
    const focused = await focusing;
    expect(focused.policy.overrides.map((o) => o.kind)).toEqual(['focus']);
    // Set 3's pupils are not in its lesson yet: its override reaches no device now.
    expect(
      (
        await apiCall(server.url, dsl, 'POST', `/api/classes/${ids.get('set-3')}/overrides`, {
          kind: 'open',
          sites: ['open.example'],
        })
      ).status,
    ).toBe(201);

    const teacherConsole = await connectConsole(server.url, dsl);
    expect((await teacherConsole.emitWithAck('watch-class', { classId: ids.get('set-0')! })).ok).toBe(true);
    const changed = new Promise<{ classId: string }>((resolve) =>
      teacherConsole.once('lesson-changed', resolve),
    );

    now = new Date('2026-11-23T10:00:00Z');
    const moved = nextPolicy(device);
    expect(await server.app.services.lessonTick()).toBeGreaterThanOrEqual(1);
    const policy = await moved;
    expect(policy.classIds).toEqual([ids.get('set-3')]);
    expect(policy.policy.overrides.map((o) => [o.kind, o.sites])).toEqual([['open', ['open.example']]]);
    expect(await changed).toEqual({ classId: ids.get('set-0') });
    teacherConsole.disconnect();

    expect((await roster('set-0')).pupils).toEqual([]);
    const set3 = await roster('set-3');
    expect(set3.lesson).toMatchObject({ source: 'timetable', room: 'Lab 2', period: 'P2' });
    expect(set3.pupils.map((p) => p.email)).toContain(pupilEmail(0, DOMAIN));
    // Nothing moved: another tick sends nothing.
    expect(await server.app.services.lessonTick()).toBe(0);
  });

  it('a session a teacher starts beats the timetable, and the other group’s live class says so', async () => {
    now = new Date('2026-11-23T10:10:00Z');
    const form = ids.get('form-0')!;
    const moved = nextPolicy(device);
    const res = await apiCall(server.url, dsl, 'POST', `/api/classes/${form}/session`, { minutes: 20 });
    expect(res.status).toBe(201);
    expect((await moved).classIds).toEqual([form]);
    const set3 = await roster('set-3');
    expect(set3.pupils.map((p) => p.email)).not.toContain(pupilEmail(0, DOMAIN));
    expect(set3.elsewhere).toContainEqual({
      name: 'Pupil Number 0',
      email: pupilEmail(0, DOMAIN),
      className: '7F1',
      source: 'session',
    });
    expect((await roster('form-0')).lesson.source).toBe('session');

    const back = nextPolicy(device);
    expect((await apiCall(server.url, dsl, 'POST', `/api/classes/${form}/session/end`)).status).toBe(200);
    expect((await back).classIds).toEqual([ids.get('set-3')]);
  });

  it('follows week A and B of a two-week timetable, and stops on holidays', async () => {
    // 11:00: set-4's lesson is in week B only.
    now = new Date('2026-11-23T11:10:00Z');
    const home = nextPolicy(device);
    await server.app.services.lessonTick();
    expect((await home).classIds).toEqual([ids.get('form-0')]);

    const weekB = nextPolicy(device);
    // The week of 16 November is week A, so the 23rd is week B.
    const calendar = await apiCall(server.url, admin, 'PUT', '/api/roster/calendar', {
      entries: [{ kind: 'term', name: 'Autumn', startsOn: '2026-09-01', endsOn: '2026-12-18' }],
      timetableWeeks: 2,
      timetableWeekOne: '2026-11-16',
    });
    expect(calendar.status).toBe(200);
    expect((await weekB).classIds).toEqual([ids.get('set-4')]);

    const holiday = nextPolicy(device);
    expect(
      (
        await apiCall(server.url, admin, 'PUT', '/api/roster/calendar', {
          entries: [
            { kind: 'term', name: 'Autumn', startsOn: '2026-09-01', endsOn: '2026-12-18' },
            { kind: 'holiday', name: 'INSET day', startsOn: '2026-11-23', endsOn: '2026-11-23' },
          ],
          timetableWeeks: 2,
          timetableWeekOne: '2026-11-16',
        })
      ).status,
    ).toBe(200);
    expect((await holiday).classIds).toEqual([ids.get('form-0')]);
    device.disconnect();
  });

  it('a group’s profile override applies in its lessons (a sixth-form set on KS5)', async () => {
    now = new Date('2026-11-30T10:10:00Z'); // Monday of week A, P2: set-3
    await apiCall(server.url, admin, 'PUT', '/api/roster/calendar', {
      entries: [],
      timetableWeeks: 1,
      timetableWeekOne: null,
    });
    const patched = await apiCall(server.url, admin, 'PATCH', `/api/roster/groups/${ids.get('set-3')}`, {
      profileOverride: 'KS5',
    });
    expect(patched.status).toBe(200);
    const again = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: pupilEmail(0, DOMAIN),
    });
    const policy = await again.policy;
    expect(policy.classIds).toEqual([ids.get('set-3')]);
    expect(policy.policy.profile).toBe('KS5');
    again.disconnect();
  });

  it('a teacher of a set may watch it and raise incidents about its pupils (not those who left)', async () => {
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    const listed = (await apiCall(server.url, teacher, 'GET', '/api/classes')).body as {
      classes: Array<{ id: string; pupilCount: number }>;
    };
    expect(listed.classes.find((c) => c.id === ids.get('set-1'))?.pupilCount).toBe(14);
    const directory = (await apiCall(server.url, teacher, 'GET', '/api/incidents/directory')).body as {
      pupils: Array<{ email: string }>;
    };
    const emails = directory.pupils.map((p) => p.email);
    expect(emails).toContain(pupilEmail(1, DOMAIN));
    expect(emails).not.toContain(pupilEmail(0, DOMAIN)); // pupil 0 is in set-0, not set-1
  });

  it('rejects a timetable with bad lines, by number, and keeps the old one', async () => {
    const res = await apiCall(server.url, admin, 'POST', '/api/roster/timetable/apply', {
      csv: [
        'week,day,period,start,end,group,teacher_email,room',
        ',Mon,P1,09:00,10:00,set-0,,',
        ',Funday,P1,09:00,10:00,set-0,,',
        ',Mon,P1,09:30,10:30,set-0,,',
        ',Tue,P1,10:00,09:00,set-0,,',
        ',Tue,P1,09:00,10:00,no-such-group,,',
        ',Tue,P2,10:00,11:00,set-0,nobody@uwchradd.test,',
      ].join('\n'),
    });
    expect(res.status).toBe(400);
    const errors = (res.body as { changes: { errors: Array<{ line: number; error: string }> } }).changes
      .errors;
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[1]!.error).toBe('group set-0 already has a lesson then (line 2)');
    const [row] = await server.app.services.db.select().from(classes).where(eq(classes.externalId, 'set-0'));
    now = new Date('2026-11-30T09:10:00Z');
    expect((await roster('set-0')).lesson.source).toBe('timetable');
    expect(row).toBeTruthy();
  });

  it('devices moved into one lesson share its message, each still with its own pupil’s profile', async () => {
    now = new Date('2026-11-30T08:50:00Z'); // before P1: every pupil at home
    // Pupils 2 (Year 9, KS3) and 4 (Year 11, KS4) are both in set-0's P1 lesson.
    const [year9, year11] = await Promise.all(
      [2, 4].map((p) =>
        connectDevice(server.url, {
          enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
          user: pupilEmail(p, DOMAIN),
        }),
      ),
    );
    expect((await year9!.policy).policy.profile).toBe('KS3');
    expect((await year11!.policy).policy.profile).toBe('KS4');
    now = new Date('2026-11-30T09:10:00Z');
    const moved = [nextPolicy(year9!), nextPolicy(year11!)];
    expect(await server.app.services.lessonTick()).toBe(2);
    const [a, b] = await Promise.all(moved);
    expect(a!.classIds).toEqual([ids.get('set-0')]);
    expect(b!.classIds).toEqual([ids.get('set-0')]);
    expect(a!.policy.profile).toBe('KS3');
    expect(b!.policy.profile).toBe('KS4');
    year9!.disconnect();
    year11!.disconnect();
  });

  it('a device connecting the same second a session starts is in the session (what was kept is forgotten)', async () => {
    now = new Date('2026-11-30T09:20:00Z'); // P1: the even pupils in set-0; set-3 has them too
    const first = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: pupilEmail(6, DOMAIN),
    });
    expect((await first.policy).classIds).toEqual([ids.get('set-0')]);
    const set3 = ids.get('set-3')!;
    const moved = nextPolicy(first);
    expect(
      (await apiCall(server.url, dsl, 'POST', `/api/classes/${set3}/session`, { minutes: 20 })).status,
    ).toBe(201);
    expect((await moved).classIds).toEqual([set3]);
    const second = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: pupilEmail(8, DOMAIN),
    });
    expect((await second.policy).classIds).toEqual([set3]);
    expect((await apiCall(server.url, dsl, 'POST', `/api/classes/${set3}/session/end`)).status).toBe(200);
    first.disconnect();
    second.disconnect();
  });
});
