import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS, DEMO_PASSWORD } from '../src';
import { classes } from '../src/db/schema';
import { addTrustStaff, createSchool, createTrust, setSchoolTrust } from '../src/features/trust/trust-setup';
import {
  apiCall,
  blockedEvent,
  connectConsole,
  connectDevice,
  login,
  startTestServer,
  type ConsoleSocket,
  type TestServer,
} from './harness';

/**
 * One deployment, three schools: the demo school and North Two in the North trust, South One in
 * the South trust. Every school-level role of each school is tried against the others' events,
 * incidents, devices, accounts and reports; the trust roles against the other trust's schools.
 */
const SCHOOLS = ['demo', 'north-two', 'south-one'] as const;
type SchoolId = (typeof SCHOOLS)[number];
const TRUST_OF: Record<SchoolId, 'north' | 'south'> = {
  demo: 'north',
  'north-two': 'north',
  'south-one': 'south',
};
type SchoolRole = 'teacher' | 'dsl' | 'technician' | 'governor' | 'senior-leader' | 'admin';

interface SchoolFixture {
  id: SchoolId;
  cookie: Record<SchoolRole, string>;
  staffIds: string[];
  emails: string[];
  classId: string;
  pupilName: string;
  pupilEmail: string;
  /** A host only this school's pupils visited: it must never show up in another school's answers. */
  marker: string;
  enrollmentTokenId: string;
  deviceId: string;
  eventId: string;
  incidentId: string;
  alertId: string;
  /** This school year's review pack (a draft the DSL prepared). */
  reviewPackId: string;
}

let server: TestServer;
const school = {} as Record<SchoolId, SchoolFixture>;
const trustCookie = {} as Record<'northDsl' | 'northReporter' | 'southDsl', string>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** A period around today, for the reports (their default is last week, before these events). */
const AROUND_TODAY = `from=${day(-3)}&to=${day(3)}`;

const call = (cookie: string, method: string, path: string, body?: unknown) =>
  apiCall(server.url, cookie, method, path, body);

async function nextMatching<T>(socket: ConsoleSocket, name: 'event' | 'alert', match: (x: T) => boolean) {
  return new Promise<T[]>((resolve) => {
    const seen: T[] = [];
    const listener = (x: T) => {
      seen.push(x);
      if (match(x)) {
        socket.off(name, listener as never);
        resolve(seen);
      }
    };
    socket.on(name, listener as never);
  });
}

/** The demo school is seeded; the others are made the way a deployment's operator and school admins would. */
async function setUpSchool(id: SchoolId): Promise<SchoolFixture> {
  const { db } = server.app.services;
  const domain = id === 'demo' ? 'demo.waymark.test' : `${id}.waymark.test`;
  const pupilName = id === 'demo' ? 'Harry Lewis' : `Pupil Of ${id}`;
  const pupilEmail =
    id === 'demo' ? 'harry.lewis@pupils.demo.waymark.test' : `pupil@pupils.${id}.waymark.test`;
  const emails: Record<SchoolRole, string> =
    id === 'demo'
      ? {
          teacher: 'teacher@demo.waymark.test',
          dsl: 'dsl@demo.waymark.test',
          technician: 'tech@demo.waymark.test',
          governor: 'governor@demo.waymark.test',
          'senior-leader': 'head@demo.waymark.test',
          admin: 'admin@demo.waymark.test',
        }
      : {
          teacher: `teacher@${domain}`,
          dsl: `dsl@${domain}`,
          technician: `tech@${domain}`,
          governor: `governor@${domain}`,
          'senior-leader': `head@${domain}`,
          admin: `admin@${domain}`,
        };
  if (id !== 'demo') {
    await createSchool(db, {
      id,
      name: `School ${id}`,
      trustId: TRUST_OF[id],
      admin: { email: emails.admin, name: `Admin of ${id}`, password: DEMO_PASSWORD },
    });
  }
  const cookie = { admin: await login(server.url, emails.admin) } as Record<SchoolRole, string>;
  let classId = 'class-year2';
  if (id !== 'demo') {
    const imported = await call(cookie.admin, 'POST', '/api/classes/import', {
      csv: `class_name,key_stage,pupil_name,pupil_email\nYear 4 (${id}),KS2,${pupilName},${pupilEmail}`,
    });
    expect(imported.status).toBe(200);
    const [klass] = await db.select().from(classes).where(eq(classes.schoolId, id));
    classId = klass!.id;
    for (const role of ['teacher', 'dsl', 'technician', 'governor', 'senior-leader'] as const) {
      const created = await call(cookie.admin, 'POST', '/api/staff', {
        email: emails[role],
        name: `${role} of ${id}`,
        role,
        password: DEMO_PASSWORD,
        ...(role === 'teacher' ? { classIds: [classId] } : {}),
      });
      expect(created.status).toBe(201);
    }
  }
  for (const role of ['teacher', 'dsl', 'technician', 'governor', 'senior-leader'] as const)
    cookie[role] = await login(server.url, emails[role]);
  const staffList = await call(cookie.admin, 'GET', '/api/staff');

  const token =
    id === 'demo'
      ? DEMO_ENROLLMENT_TOKENS.year2
      : (
          await call(cookie.technician, 'POST', '/api/devices/enrollment-tokens', {
            label: 'Trolley',
            classId,
          })
        ).body.token;
  const tokens = await call(cookie.technician, 'GET', '/api/devices/enrollment-tokens');
  const marker = `${id}.only.example`;
  const device = await connectDevice(server.url, { enrollmentToken: token, user: pupilEmail });
  const { deviceId } = await device.enrolled;
  const event = blockedEvent({ url: `https://${marker}/page`, category: 'gaming', profile: 'KS2' });
  expect(await device.emitWithAck('event', event)).toMatchObject({ ok: true });
  // A pupil's request for help: high severity, so an alert for the DSL (and the trust's lead).
  const dslSocket = await connectConsole(server.url, cookie.dsl);
  const alerted = nextMatching<Alert>(dslSocket, 'alert', () => true);
  await device.emitWithAck('event', {
    ...blockedEvent(),
    kind: 'concern',
    message: `help from ${id}`,
    url: null,
  } as never);
  const [alert] = await alerted;
  dslSocket.disconnect();
  device.disconnect();
  const incident = await call(cookie.dsl, 'POST', '/api/incidents/from-events', { eventIds: [event.id] });
  expect(incident.status).toBe(201);
  const now = new Date();
  const pack = await call(cookie.dsl, 'POST', '/api/compliance/review-packs', {
    year: now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1,
  });
  expect(pack.status).toBe(201);
  return {
    id,
    cookie,
    staffIds: (staffList.body.staff as Array<{ id: string }>).map((s) => s.id),
    emails: Object.values(emails),
    classId,
    pupilName,
    pupilEmail,
    marker,
    enrollmentTokenId: (tokens.body.tokens as Array<{ id: string }>)[0]!.id,
    deviceId,
    eventId: event.id,
    incidentId: incident.body.incident.id,
    alertId: alert!.id,
    reviewPackId: pack.body.pack.id,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.app.services;
  await createTrust(db, { id: 'north', name: 'North Learning Trust' });
  await createTrust(db, { id: 'south', name: 'South Schools Trust' });
  await setSchoolTrust(db, 'demo', 'north');
  for (const id of SCHOOLS) school[id] = await setUpSchool(id);
  const trustAccounts = [
    { key: 'northDsl', trustId: 'north', schoolId: 'north-two', role: 'trust-dsl' },
    { key: 'northReporter', trustId: 'north', schoolId: 'demo', role: 'trust-reporter' },
    { key: 'southDsl', trustId: 'south', schoolId: 'south-one', role: 'trust-dsl' },
  ] as const;
  for (const a of trustAccounts) {
    const email = `${a.key.toLowerCase()}@${a.trustId}.trust.test`;
    await addTrustStaff(db, { ...a, email, name: a.key, password: DEMO_PASSWORD });
    trustCookie[a.key] = await login(server.url, email);
  }
}, 120_000);
afterAll(() => server.close());

const PAIRS = SCHOOLS.flatMap((own) => SCHOOLS.filter((other) => other !== own).map((other) => [own, other]));

describe.each(PAIRS)('staff of %s cannot see %s', (ownId, otherId) => {
  const own = () => school[ownId as SchoolId];
  const other = () => school[otherId as SchoolId];

  it('teacher: not its classes, live or stored', async () => {
    const { cookie } = own();
    const socket = await connectConsole(server.url, cookie.teacher);
    expect((await socket.emitWithAck('watch-class', { classId: other().classId })).ok).toBe(false);
    socket.disconnect();
    expect((await call(cookie.teacher, 'GET', `/api/classes/${other().classId}/events`)).status).toBe(404);
    const mine = await call(cookie.teacher, 'GET', '/api/classes');
    expect(mine.body.classes.map((c: { id: string }) => c.id)).not.toContain(other().classId);
  });

  it('DSL: not its live events, incidents, alerts or pupils', async () => {
    const { cookie } = own();
    const socket = await connectConsole(server.url, cookie.dsl);
    // The other school's event first, then one of our own: the socket hears ours and nothing before it.
    const heard = nextMatching<StoredEvent>(socket, 'event', (e) => e.schoolId === ownId);
    const theirDevice = await connectDevice(server.url, { deviceToken: await deviceTokenOf(otherId) });
    await theirDevice.emitWithAck('event', blockedEvent({ url: `https://${other().marker}/live` }));
    theirDevice.disconnect();
    const ourDevice = await connectDevice(server.url, { deviceToken: await deviceTokenOf(ownId) });
    await ourDevice.emitWithAck('event', blockedEvent({ url: `https://${own().marker}/live` }));
    ourDevice.disconnect();
    expect((await heard).map((e) => e.schoolId)).toEqual([ownId]);
    expect((await socket.emitWithAck('watch-class', { classId: other().classId })).ok).toBe(false);
    socket.disconnect();

    const log = await call(cookie.dsl, 'GET', '/api/incidents');
    expect(log.status).toBe(200);
    expect(log.body.incidents.map((i: { id: string }) => i.id)).toContain(own().incidentId);
    expect(log.body.incidents.map((i: { id: string }) => i.id)).not.toContain(other().incidentId);
    expect((await call(cookie.dsl, 'GET', `/api/incidents/${other().incidentId}`)).status).toBe(404);
    const change = await call(cookie.dsl, 'POST', `/api/incidents/${other().incidentId}/changes`, {
      severity: 'low',
    });
    expect(change.status).toBe(404);
    const raise = await call(cookie.dsl, 'POST', '/api/incidents/from-events', {
      eventIds: [other().eventId],
    });
    expect(raise.status).toBe(404);
    const alerts = await call(cookie.dsl, 'GET', '/api/reports/alerts');
    expect(alerts.body.alerts.map((a: { id: string }) => a.id)).toContain(own().alertId);
    expect(alerts.body.alerts.map((a: { id: string }) => a.id)).not.toContain(other().alertId);
    const pupils = JSON.stringify(
      (await call(cookie.dsl, 'GET', `/api/reports/pupils?${AROUND_TODAY}`)).body,
    );
    expect(pupils).toContain(own().pupilName);
    expect(pupils).not.toContain(other().pupilName);
  });

  it('technician: not its devices or enrollment tokens', async () => {
    const { cookie } = own();
    const devices = await call(cookie.technician, 'GET', '/api/devices');
    const ids = devices.body.devices.map((d: { id: string }) => d.id);
    expect(ids).toContain(own().deviceId);
    expect(ids).not.toContain(other().deviceId);
    const tokens = await call(cookie.technician, 'GET', '/api/devices/enrollment-tokens');
    expect(tokens.body.tokens.map((t: { id: string }) => t.id)).not.toContain(other().enrollmentTokenId);
    const revoke = await call(
      cookie.technician,
      'POST',
      `/api/devices/enrollment-tokens/${other().enrollmentTokenId}/revoke`,
    );
    expect(revoke.status).toBe(404);
  });

  it.each(['governor', 'senior-leader'] as const)(
    '%s: its reports count its own school only',
    async (role) => {
      const { cookie } = own();
      for (const path of ['/api/reports/digest', '/api/reports/summary']) {
        const report = await call(cookie[role], 'GET', `${path}?${AROUND_TODAY}`);
        expect(report.status).toBe(200);
        expect(JSON.stringify(report.body)).toContain(own().marker);
        expect(JSON.stringify(report.body)).not.toContain(other().marker);
        // Figures only: no pupil of either school is named.
        expect(JSON.stringify(report.body)).not.toContain(own().pupilName);
      }
      const changes = await call(cookie[role], 'GET', '/api/policies/changes');
      expect(changes.status).toBe(200);
    },
  );

  it('DSL, senior leader and governor: its own compliance evidence and review packs only', async () => {
    const { cookie } = own();
    for (const role of ['dsl', 'senior-leader', 'governor'] as const) {
      const report = await call(cookie[role], 'GET', '/api/compliance');
      expect(report.status).toBe(200);
      const text = JSON.stringify(report.body);
      for (const email of other().emails) expect(text).not.toContain(email);
      if (otherId !== 'demo') expect(text).not.toContain(`dsl of ${otherId}`);
      const packs = await call(cookie[role], 'GET', '/api/compliance/review-packs');
      expect(packs.body.packs.map((p: { id: string }) => p.id)).toEqual([own().reviewPackId]);
      expect(
        (await call(cookie[role], 'GET', `/api/compliance/review-packs/${other().reviewPackId}`)).status,
      ).toBe(404);
      expect(
        (await call(cookie[role], 'GET', `/api/compliance/review-packs/${other().reviewPackId}/pdf`)).status,
      ).toBe(404);
    }
    const sign = await call(
      cookie['senior-leader'],
      'POST',
      `/api/compliance/review-packs/${other().reviewPackId}/signatures`,
      {
        contentHash: '0'.repeat(64),
      },
    );
    expect(sign.status).toBe(404);
  });

  it('admin: not its accounts', async () => {
    const { cookie } = own();
    const list = await call(cookie.admin, 'GET', '/api/staff');
    const emails = JSON.stringify(list.body);
    for (const email of other().emails) expect(emails).not.toContain(email);
    const reset = await call(cookie.admin, 'POST', `/api/staff/${other().staffIds[0]}/reset-password`, {
      password: 'a-new-password-1',
    });
    expect(reset.status).toBe(404);
  });
});

describe('trust-level staff see the schools of their own trust, and only those', () => {
  it("the North trust's safeguarding lead: North's schools, incidents, alerts and pupils", async () => {
    const cookie = trustCookie.northDsl;
    const trust = await call(cookie, 'GET', '/api/trust');
    expect(trust.body.schools.map((s: { id: string }) => s.id).sort()).toEqual(['demo', 'north-two']);

    const overview = await call(cookie, 'GET', '/api/trust/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.schools.map((s: { id: string }) => s.id).sort()).toEqual(['demo', 'north-two']);
    for (const s of overview.body.schools) expect(s.blocked).toBeGreaterThan(0);

    const incidents = await call(cookie, 'GET', '/api/trust/incidents');
    const incidentIds = incidents.body.incidents.map((i: { id: string }) => i.id);
    expect(incidentIds).toEqual(
      expect.arrayContaining([school.demo.incidentId, school['north-two'].incidentId]),
    );
    expect(incidentIds).not.toContain(school['south-one'].incidentId);
    expect((await call(cookie, 'GET', '/api/trust/incidents?school=south-one')).status).toBe(404);
    const justOne = await call(cookie, 'GET', '/api/trust/incidents?school=north-two');
    expect(justOne.body.incidents.map((i: { schoolId: string }) => i.schoolId)).toEqual(['north-two']);

    const alerts = await call(cookie, 'GET', '/api/trust/alerts');
    const alertIds = alerts.body.alerts.map((a: { id: string }) => a.id);
    expect(alertIds).toEqual(expect.arrayContaining([school.demo.alertId, school['north-two'].alertId]));
    expect(alertIds).not.toContain(school['south-one'].alertId);

    const pupils = await call(cookie, 'GET', '/api/trust/schools/north-two/pupils');
    expect(JSON.stringify(pupils.body)).toContain(school['north-two'].pupilName);
    expect((await call(cookie, 'GET', '/api/trust/schools/south-one/pupils')).status).toBe(404);
    expect((await call(cookie, 'GET', '/api/trust/schools/no-such-school/pupils')).status).toBe(404);
  });

  it("the North trust's lead hears North's alerts live, not South's", async () => {
    const socket = await connectConsole(server.url, trustCookie.northDsl);
    const heard = nextMatching<Alert>(socket, 'alert', (a) => a.schoolId === 'north-two');
    // South's alert first (its own DSL hears it, so it has been sent), then North's.
    const southDsl = await connectConsole(server.url, school['south-one'].cookie.dsl);
    const southHeard = nextMatching<Alert>(southDsl, 'alert', () => true);
    await raiseConcern('south-one', 'tamper');
    await southHeard;
    southDsl.disconnect();
    await raiseConcern('north-two', 'tamper');
    expect((await heard).map((a) => a.schoolId)).toEqual(['north-two']);
    socket.disconnect();
  });

  it('the trust reporting role: every school in aggregate, no incidents, no names', async () => {
    const cookie = trustCookie.northReporter;
    const overview = await call(cookie, 'GET', `/api/trust/overview?${AROUND_TODAY}`);
    expect(overview.body.schools.map((s: { id: string }) => s.id).sort()).toEqual(['demo', 'north-two']);
    expect(JSON.stringify(overview.body)).not.toContain('Pupil Of');
    expect((await call(cookie, 'GET', '/api/trust/incidents')).status).toBe(403);
    expect((await call(cookie, 'GET', '/api/trust/alerts')).status).toBe(403);
    expect((await call(cookie, 'GET', '/api/trust/schools/demo/pupils')).status).toBe(403);
  });

  it("the South trust's lead sees South only", async () => {
    const overview = await call(trustCookie.southDsl, 'GET', '/api/trust/overview');
    expect(overview.body.schools.map((s: { id: string }) => s.id)).toEqual(['south-one']);
    const incidents = await call(trustCookie.southDsl, 'GET', '/api/trust/incidents');
    expect(incidents.body.incidents.map((i: { schoolId: string }) => i.schoolId)).toEqual(['south-one']);
    expect((await call(trustCookie.southDsl, 'GET', '/api/trust/schools/demo/pupils')).status).toBe(404);
  });

  it("trust roles hold no school's own capabilities: not even their base school's log, devices or classes", async () => {
    const cookie = trustCookie.northDsl;
    expect((await call(cookie, 'GET', '/api/incidents')).status).toBe(403);
    expect((await call(cookie, 'GET', '/api/devices')).status).toBe(403);
    expect((await call(cookie, 'GET', '/api/staff')).status).toBe(403);
    const socket = await connectConsole(server.url, cookie);
    expect((await socket.emitWithAck('watch-class', { classId: school['north-two'].classId })).ok).toBe(
      false,
    );
    socket.disconnect();
  });

  it("trust roles read no school's compliance evidence or review packs", async () => {
    for (const cookie of Object.values(trustCookie)) {
      expect((await call(cookie, 'GET', '/api/compliance')).status).toBe(403);
      expect(
        (await call(cookie, 'GET', `/api/compliance/review-packs/${school.demo.reviewPackId}`)).status,
      ).toBe(403);
    }
  });

  it("a school's admin cannot make a trust-level account", async () => {
    const res = await call(school['north-two'].cookie.admin, 'POST', '/api/staff', {
      email: 'sneaky@north-two.waymark.test',
      name: 'Sneaky',
      role: 'trust-dsl',
      password: DEMO_PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/role/);
  });

  it('junk in the trust queries is answered with a 400 that says what was wrong', async () => {
    const bad = await call(trustCookie.northDsl, 'GET', '/api/trust/overview?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/from/);
    const status = await call(trustCookie.northDsl, 'GET', '/api/trust/incidents?status=lost');
    expect(status.status).toBe(400);
  });
});

const deviceTokens = new Map<SchoolId, string>();
/** A second device per school, enrolled once and reused, for the live checks. */
async function deviceTokenOf(id: SchoolId): Promise<string> {
  const known = deviceTokens.get(id);
  if (known) return known;
  const s = school[id];
  const token =
    id === 'demo'
      ? DEMO_ENROLLMENT_TOKENS.year2
      : (
          await call(s.cookie.technician, 'POST', '/api/devices/enrollment-tokens', {
            label: 'Live checks',
            classId: s.classId,
          })
        ).body.token;
  const device = await connectDevice(server.url, { enrollmentToken: token, user: s.pupilEmail });
  const { deviceToken } = await device.enrolled;
  device.disconnect();
  deviceTokens.set(id, deviceToken);
  return deviceToken;
}

async function raiseConcern(id: SchoolId, kind: 'tamper') {
  const device = await connectDevice(server.url, { deviceToken: await deviceTokenOf(id) });
  const ack = await device.emitWithAck('event', {
    ...blockedEvent(),
    kind,
    what: 'proxy-settings',
    detail: `proxy changed at ${id}`,
    url: null,
  } as never);
  expect(ack.ok).toBe(true);
  device.disconnect();
}
