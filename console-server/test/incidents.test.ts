import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { main } from '../src/cli/main';
import { verifyLog } from '../src/features/incidents/verify-log';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
let dataDir: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-incidents-'));
  server = await startTestServer(dataDir);
  for (const who of ['teacher', 'reception', 'dsl', 'deputy.dsl', 'tech', 'governor']) {
    cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
  }
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = (method: string, url: string, who: string, body?: unknown) =>
  apiCall(server.url, cookies[who]!, method, url, body);

async function reportBlocked(overrides = {}) {
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    user: 'harry.lewis@pupils.demo.waymark.test',
  });
  const event = blockedEvent({ url: 'https://www.roblox.com/games', category: 'gaming', ...overrides });
  await device.emitWithAck('event', event);
  device.disconnect();
  return event;
}

describe('the incident log', () => {
  let incidentId: string;

  it('a teacher raises an incident from an event in one request, pre-filled', async () => {
    const event = await reportBlocked();
    const res = await call('POST', '/api/incidents/from-events', 'teacher', { eventIds: [event.id] });
    expect(res.status).toBe(201);
    const { incident, history, evidence } = res.body;
    expect(incident).toMatchObject({
      // Numbered in the year it was raised (not the year as the test reads the clock after New Year's midnight).
      reference: `INC-${new Date(incident.createdAt).getFullYear()}-0001`,
      subject: 'pupil',
      pupilEmail: 'harry.lewis@pupils.demo.waymark.test',
      personName: 'Harry Lewis',
      classId: 'class-year2',
      category: 'gaming',
      severity: 'medium',
      status: 'open',
      illegal: false,
      createdBy: 'staff-teacher',
    });
    expect(incident.description).toContain(
      'Harry Lewis tried to open https://www.roblox.com/games on Test Chromebook',
    );
    expect(evidence.map((e: { id: string }) => e.id)).toEqual([event.id]);
    expect(history).toHaveLength(1);
    incidentId = incident.id;
  });

  it('the DSL finds it, works it and closes it with an outcome; every change is in the history', async () => {
    const list = await call('GET', '/api/incidents?status=open&q=Harry', 'dsl');
    expect(list.body.incidents.map((i: { id: string }) => i.id)).toContain(incidentId);
    expect(
      (await call('POST', `/api/incidents/${incidentId}/changes`, 'dsl', { status: 'closed' })).status,
    ).toBe(400);
    for (const change of [
      { ownerId: 'staff-dsl', status: 'under-review' },
      { addActions: ['refer-class-teacher', 'warning'], followUpDate: '2026-12-01' },
      { outcome: 'Talked with Harry about the rules for games in lessons.', status: 'closed' },
    ]) {
      expect((await call('POST', `/api/incidents/${incidentId}/changes`, 'dsl', change)).status).toBe(200);
    }
    const { body } = await call('GET', `/api/incidents/${incidentId}`, 'dsl');
    expect(body.incident).toMatchObject({
      status: 'closed',
      ownerId: 'staff-dsl',
      actions: ['refer-class-teacher', 'warning'],
      followUpDate: '2026-12-01',
      outcome: 'Talked with Harry about the rules for games in lessons.',
    });
    expect(body.history.map((h: { actorName: string }) => h.actorName)).toEqual([
      'Ms Amira Khan',
      'Mrs Helen Jones',
      'Mrs Helen Jones',
      'Mrs Helen Jones',
    ]);
  });

  it('a teacher may add notes to their own, but only the DSL changes status; others cannot see it', async () => {
    expect(
      (
        await call('POST', `/api/incidents/${incidentId}/changes`, 'teacher', {
          note: 'Spoke to parents at pick-up.',
        })
      ).status,
    ).toBe(200);
    const refused = await call('POST', `/api/incidents/${incidentId}/changes`, 'teacher', { status: 'open' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/only the DSL/);
    expect((await call('GET', `/api/incidents/${incidentId}`, 'reception')).status).toBe(404);
    expect((await call('GET', '/api/incidents', 'reception')).body.incidents).toEqual([]);
    expect((await call('GET', '/api/incidents', 'governor')).status).toBe(403);
    expect((await call('GET', '/api/incidents/not-an-id', 'dsl')).status).toBe(404);
  });

  it('a technician raises technical incidents from tamper events, not from pupils’ browsing', async () => {
    const blocked = await reportBlocked();
    expect(
      (await call('POST', '/api/incidents/from-events', 'tech', { eventIds: [blocked.id] })).status,
    ).toBe(404);
    const tamper = await reportBlocked({
      kind: 'tamper',
      what: 'proxy-settings',
      detail: 'proxy mode fixed_servers',
      url: null,
    });
    const res = await call('POST', '/api/incidents/from-events', 'tech', { eventIds: [tamper.id] });
    expect(res.status).toBe(201);
    expect(res.body.incident).toMatchObject({ category: 'circumvention', severity: 'high' });
  });

  it('from a flagged search: the category and severity of its most serious phrase (issue 14)', async () => {
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'freya.green@pupils.demo.waymark.test',
    });
    const bullied = {
      ...blockedEvent(),
      kind: 'search' as const,
      url: 'https://www.google.co.uk/search?q=x',
      engine: 'Google',
      flags: [],
    };
    const searches = [
      { ...bullied, id: uuidv7(), query: 'everyone at school hates me' },
      { ...bullied, id: uuidv7(), query: 'how to kil myslef' },
    ];
    for (const s of searches) expect(await device.emitWithAck('event', s)).toMatchObject({ ok: true });
    device.disconnect();
    const one = await call('POST', '/api/incidents/from-events', 'dsl', { eventIds: [searches[0]!.id] });
    expect(one.body.incident).toMatchObject({ category: 'cyberbullying' });
    const both = await call('POST', '/api/incidents/from-events', 'dsl', {
      eventIds: searches.map((s) => s.id),
    });
    expect(both.body.incident).toMatchObject({ category: 'self-harm', severity: 'high' });
  });

  it('from scratch, also about staff; junk gets a 400 that says what is wrong', async () => {
    const res = await call('POST', '/api/incidents', 'dsl', {
      subject: 'staff',
      personName: 'A supply teacher',
      category: 'inappropriate-communication',
      severity: 'high',
      description: 'Messaged a pupil on a personal account.',
    });
    expect(res.status).toBe(201);
    expect(res.body.incident).toMatchObject({ subject: 'staff', classId: null });
    const junk = await call('POST', '/api/incidents', 'dsl', {
      subject: 'pupil',
      category: 'nope',
      severity: 'high',
      description: '',
    });
    expect(junk.status).toBe(400);
    expect(junk.body.error).toMatch(/category/);
    expect((await call('POST', '/api/incidents', 'governor', {})).status).toBe(403);
  });

  it('illegal content: no address in the record, hidden evidence, and a countersignature before closing', async () => {
    const event = await reportBlocked({ url: 'https://illegal.example/x', category: 'illegal-csam' });
    const raised = await call('POST', '/api/incidents/from-events', 'teacher', { eventIds: [event.id] });
    const id = raised.body.incident.id;
    expect(raised.body.incident).toMatchObject({ illegal: true, severity: 'high' });
    expect(raised.body.incident.description).not.toContain('illegal.example');
    expect(raised.body.evidence[0]).toMatchObject({ url: null, urlHidden: true });
    expect((await call('GET', `/api/incidents/${id}`, 'dsl')).body.evidence[0].url).toBe(
      'https://illegal.example/x',
    );

    await call('POST', `/api/incidents/${id}/changes`, 'dsl', {
      ownerId: 'staff-dsl',
      addActions: ['refer-police'],
      outcome: 'Referred to police, ref 123.',
    });
    const early = await call('POST', `/api/incidents/${id}/changes`, 'dsl', { status: 'closed' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'conflict', error: expect.stringMatching(/countersign/) });
    expect((await call('POST', `/api/incidents/${id}/countersign`, 'dsl')).status).toBe(409); // the owner cannot
    expect((await call('POST', `/api/incidents/${id}/countersign`, 'teacher')).status).toBe(403);
    expect((await call('POST', `/api/incidents/${id}/countersign`, 'deputy.dsl')).status).toBe(200);
    expect((await call('POST', `/api/incidents/${id}/changes`, 'dsl', { status: 'closed' })).status).toBe(
      200,
    );
  });

  it('verify-log: the chain holds, and detects an edited entry and an incident edited in place', async () => {
    const db = server.app.services.db;
    expect((await verifyLog(db)).problems).toEqual([]);
    await db.execute(
      sql`update incident_history set change = jsonb_set(change, '{note}', '"rewritten"') where change ? 'note'`,
    );
    const edited = await verifyLog(db);
    expect(edited.problems.map((p) => p.problem)).toContain(
      'its content does not match its hash (the entry was edited)',
    );
    await db.execute(sql`update incidents set outcome = 'nothing happened' where status = 'closed'`);
    const inPlace = await verifyLog(db);
    expect(inPlace.problems.some((p) => p.problem.startsWith('outcome differs from its history'))).toBe(true);
  });

  it('npx waymark verify-log reports it and exits 1', async () => {
    await server.close();
    let out = '';
    const code = await main(['verify-log', '--data-dir', dataDir], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => true },
    });
    expect(code).toBe(1);
    expect(out).toContain('has been tampered with or damaged');
    server = await startTestServer(dataDir);
  });
});
