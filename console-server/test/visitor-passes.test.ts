import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import {
  apiCall,
  blockedEvent,
  connectConsole,
  connectDevice,
  login,
  nextEvent,
  startTestServer,
  type TestServer,
} from './harness';

let server: TestServer;
const cookie: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['tech', 'dsl', 'teacher', 'governor'])
    cookie[who] = await login(server.url, `${who}@demo.waymark.test`);
});
afterAll(() => server.close());

const issue = (body: unknown, who = 'tech') =>
  apiCall(server.url, cookie[who]!, 'POST', '/api/visitor-passes', body);
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('visitor passes', () => {
  it('a DSL issues a named pass; its device enrolls, is told the notice and the end, and its events carry the visitor’s name', async () => {
    const issued = await issue(
      { visitorName: 'Dr Ffion Rees', profile: 'KS3', expiresAt: inSeconds(3600) },
      'dsl',
    );
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      visitorName: 'Dr Ffion Rees',
      profile: 'KS3',
      issuedByName: 'Mrs Helen Jones',
      used: false,
    });
    const device = await connectDevice(server.url, {
      enrollmentToken: issued.body.token,
      deviceName: 'Visitor laptop 1',
    });
    const policy = await device.policy;
    expect(policy.policy.profile).toBe('KS3');
    expect(policy.visitor).toMatchObject({
      id: issued.body.id,
      name: 'Dr Ffion Rees',
      expiresAt: issued.body.expiresAt,
    });
    expect(policy.visitor!.notice).toContain('recorded under your name');

    const dsl = await connectConsole(server.url, cookie.dsl!);
    const arriving = nextEvent<StoredEvent>(dsl);
    const event = blockedEvent({ profile: 'KS3', url: 'https://www.bet365.com/', category: 'gambling' });
    expect(await device.emitWithAck('event', event)).toMatchObject({ ok: true });
    expect(await arriving).toMatchObject({
      id: event.id,
      pupilName: 'Dr Ffion Rees (visitor)',
      deviceName: 'Visitor laptop 1',
    });
    dsl.disconnect();
    device.disconnect();

    // One device per pass.
    await expect(connectDevice(server.url, { enrollmentToken: issued.body.token })).rejects.toThrow(
      /used up/,
    );
    const list = await apiCall(server.url, cookie.tech!, 'GET', '/api/visitor-passes');
    expect(list.body.passes.find((p: { id: string }) => p.id === issued.body.id)).toMatchObject({
      used: true,
    });
    expect(JSON.stringify(list.body)).not.toContain(issued.body.token);
  });

  it('the pass ends on time: the connection closes then, and the device is refused from then on', async () => {
    const issued = await issue({ visitorName: 'Mr Idris Lloyd', profile: 'staff', expiresAt: inSeconds(2) });
    const device = await connectDevice(server.url, { enrollmentToken: issued.body.token });
    const { deviceToken } = await device.enrolled;
    const closed = new Promise((resolve) => device.once('disconnect', resolve));
    await closed;
    await expect(connectDevice(server.url, { deviceToken })).rejects.toThrow(/visitor pass ended/);
  });

  it('a revoked pass ends at once, for a connected device too', async () => {
    const issued = await issue({ visitorName: 'Ms Non Hughes', profile: 'KS2', expiresAt: inSeconds(3600) });
    const device = await connectDevice(server.url, { enrollmentToken: issued.body.token });
    const { deviceToken } = await device.enrolled;
    const closed = new Promise((resolve) => device.once('disconnect', resolve));
    const revoked = await apiCall(
      server.url,
      cookie.tech!,
      'POST',
      `/api/visitor-passes/${issued.body.id}/revoke`,
      {},
    );
    expect(revoked.status).toBe(200);
    await closed;
    await expect(connectDevice(server.url, { deviceToken })).rejects.toThrow(/visitor pass ended/);
  });

  it('at most three days, in the future, a name and a profile; teachers and governors cannot issue', async () => {
    expect(
      (await issue({ visitorName: 'A Visitor', profile: 'KS2', expiresAt: inSeconds(73 * 3600) })).status,
    ).toBe(400);
    expect(
      (await issue({ visitorName: 'A Visitor', profile: 'KS2', expiresAt: inSeconds(-60) })).status,
    ).toBe(400);
    expect((await issue({ visitorName: '', profile: 'KS2', expiresAt: inSeconds(60) })).status).toBe(400);
    expect((await issue({ visitorName: 'A Visitor', profile: 'KS9', expiresAt: inSeconds(60) })).status).toBe(
      400,
    );
    expect(
      (await issue({ visitorName: 'A Visitor', profile: 'KS2', expiresAt: inSeconds(60) }, 'teacher')).status,
    ).toBe(403);
    expect(
      (await issue({ visitorName: 'A Visitor', profile: 'KS2', expiresAt: inSeconds(60) }, 'governor'))
        .status,
    ).toBe(403);
  });

  it('the school writes its own acceptable-use notice; visitor devices enrolling from then on show it, null brings back the default', async () => {
    const before = await apiCall(server.url, cookie.dsl!, 'GET', '/api/visitor-passes/notice');
    expect(before.status).toBe(200);
    expect(before.body.notice).toBeNull();
    expect(before.body.defaultNotice).toContain('recorded under your name');

    const own =
      'Welcome to Ysgol y Demo. This laptop is filtered and what you open is recorded under your name. Ask reception if you need help.';
    const put = (body: unknown, who = 'tech') =>
      apiCall(server.url, cookie[who]!, 'PUT', '/api/visitor-passes/notice', body);
    const saved = await put({ notice: `  ${own}  ` });
    expect(saved.status).toBe(200);
    expect(saved.body.notice).toBe(own);

    const issued = await issue({
      visitorName: 'Mrs Siân Evans',
      profile: 'staff',
      expiresAt: inSeconds(3600),
    });
    const device = await connectDevice(server.url, { enrollmentToken: issued.body.token });
    expect((await device.policy).visitor!.notice).toBe(own);
    device.disconnect();

    const tooShort = await put({ notice: 'Be good.' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error).toMatch(/notice/);
    expect((await put({ notice: `${own}\u0000` })).status).toBe(400);
    expect((await put({ notice: 'x'.repeat(5001) })).status).toBe(400);
    expect((await put({ notice: own }, 'teacher')).status).toBe(403);
    expect((await apiCall(server.url, cookie.governor!, 'GET', '/api/visitor-passes/notice')).status).toBe(
      403,
    );
    expect((await apiCall(server.url, cookie.dsl!, 'GET', '/api/visitor-passes/notice')).body.notice).toBe(
      own,
    );

    const reset = await put({ notice: null }, 'dsl');
    expect(reset.body).toEqual({ notice: null, defaultNotice: before.body.defaultNotice });
  });
});
