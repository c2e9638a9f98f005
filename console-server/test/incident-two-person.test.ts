import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { verifyLog } from '../src/features/incidents/verify-log';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';

/** docs/architecture.md, "Incidents": the illegal-content procedure needs two different people at every step. */

let server: TestServer;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['teacher', 'dsl', 'deputy.dsl'])
    cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
});
afterAll(() => server.close());

const call = (method: string, url: string, who: string, body?: unknown) =>
  apiCall(server.url, cookies[who]!, method, url, body);

async function illegalIncident(): Promise<string> {
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    user: 'harry.lewis@pupils.demo.waymark.test',
  });
  const event = blockedEvent({ url: 'https://illegal.example/x', category: 'illegal-csam' });
  await device.emitWithAck('event', event);
  device.disconnect();
  const raised = await call('POST', '/api/incidents/from-events', 'teacher', { eventIds: [event.id] });
  expect(raised.status).toBe(201);
  return raised.body.incident.id as string;
}

const change = (id: string, who: string, body: unknown) =>
  call('POST', `/api/incidents/${id}/changes`, who, body);
const countersign = (id: string, who: string) => call('POST', `/api/incidents/${id}/countersign`, who);

describe('two different people at every step of the illegal-content procedure', () => {
  it('the owner cannot countersign, nor the person who raised it', async () => {
    const id = await illegalIncident();
    expect((await change(id, 'dsl', { ownerId: 'staff-dsl' })).status).toBe(200);
    const owner = await countersign(id, 'dsl');
    expect(owner.status).toBe(409);
    expect(owner.body.error).toMatch(/not the one who owns it/);

    const raised = await call('POST', '/api/incidents', 'deputy.dsl', {
      subject: 'staff',
      personName: 'A member of staff',
      category: 'illegal-terrorism',
      severity: 'high',
      description: 'Reported by a colleague.',
    });
    expect(raised.status).toBe(201);
    const raiser = await countersign(raised.body.incident.id, 'deputy.dsl');
    expect(raiser.status).toBe(409);
    expect(raiser.body.error).toMatch(/not the one who raised it/);
  });

  it('once countersigned, the countersigner cannot become the owner, by any change', async () => {
    const id = await illegalIncident();
    expect((await change(id, 'dsl', { ownerId: 'staff-dsl', outcome: 'Referred to police.' })).status).toBe(
      200,
    );
    expect((await countersign(id, 'deputy.dsl')).status).toBe(200);
    for (const [who, body] of [
      ['dsl', { ownerId: 'staff-deputy-dsl' }],
      ['deputy.dsl', { ownerId: 'staff-deputy-dsl' }],
      ['dsl', { ownerId: 'staff-deputy-dsl', status: 'closed' }],
    ] as const) {
      const res = await change(id, who, body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'conflict' });
      expect(res.body.error).toMatch(/who countersigned cannot become its owner/);
    }
    const { body } = await call('GET', `/api/incidents/${id}`, 'dsl');
    expect(body.incident).toMatchObject({ ownerId: 'staff-dsl', status: 'open' });
  });

  it('the countersigner cannot close it; the owner can', async () => {
    const id = await illegalIncident();
    expect((await change(id, 'dsl', { ownerId: 'staff-dsl', outcome: 'Referred to police.' })).status).toBe(
      200,
    );
    expect((await countersign(id, 'deputy.dsl')).status).toBe(200);
    const closedBySigner = await change(id, 'deputy.dsl', { status: 'closed' });
    expect(closedBySigner.status).toBe(409);
    expect(closedBySigner.body.error).toMatch(/who countersigned cannot close it/);
    expect((await change(id, 'dsl', { status: 'closed' })).status).toBe(200);
    // Reopened and closed again: the same rule at the second close.
    expect((await change(id, 'dsl', { status: 'under-review' })).status).toBe(200);
    expect((await change(id, 'deputy.dsl', { status: 'closed' })).status).toBe(409);
    expect((await change(id, 'deputy.dsl', { note: 'Police confirmed receipt.' })).status).toBe(200);
  });

  it('countersigned before anyone owns it: the countersigner is still never made its owner', async () => {
    const id = await illegalIncident();
    expect((await countersign(id, 'deputy.dsl')).status).toBe(200);
    const res = await change(id, 'dsl', { ownerId: 'staff-deputy-dsl' });
    expect(res.status).toBe(409);
    expect((await change(id, 'dsl', { ownerId: 'staff-dsl' })).status).toBe(200);
  });

  it('the log the refusals left behind verifies', async () => {
    expect((await verifyLog(server.app.services.db)).problems).toEqual([]);
  });
});
