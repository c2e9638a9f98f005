import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDirectory } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
const cookies: Record<string, string> = {};
const call = (who: string, method: string, url: string, body?: unknown) =>
  apiCall(server.url, cookies[who]!, method, url, body);
const references = async (who: string, query: string): Promise<string[]> => {
  const res = await call(who, 'GET', `/api/incidents?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.incidents as Array<{ reference: string }>).map((i) => i.reference).sort();
};

const today = new Date().toISOString().slice(0, 10);
const ref: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['teacher', 'reception', 'dsl', 'deputy.dsl', 'governor', 'tech']) {
    cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
  }
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    user: 'harry.lewis@pupils.demo.waymark.test',
  });
  const event = blockedEvent({ url: 'https://www.roblox.com/games', category: 'gaming' });
  await device.emitWithAck('event', event);
  device.disconnect();
  const fromEvent = await call('teacher', 'POST', '/api/incidents/from-events', { eventIds: [event.id] });
  ref.gaming = fromEvent.body.incident.reference;

  const staffIncident = await call('dsl', 'POST', '/api/incidents', {
    subject: 'staff',
    personName: 'A supply teacher',
    category: 'social-media',
    severity: 'low',
    description: 'Used a personal social media account on the classroom display.',
    occurredAt: '2025-11-03T10:00:00Z',
  });
  ref.staff = staffIncident.body.incident.reference;
  await call('dsl', 'POST', `/api/incidents/${staffIncident.body.incident.id}/changes`, {
    ownerId: 'staff-deputy-dsl',
    followUpDate: '2025-11-10',
    outcome: 'Spoke to the agency; reminded of the acceptable use policy.',
  });

  const closed = await call('dsl', 'POST', '/api/incidents', {
    subject: 'pupil',
    pupilEmail: 'alfie.hughes@pupils.demo.waymark.test',
    category: 'cyberbullying',
    severity: 'high',
    description: 'Unkind messages in a shared document.',
  });
  ref.closed = closed.body.incident.reference;
  await call('dsl', 'POST', `/api/incidents/${closed.body.incident.id}/changes`, {
    outcome: 'Restorative conversation held with both pupils.',
    status: 'closed',
    followUpDate: '2025-01-01',
  });
});
afterAll(async () => server?.close());

describe('the incident log’s filters', () => {
  it('filters by status, category, severity, owner, date range and follow-ups due, and searches the outcome', async () => {
    expect(await references('dsl', '')).toEqual([ref.closed, ref.gaming, ref.staff].sort());
    expect(await references('dsl', 'status=closed')).toEqual([ref.closed]);
    expect(await references('dsl', 'category=gaming')).toEqual([ref.gaming]);
    expect(await references('dsl', 'severity=high')).toEqual([ref.closed]);
    expect(await references('dsl', 'owner=staff-deputy-dsl')).toEqual([ref.staff]);
    expect(await references('dsl', 'owner=none')).toEqual([ref.closed, ref.gaming].sort());
    expect(await references('dsl', 'from=2025-11-01&to=2025-11-30')).toEqual([ref.staff]);
    expect(await references('dsl', `from=${today}`)).toEqual([ref.closed, ref.gaming].sort());
    // Closed incidents are never "due", however old their follow-up date.
    expect(await references('dsl', 'followUpDue=true')).toEqual([ref.staff]);
    expect(await references('dsl', 'q=agency')).toEqual([ref.staff]);
    expect(await references('dsl', 'q=100%25')).toEqual([]);
    expect(await references('dsl', 'status=&q=')).toHaveLength(3);
  });

  it('names the owner, the class and who raised it beside the ids', async () => {
    const { body } = await call('dsl', 'GET', `/api/incidents?q=${encodeURIComponent(ref.gaming!)}`);
    expect(body.incidents[0]).toMatchObject({
      className: 'Year 2 (Owls)',
      createdByName: 'Ms Amira Khan',
      ownerName: null,
    });
    const staffRow = (await call('dsl', 'GET', '/api/incidents?owner=staff-deputy-dsl')).body.incidents[0];
    const detail = await call('dsl', 'GET', `/api/incidents/${staffRow.id}`);
    expect(detail.body.incident.ownerName).toBe('Mr Gareth Lloyd');
    expect(detail.body.staffNames).toEqual({ 'staff-deputy-dsl': 'Mr Gareth Lloyd' });
  });

  it('a teacher’s list holds only their own incidents, whatever the filter', async () => {
    expect(await references('teacher', '')).toEqual([ref.gaming]);
    expect(await references('reception', '')).toEqual([ref.closed]);
    expect(await references('reception', 'category=gaming')).toEqual([]);
  });

  it('answers a bad filter with a 400 that says what was wrong', async () => {
    const bad = await call('dsl', 'GET', '/api/incidents?status=finished');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/status/);
    const backwards = await call('dsl', 'GET', '/api/incidents?from=2026-02-01&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatch(/ends before it starts/);
    expect((await call('dsl', 'GET', '/api/incidents?from=yesterday')).status).toBe(400);
    expect((await call('dsl', 'GET', `/api/incidents?q=${'x'.repeat(201)}`)).status).toBe(400);
  });
});

describe('the incident directory', () => {
  it('gives the DSL every pupil and a teacher only their classes’ pupils; staff who work with incidents', async () => {
    const dsl = (await call('dsl', 'GET', '/api/incidents/directory')).body as IncidentDirectory;
    const teacher = (await call('teacher', 'GET', '/api/incidents/directory')).body as IncidentDirectory;
    const classesOf = (d: IncidentDirectory) => [...new Set(d.pupils.map((p) => p.classId))];
    expect(classesOf(dsl).sort()).toEqual(['class-reception', 'class-year2', 'class-year5']);
    expect(classesOf(teacher).sort()).toEqual(['class-year2', 'class-year5']);
    expect(dsl.pupils).toContainEqual({
      email: 'harry.lewis@pupils.demo.waymark.test',
      name: 'Harry Lewis',
      classId: 'class-year2',
      className: 'Year 2 (Owls)',
    });
    const roles = new Set(dsl.staff.map((s) => s.role));
    expect([...roles].sort()).toEqual(['dsl', 'teacher', 'technician']);
    expect((await call('tech', 'GET', '/api/incidents/directory')).body.pupils).toEqual([]);
    expect((await call('governor', 'GET', '/api/incidents/directory')).status).toBe(403);
  });
});
