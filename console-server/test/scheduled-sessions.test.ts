import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyMessage, ScheduledSession } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { classes } from '../src/db/schema';
import {
  apiCall,
  connectDevice,
  login,
  startTestServer,
  type DeviceClient,
  type TestServer,
} from './harness';
import { makeBundle, pupilEmail, SECONDARY } from './oneroster-fixture';

// docs/architecture.md, "Teaching groups and the timetable": a session planned ahead claims its
// group's pupils from its start to its end by itself. The clock is the test's, moved across the
// session's start and end; the boundary's tick is asked for instead of waited for.
let server: TestServer;
let teacher: string;
let dsl: string;
let now = new Date('2026-11-23T10:10:00Z'); // Monday, 10:10 in London (GMT), period 2
const ids = new Map<string, string>();
const DOMAIN = 'pupils.scheduled.test';

beforeAll(async () => {
  server = await startTestServer(null, { lessonTimer: false, clock: () => now });
  const admin = await login(server.url, 'admin@demo.waymark.test');
  teacher = await login(server.url, 'teacher@demo.waymark.test');
  dsl = await login(server.url, 'dsl@demo.waymark.test');
  // Pupil 1 (odd) is in set-1; the demo teacher has set-1 on the timetable (period 1), not set-0.
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
  ].join('\n');
  expect(
    (await apiCall(server.url, admin, 'POST', '/api/roster/timetable/apply', { csv: timetable })).status,
  ).toBe(200);
});
afterAll(() => server.close());

const at = (hhmm: string) => `2026-11-23T${hhmm}:00Z`;
const scheduled = (who: string, classId: string, body: unknown) =>
  apiCall(server.url, who, 'POST', `/api/classes/${classId}/session/scheduled`, body);
const upcoming = async (classId: string) =>
  (
    (await apiCall(server.url, teacher, 'GET', `/api/classes/${classId}/session/scheduled`)).body as {
      sessions: ScheduledSession[];
    }
  ).sessions;

function nextPolicy(device: DeviceClient): Promise<PolicyMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no policy arrived')), 10_000);
    device.once('policy', (message) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}

describe('a session scheduled ahead', () => {
  it('is refused when it ends before it starts, is longer than a school day, is in the past, clashes, or is not the teacher’s class', async () => {
    const set1 = ids.get('set-1')!;
    for (const body of [
      { startsAt: at('11:00'), endsAt: at('10:30') },
      { startsAt: at('11:00'), endsAt: at('11:00') },
      { startsAt: at('08:00'), endsAt: '2026-11-23T16:01:00Z' },
      { startsAt: 'tomorrow', endsAt: at('11:00') },
      { startsAt: at('11:00'), endsAt: at('11:30'), sites: { kind: 'focus', sites: [] } },
      { startsAt: at('11:00'), endsAt: at('11:30'), sites: { kind: 'open', sites: ['*'] } },
      'junk',
    ])
      expect((await scheduled(teacher, set1, body)).status).toBe(400);
    const past = await scheduled(teacher, set1, { startsAt: at('10:00'), endsAt: at('10:40') });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: 'invalid', error: 'a session cannot start in the past' });
    // Another teacher's class is not there for this teacher; the DSL may schedule for any class.
    expect(
      (await scheduled(teacher, ids.get('set-0')!, { startsAt: at('11:00'), endsAt: at('11:30') })).status,
    ).toBe(404);
    const dslOwn = await scheduled(dsl, ids.get('set-0')!, { startsAt: at('13:00'), endsAt: at('13:30') });
    expect(dslOwn.status).toBe(201);
    expect(
      (
        await apiCall(
          server.url,
          dsl,
          'POST',
          `/api/classes/${ids.get('set-0')}/session/scheduled/${(dslOwn.body as { session: ScheduledSession }).session.id}/cancel`,
        )
      ).status,
    ).toBe(200);

    expect((await scheduled(teacher, set1, { startsAt: at('14:00'), endsAt: at('15:00') })).status).toBe(201);
    const clash = await scheduled(teacher, set1, { startsAt: at('14:30'), endsAt: at('15:30') });
    expect(clash.status).toBe(409);
    const [planned] = await upcoming(set1);
    expect(
      (
        await apiCall(
          server.url,
          teacher,
          'POST',
          `/api/classes/${set1}/session/scheduled/${planned!.id}/cancel`,
        )
      ).status,
    ).toBe(200);
    expect(await upcoming(set1)).toEqual([]);
  });

  it('moves the pupil’s device into the group at its start, with its focus sites, and back out at its end', async () => {
    const set1 = ids.get('set-1')!;
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: pupilEmail(1, DOMAIN),
    });
    const home = (await device.policy).classIds;
    expect(home).not.toEqual([set1]);

    const res = await scheduled(teacher, set1, {
      startsAt: at('10:30'),
      endsAt: at('10:45'),
      sites: { kind: 'focus', sites: ['lesson.example'] },
    });
    expect(res.status).toBe(201);
    expect((res.body as { session: ScheduledSession }).session).toMatchObject({
      classId: set1,
      startsAt: new Date(at('10:30')).toISOString(),
      endsAt: new Date(at('10:45')).toISOString(),
      sites: { kind: 'focus', sites: ['lesson.example'] },
    });
    expect((await upcoming(set1)).map((s) => s.startsAt)).toEqual([new Date(at('10:30')).toISOString()]);

    now = new Date(at('10:29'));
    expect(await server.app.services.lessonTick()).toBe(0);

    now = new Date(at('10:30'));
    const entering = nextPolicy(device);
    expect(await server.app.services.lessonTick()).toBe(1);
    const inSession = await entering;
    expect(inSession.classIds).toEqual([set1]);
    expect(inSession.policy.overrides.map((o) => [o.kind, o.sites, o.startsAt, o.endsAt])).toEqual([
      ['focus', ['lesson.example'], new Date(at('10:30')).toISOString(), new Date(at('10:45')).toISOString()],
    ]);

    now = new Date(at('10:45'));
    const leaving = nextPolicy(device);
    expect(await server.app.services.lessonTick()).toBe(1);
    expect((await leaving).classIds).toEqual(home);
    expect(await upcoming(set1)).toEqual([]);
    device.disconnect();
  });

  it('cancelled before it starts, it never claims the pupils; cancelled while it runs, it ends now', async () => {
    const set1 = ids.get('set-1')!;
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: pupilEmail(1, DOMAIN),
    });
    const home = (await device.policy).classIds;
    const first = await scheduled(teacher, set1, { startsAt: at('11:00'), endsAt: at('11:30') });
    const second = await scheduled(teacher, set1, {
      startsAt: at('11:30'),
      endsAt: at('12:00'),
      sites: { kind: 'open', sites: ['open.example'] },
    });
    const cancel = (res: typeof first) =>
      apiCall(
        server.url,
        teacher,
        'POST',
        `/api/classes/${set1}/session/scheduled/${(res.body as { session: ScheduledSession }).session.id}/cancel`,
      );
    expect((await cancel(first)).status).toBe(200);
    expect((await cancel(first)).status).toBe(404);
    now = new Date(at('11:00'));
    expect(await server.app.services.lessonTick()).toBe(0);

    now = new Date(at('11:40'));
    const entering = nextPolicy(device);
    expect(await server.app.services.lessonTick()).toBe(1);
    expect((await entering).policy.overrides.map((o) => o.sites)).toEqual([['open.example']]);
    const leaving = nextPolicy(device);
    expect((await cancel(second)).status).toBe(200);
    const left = await leaving;
    expect(left.classIds).toEqual(home);
    expect(left.policy.overrides).toEqual([]);
    device.disconnect();
  });

  it('a session started now that would overlap a planned one is refused, naming it, unless the teacher replaces it', async () => {
    const set1 = ids.get('set-1')!;
    now = new Date(at('13:00'));
    const start = (body: unknown) =>
      apiCall(server.url, teacher, 'POST', `/api/classes/${set1}/session`, body);
    const plan = await scheduled(teacher, set1, {
      startsAt: at('13:30'),
      endsAt: at('14:00'),
      sites: { kind: 'open', sites: ['planned.example'] },
    });
    expect(plan.status).toBe(201);
    const planned = (plan.body as { session: ScheduledSession }).session;

    // An hour from now would run over it: refused, and the planned session is still there.
    const refused = await start({});
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      code: 'conflict',
      error:
        'this group has a session planned for 13:30–14:00 on Monday 23 November, which this one would overlap: replace it, or start a shorter session',
    });
    expect((await upcoming(set1)).map((s) => s.id)).toEqual([planned.id]);
    expect((await start({ replace: 'yes' })).status).toBe(400);

    // A shorter one ends before it: no overlap.
    expect((await start({ minutes: 20 })).status).toBe(201);
    expect((await apiCall(server.url, teacher, 'POST', `/api/classes/${set1}/session/end`)).status).toBe(200);

    // Replacing it: the planned session is called off (with its sites), and this one runs.
    const replaced = await start({ replace: true });
    expect(replaced.status).toBe(201);
    const running = (replaced.body as { session: { id: string; endsAt: string } }).session;
    expect(running.endsAt).toBe(new Date(at('14:00')).toISOString());
    expect(await upcoming(set1)).toEqual([expect.objectContaining({ id: running.id, sites: null })]);
    expect(
      (
        await apiCall(
          server.url,
          teacher,
          'POST',
          `/api/classes/${set1}/session/scheduled/${planned.id}/cancel`,
        )
      ).status,
    ).toBe(404);
    // Extending the running session over nothing planned needs no replacing.
    expect((await start({ minutes: 90 })).status).toBe(201);
    expect((await apiCall(server.url, teacher, 'POST', `/api/classes/${set1}/session/end`)).status).toBe(200);
  });
});
