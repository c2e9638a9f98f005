import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  DeviceAuthSchema,
  DeviceEventSchema,
  PROTOCOL_VERSION,
  type Alert,
  type AlertDetail,
  type DeviceEventInput,
} from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { schools } from '../src/db/schema';
import { createJobLeases } from '../src/db/job-lease';
import { createMailer, escalationDeadline } from '../src/features/alerts';
import {
  apiCall,
  blockedEvent,
  connectConsole,
  connectDevice,
  freshDatabase,
  login,
  postgresAvailable,
  startPostgresTestServer,
  startTestServer,
  type FreshDatabase,
  type TestServer,
} from './harness';
import { startSmtpSink } from './smtp-sink';

const FREYA = 'freya.green@pupils.demo.waymark.test';
const search = (query: string, overrides: Partial<DeviceEventInput> = {}) =>
  ({
    ...blockedEvent(),
    id: uuidv7(),
    kind: 'search',
    url: `https://www.google.co.uk/search?q=${encodeURIComponent(query)}`,
    engine: 'Google',
    query,
    flags: [],
    blocked: false,
    ...overrides,
  }) as DeviceEventInput;

const MINUTE = 60_000;

describe('the escalation deadline counts school hours', () => {
  const clock = {
    timeZone: 'Europe/London',
    dayStart: '08:30',
    dayEnd: '15:30',
    minutes: 10,
    anyTime: false,
  };
  it('within the day, over the evening, over the weekend, before school, at any time', () => {
    // Wednesday 25 November 2026 (London is on GMT).
    expect(escalationDeadline(new Date('2026-11-25T11:00:00Z'), clock).toISOString()).toBe(
      '2026-11-25T11:10:00.000Z',
    );
    expect(escalationDeadline(new Date('2026-11-25T15:25:00Z'), clock).toISOString()).toBe(
      '2026-11-26T08:35:00.000Z',
    );
    expect(escalationDeadline(new Date('2026-11-27T15:25:00Z'), clock).toISOString()).toBe(
      '2026-11-30T08:35:00.000Z',
    ); // Friday afternoon: Monday morning
    expect(escalationDeadline(new Date('2026-11-28T12:00:00Z'), clock).toISOString()).toBe(
      '2026-11-30T08:40:00.000Z',
    ); // Saturday
    expect(escalationDeadline(new Date('2026-11-25T06:00:00Z'), clock).toISOString()).toBe(
      '2026-11-25T08:40:00.000Z',
    );
    expect(
      escalationDeadline(new Date('2026-11-28T12:00:00Z'), { ...clock, anyTime: true }).toISOString(),
    ).toBe('2026-11-28T12:10:00.000Z');
    // British Summer Time: school hours are London's, an hour ahead of UTC.
    expect(escalationDeadline(new Date('2026-06-10T14:25:00Z'), clock).toISOString()).toBe(
      '2026-06-11T07:35:00.000Z',
    );
  });
});

describe('alerts that need acknowledging (PGlite)', () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const cookies: Record<string, string> = {};
  const call = (who: string, method: string, path: string, body?: unknown) =>
    apiCall(server.url, cookies[who]!, method, path, body);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(null, {
      mailer: createMailer(smtp.url),
      publicUrl: 'https://waymark.school.example',
    });
    for (const who of ['dsl', 'deputy.dsl', 'head', 'teacher', 'admin'])
      cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
    // Escalation at any hour, so the test does not depend on when it runs.
    const saved = await call('dsl', 'PUT', '/api/alerts/settings', {
      escalationMinutes: 10,
      escalationAnyTime: true,
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('the DSL acknowledges: who and when are recorded, and it escalates no further', async () => {
    const dsl = await connectConsole(server.url, cookies.dsl!);
    const changes: Alert[] = [];
    dsl.on('alert-changed', (a) => changes.push(a));
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: FREYA,
    });
    const raised = new Promise<Alert>((resolve) => dsl.once('alert', resolve));
    await device.emitWithAck('event', search('how to kill myself'));
    const alert = await raised;
    expect(alert).toMatchObject({
      escalatedTo: 'dsl',
      acknowledgedAt: null,
      severity: 'high',
      topic: 'self-harm',
    });
    const escalateAt = Date.parse(alert.escalateAt!);
    expect(escalateAt - Date.parse(alert.createdAt)).toBe(10 * MINUTE);

    // The teacher may not; the DSL does; the deputy acknowledging after her changes nothing.
    expect((await call('teacher', 'POST', `/api/alerts/${alert.id}/acknowledge`)).status).toBe(403);
    const acked = await call('dsl', 'POST', `/api/alerts/${alert.id}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({
      acknowledged: true,
      alert: { acknowledgedByName: 'Mrs Helen Jones', escalateAt: null },
    });
    const again = await call('deputy.dsl', 'POST', `/api/alerts/${alert.id}/acknowledge`);
    expect(again.body).toMatchObject({
      acknowledged: false,
      alert: { acknowledgedByName: 'Mrs Helen Jones' },
    });
    await expect.poll(() => changes.map((c) => c.id)).toContain(alert.id);

    expect(await server.app.services.escalateAlerts(new Date(escalateAt + MINUTE))).toEqual([]);
    // The detail: the event it counted and Freya's timeline; the senior leader cannot see it (it never reached her).
    const detail = (await call('dsl', 'GET', `/api/alerts/${alert.id}`)).body as AlertDetail;
    expect(detail.events.map((e) => e.details.query)).toEqual(['how to kill myself']);
    expect(detail.timeline.length).toBeGreaterThanOrEqual(1);
    expect((await call('head', 'GET', `/api/alerts/${alert.id}`)).status).toBe(404);
    expect((await call('dsl', 'GET', '/api/alerts/not-an-id')).status).toBe(404);
    device.disconnect();
    dsl.disconnect();
  });

  it('unacknowledged, it goes to the deputy DSL, then to the senior leader, by e-mail and on their consoles', async () => {
    const head = await connectConsole(server.url, cookies.head!);
    const toHead: Alert[] = [];
    head.on('alert-changed', (a) => toHead.push(a));
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'jacob.wood@pupils.demo.waymark.test',
    });
    await device.emitWithAck('event', search('i want to die'));
    const alert = await expect
      .poll(async () =>
        (await server.app.services.alertService.recent('demo')).find((a) => a.pupilLabel === 'Jacob Wood'),
      )
      .toBeDefined()
      .then(async () =>
        (await server.app.services.alertService.recent('demo')).find((a) => a.pupilLabel === 'Jacob Wood')!,
      );
    await expect.poll(() => smtp.received.filter((m) => m.data.includes('Jacob Wood')).length).toBe(1);
    expect(smtp.received.find((m) => m.data.includes('Jacob Wood'))!.to).toEqual(['dsl@demo.waymark.test']);

    const due = Date.parse(alert.escalateAt!);
    const { escalateAlerts } = server.app.services;
    expect(await escalateAlerts(new Date(due - 1000))).toEqual([]); // not yet
    const first = await escalateAlerts(new Date(due + 1000));
    expect(first.map((e) => [e.alert.id, e.alert.escalatedTo, e.people.map((p) => p.email)])).toEqual([
      [alert.id, 'deputy-dsl', ['deputy.dsl@demo.waymark.test']],
    ]);
    const second = await escalateAlerts(new Date(due + 11 * MINUTE));
    expect(second.map((e) => [e.alert.escalatedTo, e.people.map((p) => p.email)])).toEqual([
      ['senior-leader', ['head@demo.waymark.test']],
    ]);
    expect(second[0]!.alert.escalations.map((e) => e.to)).toEqual(['deputy-dsl', 'senior-leader']);
    expect(second[0]!.alert.escalateAt).toBeNull();
    expect(await escalateAlerts(new Date(due + 60 * MINUTE))).toEqual([]); // nobody further

    const mails = () => smtp.received.filter((m) => m.data.includes('Jacob Wood'));
    await expect
      .poll(() => mails().map((m) => m.to.join()))
      .toEqual(['dsl@demo.waymark.test', 'deputy.dsl@demo.waymark.test', 'head@demo.waymark.test']);
    expect(mails()[2]!.data).toContain('Nobody has acknowledged this alert yet');
    expect(mails()[2]!.data.replace(/=\r?\n/g, '')).toContain(
      `https://waymark.school.example/alerts/${alert.id}`,
    );
    await expect.poll(() => toHead.map((a) => a.escalatedTo)).toContain('senior-leader');

    // The head now sees it, and acknowledges it.
    const list = (await call('head', 'GET', '/api/alerts?status=open')).body.alerts as Alert[];
    expect(list.map((a) => a.id)).toEqual([alert.id]);
    const acked = await call('head', 'POST', `/api/alerts/${alert.id}/acknowledge`);
    expect(acked.body.alert).toMatchObject({ acknowledgedByName: 'Mrs Catherine Ellis' });
    expect((await call('head', 'GET', '/api/alerts?status=open')).body.alerts).toEqual([]);
    device.disconnect();
    head.disconnect();
  });

  it('with no deputy named, an alert goes from the DSL straight to the senior leader', async () => {
    const staffList = (await call('admin', 'GET', '/api/staff')).body.staff as Array<{
      id: string;
      email: string;
      deputyDsl: boolean;
    }>;
    const deputy = staffList.find((s) => s.email === 'deputy.dsl@demo.waymark.test')!;
    expect(deputy.deputyDsl).toBe(true);
    expect((await call('admin', 'PATCH', `/api/staff/${deputy.id}`, { deputyDsl: false })).status).toBe(200);
    // Only a DSL can be the deputy.
    const head = staffList.find((s) => s.email === 'head@demo.waymark.test')!;
    expect((await call('admin', 'PATCH', `/api/staff/${head.id}`, { deputyDsl: true })).status).toBe(400);
    try {
      const device = await connectDevice(server.url, {
        enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
        user: 'evie.clarke@pupils.demo.waymark.test',
      });
      await device.emitWithAck('event', search('how to kill myself'));
      device.disconnect();
      await expect
        .poll(async () =>
          (await server.app.services.alertService.recent('demo')).some((a) => a.pupilLabel === 'Evie Clarke'),
        )
        .toBe(true);
      const alert = (await server.app.services.alertService.recent('demo')).find(
        (a) => a.pupilLabel === 'Evie Clarke',
      )!;
      const escalated = await server.app.services.escalateAlerts(
        new Date(Date.parse(alert.escalateAt!) + 1000),
      );
      expect(escalated.map((e) => [e.alert.escalatedTo, e.people.map((p) => p.email)])).toEqual([
        ['senior-leader', ['head@demo.waymark.test']],
      ]);
    } finally {
      expect((await call('admin', 'PATCH', `/api/staff/${deputy.id}`, { deputyDsl: true })).status).toBe(200);
    }
  });

  it('an event sent again after a crash between its commit and its alert raises its alert exactly once', async () => {
    const { eventService, deviceService } = server.app.services;
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'oscar.turner@pupils.demo.waymark.test',
    });
    const { deviceToken } = await device.enrolled;
    const dsl = await connectConsole(server.url, cookies.dsl!);
    const raised: Alert[] = [];
    dsl.on('alert', (a) => raised.push(a));
    // The crash: the event is committed, but the process stops before its alert is raised.
    const event = search('how to hang myself');
    const identity = await deviceService.authenticate(
      DeviceAuthSchema.parse({
        protocolVersion: PROTOCOL_VERSION,
        deviceName: 'Test Chromebook',
        extensionVersion: '0.1.0',
        deviceToken,
        user: 'oscar.turner@pupils.demo.waymark.test',
      }),
      null,
    );
    const stored = await eventService.store(DeviceEventSchema.parse(event), identity, null);
    expect(stored.created).toBe(true);
    // The device never had its ack, so it sends the event again: the alert is raised now, once.
    expect(await device.emitWithAck('event', event)).toMatchObject({ ok: true });
    await expect.poll(() => raised.filter((a) => a.pupilLabel === 'Oscar Turner').length).toBe(1);
    expect(await device.emitWithAck('event', event)).toMatchObject({ ok: true });
    // And considering it twice at once (two processes) counts it once.
    const [x, y] = await Promise.all([
      server.app.services.alertService.consider(stored.event),
      server.app.services.alertService.consider(stored.event),
    ]);
    expect([x, y]).toEqual([null, null]);
    await new Promise((r) => setTimeout(r, 300));
    const mine = (await server.app.services.alertService.recent('demo')).filter(
      (a) => a.pupilLabel === 'Oscar Turner',
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]!.count).toBe(1);
    expect(raised.filter((a) => a.pupilLabel === 'Oscar Turner')).toHaveLength(1);
    dsl.disconnect();
    device.disconnect();
  });

  it('the escalation time is the DSL’s to set, within bounds', async () => {
    expect(
      (await call('head', 'PUT', '/api/alerts/settings', { escalationMinutes: 5, escalationAnyTime: false }))
        .status,
    ).toBe(403);
    expect(
      (await call('dsl', 'PUT', '/api/alerts/settings', { escalationMinutes: 0, escalationAnyTime: false }))
        .status,
    ).toBe(400);
    expect(
      (await call('dsl', 'PUT', '/api/alerts/settings', { escalationMinutes: 15, escalationAnyTime: false }))
        .body,
    ).toEqual({
      settings: { escalationMinutes: 15, escalationAnyTime: false },
    });
    const [row] = await server.app.services.db
      .select({ m: schools.alertEscalationMinutes })
      .from(schools)
      .where(eq(schools.id, 'demo'));
    expect(row!.m).toBe(15);
    expect((await call('head', 'GET', '/api/alerts/settings')).body.settings.escalationMinutes).toBe(15);
  });
});

const available = await postgresAvailable();

describe.skipIf(!available)('alerts across processes (PostgreSQL)', () => {
  let database: FreshDatabase;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    database = await freshDatabase();
    [a, b] = await Promise.all([
      startPostgresTestServer(database.url),
      startPostgresTestServer(database.url),
    ]);
    const dsl = await login(a.url, 'dsl@demo.waymark.test');
    await apiCall(a.url, dsl, 'PUT', '/api/alerts/settings', {
      escalationMinutes: 10,
      escalationAnyTime: true,
    });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a pupil’s flags arriving at two processes at once make one alert, counting both', async () => {
    const [da, db] = await Promise.all([
      connectDevice(a.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5, user: FREYA }),
      connectDevice(b.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5, user: FREYA }),
    ]);
    await Promise.all([
      ...Array.from({ length: 3 }, () => da.emitWithAck('event', search('how to kill myself'))),
      ...Array.from({ length: 3 }, () => db.emitWithAck('event', search('i want to die'))),
    ]);
    await expect
      .poll(async () => (await a.app.services.alertService.recent('demo')).map((x) => [x.topic, x.count]))
      .toEqual([['self-harm', 6]]);
    da.disconnect();
    db.disconnect();
  });

  it('the escalation job runs on one process at a time, and each alert escalates once', async () => {
    const [alert] = await a.app.services.alertService.recent('demo');
    const when = new Date(Date.parse(alert!.escalateAt!) + 1000);
    const leases = [createJobLeases(a.app.services.db), createJobLeases(b.app.services.db)];
    const escalated: string[] = [];
    const ran = await Promise.all(
      leases.map((lease, i) =>
        lease.runExclusive('alert-escalation', 60_000, async () => {
          const server = i === 0 ? a : b;
          for (const e of await server.app.services.escalateAlerts(when)) escalated.push(e.alert.escalatedTo);
        }),
      ),
    );
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(escalated).toEqual(['deputy-dsl']);
    // Without the lease (a lease that changed hands mid-run), the conditional update still escalates once.
    const later = new Date(when.getTime() + 11 * MINUTE);
    const both = await Promise.all([
      a.app.services.escalateAlerts(later),
      b.app.services.escalateAlerts(later),
    ]);
    expect(both.flat().map((e) => e.alert.escalatedTo)).toEqual(['senior-leader']);
    for (const lease of leases) await lease.release();
  });
});
