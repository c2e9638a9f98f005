import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  can,
  ROLES,
  TRUST_ROLES,
  type Capability,
  type DeviceEventInput,
  type Role,
  type StoredEvent,
} from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS, DEMO_PASSWORD } from '../src';
import { addTrustStaff, createTrust, setSchoolTrust } from '../src/features/trust/trust-setup';
import {
  apiCall,
  blockedEvent,
  connectConsole,
  connectDevice,
  login,
  startTestServer,
  type TestServer,
} from './harness';

const EMAIL: Record<Role, string> = {
  teacher: 'teacher@demo.waymark.test',
  dsl: 'dsl@demo.waymark.test',
  technician: 'tech@demo.waymark.test',
  governor: 'governor@demo.waymark.test',
  'senior-leader': 'head@demo.waymark.test',
  admin: 'admin@demo.waymark.test',
  'trust-dsl': 'safeguarding@trust.waymark.test',
  'trust-reporter': 'ceo@trust.waymark.test',
};

let server: TestServer;
const cookie: Partial<Record<Role, string>> = {};
let dslIncident = '';
/** A draft review pack for each role that may sign (a first signature each), and one for the rest. */
const packToSign: Partial<Record<Role, string>> = {};
/** A search the phrase library flags, for the false-positive attempt. */
const flaggedSearch = {
  ...blockedEvent(),
  kind: 'search',
  url: 'https://www.google.co.uk/search?q=i+want+to+die',
  engine: 'Google',
  query: 'i want to die',
  flags: [],
  blocked: false,
} as DeviceEventInput;

beforeAll(async () => {
  server = await startTestServer();
  // The demo school in a trust, with the trust's own accounts (the trust roles' capabilities).
  const { db } = server.app.services;
  await createTrust(db, { id: 'demo-trust', name: 'Demo Learning Trust' });
  await setSchoolTrust(db, 'demo', 'demo-trust');
  for (const role of TRUST_ROLES) {
    await addTrustStaff(db, {
      trustId: 'demo-trust',
      schoolId: 'demo',
      email: EMAIL[role],
      name: role,
      role,
      password: DEMO_PASSWORD,
    });
  }
  for (const role of ROLES) cookie[role] = await login(server.url, EMAIL[role]);
  const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
  await device.emitWithAck(
    'event',
    blockedEvent({ url: 'https://illegal.example/', category: 'illegal-csam' }),
  );
  await device.emitWithAck('event', flaggedSearch);
  device.disconnect();
  const raised = await call('dsl', 'POST', '/api/incidents', {
    subject: 'staff',
    personName: 'Someone',
    category: 'other',
    severity: 'low',
    description: 'Raised by the DSL for the matrix test.',
  });
  dslIncident = raised.body.incident.id;
  for (const [role, year] of [
    ['senior-leader', 2023],
    ['governor', 2024],
  ] as const) {
    const prepared = await call('dsl', 'POST', '/api/compliance/review-packs', { year });
    expect(prepared.status).toBe(201);
    packToSign[role] = prepared.body.pack.id;
  }
});
afterAll(() => server.close());

const call = (role: Role, method: string, url: string, body?: unknown) =>
  apiCall(server.url, cookie[role]!, method, url, body);

async function watch(role: Role, classId: string): Promise<{ ok: boolean; recent?: StoredEvent[] }> {
  const socket = await connectConsole(server.url, cookie[role]!);
  const ack = await socket.emitWithAck('watch-class', { classId });
  socket.disconnect();
  return ack.ok ? { ok: true, recent: ack.recent } : { ok: false };
}

const granted = (status: number) => status >= 200 && status < 300;

/** One real attempt per capability, over HTTP or the console socket; true when it was allowed. */
const ATTEMPTS: Record<Capability, (role: Role) => Promise<boolean>> = {
  'watch-own-classes': async (role) => (await watch(role, 'class-year2')).ok,
  'watch-all-classes': async (role) => (await watch(role, 'class-reception')).ok,
  'raise-incident': async (role) =>
    granted(
      (
        await call(role, 'POST', '/api/incidents', {
          subject: 'pupil',
          pupilEmail: 'mia.walker@pupils.demo.waymark.test',
          category: 'other',
          severity: 'low',
          description: 'matrix test',
        })
      ).status,
    ),
  'work-incident-log': async (role) =>
    granted(
      (await call(role, 'POST', `/api/incidents/${dslIncident}/changes`, { severity: 'medium' })).status,
    ),
  'see-illegal-urls': async (role) => {
    const seen = await watch(role, 'class-year2');
    return seen.recent?.some((e) => e.url === 'https://illegal.example/') ?? false;
  },
  'lesson-overrides': async (role) =>
    granted(
      (
        await call(role, 'POST', '/api/classes/class-year2/overrides', {
          kind: 'open',
          sites: ['a.test'],
          minutes: 5,
        })
      ).status,
    ),
  'edit-policies': async (role) => granted((await call(role, 'GET', '/api/policies/KS1')).status),
  'manage-devices': async (role) => granted((await call(role, 'GET', '/api/devices')).status),
  'issue-visitor-passes': async (role) => granted((await call(role, 'GET', '/api/visitor-passes')).status),
  'view-reports': async (role) => granted((await call(role, 'GET', '/api/reports/digest')).status),
  'view-change-log': async (role) => granted((await call(role, 'GET', '/api/policies/changes')).status),
  'acknowledge-alerts': async (role) => granted((await call(role, 'GET', '/api/alerts')).status),
  'alert-settings': async (role) =>
    granted(
      (await call(role, 'PUT', '/api/alerts/settings', { escalationMinutes: 10, escalationAnyTime: false }))
        .status,
    ),
  'live-class-settings': async (role) =>
    granted(
      (
        await call(role, 'PUT', '/api/live-settings', {
          tabsInLessonsOnly: false,
          reason: 'access matrix check',
        })
      ).status,
    ),
  'mark-false-positive': async (role) =>
    granted(
      (await call(role, 'POST', '/api/policies/false-positives', { eventId: flaggedSearch.id })).status,
    ),
  'run-filtering-checks': async (role) => granted((await call(role, 'GET', '/api/filter-checks')).status),
  'manage-accounts': async (role) => granted((await call(role, 'GET', '/api/staff')).status),
  'manage-classes': async (role) =>
    granted(
      (
        await call(role, 'POST', '/api/classes/import', {
          csv: 'class_name,key_stage,pupil_name,pupil_email\nYear 6 (Swifts),KS2,Ada Jones,ada.jones@pupils.demo.waymark.test',
        })
      ).status,
    ),
  'see-pupil-names-in-reports': async (role) =>
    granted((await call(role, 'GET', '/api/reports/pupils')).status),
  'report-concerns': async (role) =>
    granted(
      (
        await call(role, 'POST', '/api/reports/concerns', {
          weekStart: '2026-11-30',
          line: 'Alerts: 2',
          note: 'matrix test',
        })
      ).status,
    ),
  'read-concern-reports': async (role) => granted((await call(role, 'GET', '/api/reports/concerns')).status),
  'view-compliance': async (role) => granted((await call(role, 'GET', '/api/compliance')).status),
  'prepare-review-pack': async (role) =>
    granted((await call(role, 'POST', '/api/compliance/review-packs', { year: 2025 })).status),
  'sign-review-pack': async (role) => {
    const id = packToSign[role] ?? packToSign.governor!;
    const { body } = await call(role, 'GET', `/api/compliance/review-packs/${id}`);
    const contentHash = body.pack?.contentHash ?? '0'.repeat(64);
    return granted(
      (await call(role, 'POST', `/api/compliance/review-packs/${id}/signatures`, { contentHash })).status,
    );
  },
  'view-trust-reports': async (role) => granted((await call(role, 'GET', '/api/trust/overview')).status),
  'oversee-trust-safeguarding': async (role) =>
    granted((await call(role, 'GET', '/api/trust/incidents')).status),
  'see-trust-pupil-names': async (role) =>
    granted((await call(role, 'GET', '/api/trust/schools/demo/pupils')).status),
};

const TESTED = Object.keys(ATTEMPTS) as Capability[];

describe('every capability tried by every role, HTTP and socket', () => {
  for (const capability of TESTED) {
    for (const role of ROLES) {
      it(`${role} ${can(role, capability) ? 'can' : 'cannot'} ${capability}`, async () => {
        expect(await ATTEMPTS[capability](role)).toBe(can(role, capability));
      });
    }
  }

  it('a device token cannot open a console socket', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const { deviceToken } = await device.enrolled;
    device.disconnect();
    await expect(connectConsole(server.url, `waymark_session=${deviceToken}`)).rejects.toThrow(
      /sign in first/,
    );
  });
});
