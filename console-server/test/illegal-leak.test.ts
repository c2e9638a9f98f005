import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
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

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Hosts on the school's illegal lists: none may reach anyone but the DSL, in any field. */
const ILLEGAL_HOSTS = ['csam-leak.invalid', 'terror-leak.invalid'];

/** Everything one member of staff receives: socket messages and HTTP answers, as text. */
function recorder() {
  const seen: string[] = [];
  return {
    seen,
    listen(socket: ConsoleSocket) {
      socket.onAny((name: string, ...args: unknown[]) => seen.push(`${name} ${JSON.stringify(args)}`));
    },
    async call(cookie: string, method: string, path: string, body?: unknown) {
      const res = await apiCall(server.url, cookie, method, path, body);
      seen.push(`${method} ${path} ${JSON.stringify(res.body)}`);
      return res;
    },
    async text(cookie: string, path: string) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      seen.push(`GET ${path} ${await res.text()}`);
    },
  };
}

describe('illegal-category addresses reach the DSL only', () => {
  it('no teacher, technician or governor payload names an illegal host, while events, requests, incidents and list edits happen', async () => {
    const [teacherCookie, techCookie, governorCookie, dslCookie] = await Promise.all(
      ['teacher', 'tech', 'governor', 'dsl'].map((who) => login(server.url, `${who}@demo.waymark.test`)),
    );
    const teacher = recorder();
    const tech = recorder();
    const governor = recorder();
    const dsl = recorder();
    const sockets = await Promise.all(
      [teacherCookie, techCookie, governorCookie, dslCookie].map((c) => connectConsole(server.url, c!)),
    );
    [teacher, tech, governor, dsl].forEach((r, i) => r.listen(sockets[i]!));
    const teacherRecent = await sockets[0]!.emitWithAck('watch-class', { classId: 'class-year5' });
    teacher.seen.push(JSON.stringify(teacherRecent));
    await sockets[3]!.emitWithAck('watch-class', { classId: 'class-year5' });

    // The DSL adds the police's lists (and later takes one host off).
    for (const [category, host] of [
      ['illegal-csam', ILLEGAL_HOSTS[0]],
      ['illegal-terrorism', ILLEGAL_HOSTS[1]],
    ] as const) {
      const imported = await dsl.call(dslCookie!, 'POST', '/api/policies/category-lists/import', {
        format: 'domains',
        category,
        content: `${host}\nwww.${host}`,
        reason: 'lists from the police',
      });
      expect(imported.status).toBe(200);
    }

    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'freya.morgan@pupils.demo.waymark.test',
    });
    await device.policy;
    const blocked = blockedEvent({
      profile: 'KS2',
      url: `https://${ILLEGAL_HOSTS[0]}/x?y=1`,
      category: 'illegal-csam',
      rule: `category illegal-csam: "${ILLEGAL_HOSTS[0]}"`,
    });
    expect(await device.emitWithAck('event', blocked)).toMatchObject({ ok: true });
    const request = {
      id: uuidv7(),
      kind: 'unblock-request' as const,
      occurredAt: new Date().toISOString(),
      profile: 'KS2' as const,
      policyVersion: 1,
      url: `https://www.${ILLEGAL_HOSTS[1]}/page`,
      category: null,
      reason: `I need www.${ILLEGAL_HOSTS[1]} for my homework`,
    };
    expect(await device.emitWithAck('event', request)).toMatchObject({ ok: true });

    await teacher.call(teacherCookie!, 'POST', `/api/requests/${request.id}/decision`, {
      decision: 'approve-lesson',
    });
    await teacher.call(teacherCookie!, 'POST', `/api/requests/${request.id}/decision`, {
      decision: 'forward',
    });
    await dsl.call(dslCookie!, 'POST', `/api/requests/${request.id}/decision`, { decision: 'deny' });
    const raised = await teacher.call(teacherCookie!, 'POST', '/api/incidents/from-events', {
      eventIds: [blocked.id, request.id],
    });
    expect(raised.status).toBe(201);
    const incidentId = String(raised.body.incident.id);
    // Category lists live in the category store: the DSL uploads the host to the illegal list.
    const edited = await dsl.call(dslCookie!, 'POST', '/api/policies/category-lists/import', {
      format: 'domains',
      category: 'illegal-csam',
      content: ILLEGAL_HOSTS[0],
      reason: 'one host was listed twice',
    });
    expect(edited.status).toBe(200);

    // A filtering check with the school's own illegal-category test address, run by the technician.
    const { deviceId } = await device.enrolled;
    device.on('filter-check', (check, ack) =>
      ack({
        ok: true,
        policyVersion: 1,
        profile: 'KS2',
        results: check.urls.map((url) => ({
          url,
          verdict: 'blocked',
          rule: `listed: "${url}"`,
          category: null,
        })),
      }),
    );
    const testAddress = await dsl.call(dslCookie!, 'POST', '/api/filter-checks/addresses', {
      url: `https://${ILLEGAL_HOSTS[0]}/provider-test`,
      category: 'illegal-csam',
      note: 'the filter provider’s test page',
    });
    expect(testAddress.status).toBe(201);
    const check = await tech.call(techCookie!, 'POST', '/api/filter-checks', {
      target: { kind: 'devices', deviceIds: [deviceId] },
    });
    expect(check.body.check.devices[0].status).toBe('checked');
    await tech.call(techCookie!, 'GET', '/api/filter-checks');
    await tech.call(techCookie!, 'GET', `/api/filter-checks/${check.body.check.id}`);
    await tech.call(techCookie!, 'GET', '/api/filter-checks/addresses');

    // What each of them reads afterwards.
    await teacher.call(teacherCookie!, 'GET', '/api/classes/class-year5/events');
    await teacher.call(teacherCookie!, 'GET', '/api/classes/class-year5/roster');
    await teacher.call(teacherCookie!, 'GET', `/api/incidents/${incidentId}`);
    for (const [r, cookie] of [
      [tech, techCookie],
      [governor, governorCookie],
    ] as const) {
      await r.call(cookie!, 'GET', '/api/policies/changes');
      await r.call(cookie!, 'GET', '/api/reports/summary');
      await r.call(cookie!, 'GET', '/api/reports/digest');
      await r.text(cookie!, '/api/reports/export.csv?report=summary');
    }
    await tech.call(techCookie!, 'GET', '/api/incidents');
    await tech.call(techCookie!, 'GET', `/api/incidents/${incidentId}`);

    // The DSL did hear (the recording works), and the others' records are full but clean.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dsl.seen.join('\n')).toContain(ILLEGAL_HOSTS[0]);
    expect(teacher.seen.some((s) => s.startsWith('event '))).toBe(true);
    expect(teacher.seen.some((s) => s.startsWith('request-status '))).toBe(true);
    expect(governor.seen.some((s) => s.includes('illegal-csam sites'))).toBe(true);
    for (const [who, r] of Object.entries({ teacher, tech, governor })) {
      for (const payload of r.seen) {
        for (const host of ILLEGAL_HOSTS) expect(payload, `${who} received ${host}`).not.toContain(host);
      }
    }
    device.disconnect();
    for (const s of sockets) s.disconnect();
  });
});
