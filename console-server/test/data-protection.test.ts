import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
let dsl: string;
const PUPIL = 'poppy.wright@pupils.demo.waymark.test';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  dsl = await login(server.url, 'dsl@demo.waymark.test');
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    user: PUPIL,
  });
  for (const [name, age] of [
    ['old', 100],
    ['oldEvidence', 120],
    ['recent', 2],
  ] as const) {
    const event = blockedEvent({
      occurredAt: daysAgo(age),
      url: `https://${name}.example/, "quoted"`,
      category: 'gaming',
    });
    await device.emitWithAck('event', event);
    ids[name] = event.id;
  }
  device.disconnect();
  await call('POST', '/api/incidents/from-events', { eventIds: [ids.oldEvidence] });
});
afterAll(() => server.close());

async function call(method: string, url: string, body?: unknown, cookie = dsl) {
  return fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const eventIds = async () =>
  (
    (await (await call('GET', '/api/classes/class-year2/events')).json()) as { events: StoredEvent[] }
  ).events.map((e) => e.id);

describe('data protection', () => {
  it('retention purges events past the school’s period, keeps incident evidence, and logs it', async () => {
    const result = await server.app.services.dataProtection.purgeExpired();
    expect(result).toEqual([{ schoolId: 'demo', events: 1, alerts: 0, incidents: 0 }]);
    const left = await eventIds();
    expect(left).not.toContain(ids.old);
    expect(left).toEqual(expect.arrayContaining([ids.oldEvidence, ids.recent]));
    const { log } = (await (await call('GET', '/api/data-protection/log')).json()) as {
      log: Array<{ kind: string; count: number }>;
    };
    expect(log[0]).toMatchObject({ kind: 'retention-purge', count: 1 });
  });

  it('subject-access export: everything naming the pupil, as JSON and CSV, logged', async () => {
    const json = (await (await call('GET', `/api/data-protection/pupils/${PUPIL}/export`)).json()) as {
      events: unknown[];
      incidents: Array<{ history: unknown[] }>;
    };
    expect(json.events).toHaveLength(2);
    expect(json.incidents).toHaveLength(1);
    expect(json.incidents[0]!.history).toHaveLength(1);
    const csv = await (await call('GET', `/api/data-protection/pupils/${PUPIL}/export?format=csv`)).text();
    expect(csv.split('\n')[0]).toBe('occurred_at,kind,url,category,rule,device,class,ip,details');
    expect(csv).toContain('"https://recent.example/, ""quoted"""');
    const { log } = (await (await call('GET', '/api/data-protection/log')).json()) as {
      log: Array<{ kind: string; subject: string }>;
    };
    expect(log[0]).toMatchObject({ kind: 'subject-access-export', subject: PUPIL });
  });

  it('erasure removes monitoring events but keeps safeguarding records, and says so', async () => {
    const res = await call('POST', `/api/data-protection/pupils/${PUPIL}/erase`, {
      reason: 'Parent request under UK GDPR article 17',
    });
    expect(await res.json()).toMatchObject({
      erasedEvents: 1,
      keptIncidents: 1,
      note: expect.stringContaining('safeguarding records'),
    });
    expect(await eventIds()).toEqual([ids.oldEvidence]);
  });

  it('closed incidents past their retention are purged; the hash chain still verifies, and still catches edits', async () => {
    const raise = async (description: string) =>
      (
        (await (
          await call('POST', '/api/incidents', {
            subject: 'staff',
            personName: 'X',
            category: 'other',
            severity: 'low',
            description,
          })
        ).json()) as { incident: { id: string } }
      ).incident.id;
    const close = (id: string) =>
      call('POST', `/api/incidents/${id}/changes`, { outcome: 'Resolved.', status: 'closed' });
    const a = await raise('old and closed');
    const b = await raise('old but still open');
    await close(a);
    const c = await raise('closed too');
    await call('POST', `/api/incidents/${b}/changes`, { note: 'still being looked at' });
    await close(c);
    const { dataProtection, db } = server.app.services;
    const sevenYearsOn = new Date(Date.now() + 7 * 365 * 86_400_000);
    const [result] = await dataProtection.purgeExpired(sevenYearsOn);
    expect(result!.incidents).toBe(2); // a and c; b is open, and so is the evidence incident
    expect((await call('GET', `/api/incidents/${a}`)).status).toBe(404);
    expect((await call('GET', `/api/incidents/${b}`)).status).toBe(200);
    const { verifyLog } = await import('../src/features/incidents/verify-log');
    // Checked as of the purge's (simulated) time: a purge dated after the check would be forged.
    expect((await verifyLog(db, { now: sevenYearsOn })).problems).toEqual([]);
    const { log } = (await (await call('GET', '/api/data-protection/log')).json()) as {
      log: Array<{ kind: string; count: number }>;
    };
    expect(log.find((l) => l.kind === 'incident-retention-purge')).toMatchObject({ count: 2 });
    const { sql } = await import('drizzle-orm');
    await db.execute(
      sql`delete from incident_history where id = (select min(id) from incident_history where incident_id is not null)`,
    );
    expect((await verifyLog(db)).problems.some((p) => p.problem.startsWith('does not follow'))).toBe(true);
  });

  it('is the DSL’s alone; junk is refused', async () => {
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    expect(
      (await call('GET', `/api/data-protection/pupils/${PUPIL}/export`, undefined, teacher)).status,
    ).toBe(403);
    expect((await call('POST', `/api/data-protection/pupils/${PUPIL}/erase`, { reason: '' })).status).toBe(
      400,
    );
    expect((await call('GET', '/api/data-protection/pupils/not-an-email/export')).status).toBe(400);
  });
});
