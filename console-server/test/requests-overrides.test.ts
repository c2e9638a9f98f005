import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { PolicyMessage, RequestStatusMessage, StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  apiCall,
  connectConsole,
  connectDevice,
  login,
  nextEvent,
  startTestServer,
  type TestServer,
} from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const post = (path: string, cookie: string, body: unknown) => apiCall(server.url, cookie, 'POST', path, body);

function unblockRequest(url = 'https://scratch.mit.edu/projects/1') {
  return {
    id: uuidv7(),
    kind: 'unblock-request' as const,
    occurredAt: new Date().toISOString(),
    profile: 'KS2' as const,
    policyVersion: 1,
    url,
    category: null,
    reason: 'We are doing Scratch in computing',
  };
}

function next<T>(socket: { once(event: string, fn: (m: T) => void): unknown }, event: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), 5000);
    socket.once(event, (m: T) => {
      clearTimeout(timer);
      resolve(m);
    });
  });
}

describe('unblock requests', () => {
  it('a teacher approves for the lesson: the device gets the opened site and the answer', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    const teacher = await connectConsole(server.url, cookie);
    await teacher.emitWithAck('watch-class', { classId: 'class-year5' });
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    await device.policy;

    const request = unblockRequest();
    const arriving = nextEvent<StoredEvent>(teacher);
    expect(await device.emitWithAck('event', request)).toEqual({ ok: true, id: request.id });
    expect(await arriving).toMatchObject({
      kind: 'unblock-request',
      requestStatus: 'pending',
      severity: 'medium',
    });

    const newPolicy = next<PolicyMessage>(device, 'policy');
    const answer = next<RequestStatusMessage>(device, 'request-status');
    const consoleAnswer = next<RequestStatusMessage>(teacher, 'request-status');
    const res = await post(`/api/requests/${request.id}/decision`, cookie, {
      decision: 'approve-lesson',
      minutes: 30,
    });
    expect(res.status).toBe(200);

    const policy = (await newPolicy).policy;
    expect(policy.overrides).toHaveLength(1);
    expect(policy.overrides[0]).toMatchObject({
      kind: 'open',
      sites: ['scratch.mit.edu'],
      classId: 'class-year5',
    });
    const until = Date.parse(policy.overrides[0]!.endsAt);
    expect(until - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(await answer).toMatchObject({
      requestId: request.id,
      status: 'approved',
      decidedBy: 'Ms Amira Khan',
    });
    expect((await consoleAnswer).status).toBe('approved');

    // Decided requests stay decided.
    expect((await post(`/api/requests/${request.id}/decision`, cookie, { decision: 'deny' })).status).toBe(
      409,
    );
    const events = await fetch(`${server.url}/api/classes/class-year5/events`, { headers: { cookie } });
    const stored = ((await events.json()) as { events: StoredEvent[] }).events.find(
      (e) => e.id === request.id,
    );
    expect(stored?.requestStatus).toBe('approved');
    teacher.disconnect();
    device.disconnect();
  });

  it('forward to the DSL, who can then deny; a teacher cannot decide a forwarded request', async () => {
    const teacherCookie = await login(server.url, 'teacher@demo.waymark.test');
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    const request = unblockRequest('https://www.youtube.com/watch?v=x');
    await device.emitWithAck('event', request);
    expect(
      (await post(`/api/requests/${request.id}/decision`, teacherCookie, { decision: 'forward' })).status,
    ).toBe(200);
    expect(
      (await post(`/api/requests/${request.id}/decision`, teacherCookie, { decision: 'deny' })).status,
    ).toBe(409);
    const answer = next<RequestStatusMessage>(device, 'request-status');
    const dslCookie = await login(server.url, 'dsl@demo.waymark.test');
    expect(
      (
        await post(`/api/requests/${request.id}/decision`, dslCookie, {
          decision: 'deny',
          note: 'not for lessons',
        })
      ).status,
    ).toBe(200);
    expect((await answer).status).toBe('denied');
    device.disconnect();
  });

  it('teachers of other classes, governors and technicians cannot decide; junk gets a 400', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    const request = unblockRequest();
    await device.emitWithAck('event', request);
    for (const email of ['reception@demo.waymark.test']) {
      const res = await post(`/api/requests/${request.id}/decision`, await login(server.url, email), {
        decision: 'deny',
      });
      expect(res.status).toBe(404);
    }
    for (const email of ['governor@demo.waymark.test', 'tech@demo.waymark.test']) {
      const res = await post(`/api/requests/${request.id}/decision`, await login(server.url, email), {
        decision: 'deny',
      });
      expect(res.status).toBe(403);
    }
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    const junk = await post(`/api/requests/${request.id}/decision`, cookie, { decision: 'maybe' });
    expect(junk.status).toBe(400);
    expect(junk.body.error).toMatch(/decision/);
    expect((await post(`/api/requests/${uuidv7()}/decision`, cookie, { decision: 'deny' })).status).toBe(404);
    expect((await post(`/api/requests/not-a-uuid/decision`, cookie, { decision: 'deny' })).status).toBe(404);
    device.disconnect();
  });
});

describe('requests for illegal-category sites', () => {
  it('are never approvable: the teacher may only forward, the DSL only deny; no answer carries the address', async () => {
    const techCookie = await login(server.url, 'tech@demo.waymark.test');
    const imported = await post('/api/policies/category-lists/import', techCookie, {
      format: 'domains',
      category: 'illegal-terrorism',
      content: 'terror-request.invalid',
      reason: 'police list for the test',
    });
    expect(imported.status).toBe(200);
    const teacherCookie = await login(server.url, 'teacher@demo.waymark.test');
    const teacher = await connectConsole(server.url, teacherCookie);
    await teacher.emitWithAck('watch-class', { classId: 'class-year5' });
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    await device.policy;

    // The device calls it uncategorised; the school's lists decide.
    const request = unblockRequest('https://www.terror-request.invalid/page');
    const arriving = nextEvent<StoredEvent>(teacher);
    await device.emitWithAck('event', request);
    expect(await arriving).toMatchObject({ category: 'illegal-terrorism', url: null, urlHidden: true });

    for (const decision of [{ decision: 'approve-lesson' }, { decision: 'deny' }]) {
      const refused = await post(`/api/requests/${request.id}/decision`, teacherCookie, decision);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'illegal-category' });
      expect(refused.body.error).toMatch(/forward it to the DSL/);
    }
    const consoleForward = next<RequestStatusMessage>(teacher, 'request-status');
    const forwarded = await post(`/api/requests/${request.id}/decision`, teacherCookie, {
      decision: 'forward',
    });
    expect(forwarded.status).toBe(200);
    expect(JSON.stringify(forwarded.body)).not.toContain('terror-request');
    expect((await consoleForward).url).toBeNull();

    const dslCookie = await login(server.url, 'dsl@demo.waymark.test');
    const dslApprove = await post(`/api/requests/${request.id}/decision`, dslCookie, {
      decision: 'approve-lesson',
    });
    expect(dslApprove.status).toBe(403);
    expect(dslApprove.body.code).toBe('illegal-category');
    const answer = next<RequestStatusMessage>(device, 'request-status');
    expect((await post(`/api/requests/${request.id}/decision`, dslCookie, { decision: 'deny' })).status).toBe(
      200,
    );
    expect(await answer).toMatchObject({ status: 'denied', url: null });
    const overrides = await apiCall(server.url, teacherCookie, 'GET', '/api/classes/class-year5/overrides');
    expect(JSON.stringify(overrides.body)).not.toContain('terror-request');
    // Nor by a lesson override naming it, or wide enough to cover it.
    for (const sites of [['terror-request.invalid'], ['www.terror-request.invalid/page'], ['invalid']]) {
      const opened = await post('/api/classes/class-year5/overrides', teacherCookie, { kind: 'open', sites });
      expect(opened.status).toBe(403);
      expect(opened.body.code).toBe('illegal-category');
    }
    teacher.disconnect();
    device.disconnect();
  });
});

describe('lesson overrides', () => {
  it('open sites for a class, pushed to its devices, and ended early', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.policy;
    const pushed = next<PolicyMessage>(device, 'policy');
    const started = await post('/api/classes/class-year2/overrides', cookie, {
      kind: 'focus',
      sites: ['docs.google.com'],
      minutes: 20,
    });
    expect(started.status).toBe(201);
    const override = started.body.override as { id: string };
    expect((await pushed).policy.overrides.map((o) => o.id)).toContain(override.id);

    const ended = next<PolicyMessage>(device, 'policy');
    expect((await post(`/api/classes/class-year2/overrides/${override.id}/end`, cookie, {})).status).toBe(
      200,
    );
    expect((await ended).policy.overrides.map((o) => o.id)).not.toContain(override.id);
    device.disconnect();
  });

  it('every console watching the class is told the lesson overrides changed', async () => {
    const dsl = await connectConsole(server.url, await login(server.url, 'dsl@demo.waymark.test'));
    await dsl.emitWithAck('watch-class', { classId: 'class-year5' });
    const told = next<{ classId: string }>(dsl, 'overrides-changed');
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    await post('/api/classes/class-year5/overrides', cookie, { kind: 'open', sites: ['nasa.gov'] });
    expect(await told).toEqual({ classId: 'class-year5' });
    dsl.disconnect();
  });

  it('a device that connects later gets only overrides that have not ended', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    await post('/api/classes/class-year2/overrides', cookie, {
      kind: 'open',
      sites: ['scratch.mit.edu'],
      minutes: 15,
    });
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const { policy } = await device.policy;
    expect(policy.overrides.map((o) => o.sites)).toEqual([['scratch.mit.edu']]);
    device.disconnect();
  });

  it('only for one’s own classes, with valid sites', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    expect(
      (await post('/api/classes/class-reception/overrides', cookie, { kind: 'open', sites: ['a.test'] }))
        .status,
    ).toBe(404);
    const bad = await post('/api/classes/class-year2/overrides', cookie, {
      kind: 'open',
      sites: ['exa mple.com'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/invalid filter "exa mple.com"/);
    // The matcher decides, not a comparison with "*": each of these opens every site.
    for (const site of ['*.', 'https://*', '*:443/x?y=1', '.*', 'com']) {
      const whole = await post('/api/classes/class-year2/overrides', cookie, { kind: 'open', sites: [site] });
      expect(whole.status, site).toBe(400);
      expect(whole.body.error).toContain(`"${site}" would open the whole web`);
      const focus = await post('/api/classes/class-year2/overrides', cookie, {
        kind: 'focus',
        sites: [site],
      });
      expect(focus.status, site).toBe(400);
    }
    const governor = await login(server.url, 'governor@demo.waymark.test');
    expect(
      (await post('/api/classes/class-year2/overrides', governor, { kind: 'open', sites: ['a.test'] }))
        .status,
    ).toBe(403);
  });
});
