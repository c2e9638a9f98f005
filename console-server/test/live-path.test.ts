import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  blockedEvent,
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

describe('device → server → teacher console', () => {
  it('enrolls a device with the enrollment token, issues its own token and sends the class policy', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const enrolled = await device.enrolled;
    expect(enrolled.deviceToken).toMatch(/^[\w-]{40,}$/);
    device.disconnect();

    const again = await connectDevice(server.url, { deviceToken: enrolled.deviceToken });
    const message = await again.policy;
    expect(message.policy.profile).toBe('KS1');
    expect(message.policy.mode).toBe('allow-list');
    expect(message.className).toBe('Year 2 (Owls)');
    expect(message.policy.alwaysAllowed).toContain('127.0.0.1');
    again.disconnect();
  });

  it('refuses unknown tokens and junk handshakes with a reason', async () => {
    await expect(connectDevice(server.url, { enrollmentToken: 'nope' })).rejects.toThrow(
      /enrollment token is unknown/,
    );
    await expect(connectDevice(server.url, { deviceToken: 'nope' })).rejects.toThrow(/unknown device token/);
    await expect(connectDevice(server.url, { protocolVersion: 99, enrollmentToken: 'x' })).rejects.toThrow(
      /protocol version 99/,
    );
    await expect(connectDevice(server.url, { deviceName: 42, enrollmentToken: 'x' })).rejects.toThrow(
      /deviceName/,
    );
  });

  it('stores, acks and broadcasts a blocked attempt to the class teacher, with the DfE fields', async () => {
    const teacher = await connectConsole(server.url, await login(server.url, 'teacher@demo.waymark.test'));
    const watch = await teacher.emitWithAck('watch-class', { classId: 'class-year2' });
    expect(watch.ok).toBe(true);
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: 'oliver.thomas@pupils.demo.waymark.test',
    });
    const arriving = nextEvent<StoredEvent>(teacher);
    const event = blockedEvent();
    expect(await device.emitWithAck('event', event)).toEqual({ ok: true, id: event.id });
    const received = await arriving;
    expect(received).toMatchObject({
      id: event.id,
      kind: 'blocked',
      deviceName: 'Test Chromebook',
      user: 'oliver.thomas@pupils.demo.waymark.test',
      pupilName: 'Oliver Thomas',
      classId: 'class-year2',
      className: 'Year 2 (Owls)',
      profile: 'KS1',
      url: 'https://games.example/play',
      rule: 'not on the KS1 allow-list',
      ip: '127.0.0.1',
    });
    expect(received.deviceId).toBeTruthy();
    expect(received.occurredAt).toBe(event.occurredAt);

    // Re-sending is idempotent: acked again, stored once, not broadcast twice.
    expect(await device.emitWithAck('event', event)).toEqual({ ok: true, id: event.id });
    const res = await fetch(`${server.url}/api/classes/class-year2/events`, {
      headers: { cookie: await login(server.url, 'teacher@demo.waymark.test') },
    });
    const { events } = (await res.json()) as { events: StoredEvent[] };
    expect(events.filter((e) => e.id === event.id)).toHaveLength(1);
    device.disconnect();
    teacher.disconnect();
  });

  it('answers junk events with an error ack and keeps serving', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    for (const junk of [null, 42, 'x', {}, { kind: 'blocked' }, blockedEvent({ id: 'nope' } as never)]) {
      const ack = await device.emitWithAck('event', junk as never);
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(ack.error).toMatch(/^invalid event: /);
    }
    const good = blockedEvent();
    expect(await device.emitWithAck('event', good)).toEqual({ ok: true, id: good.id });
    device.disconnect();
  });

  it('flags searches from the school’s keyword lists, on whole words only', async () => {
    const teacher = await connectConsole(server.url, await login(server.url, 'teacher@demo.waymark.test'));
    await teacher.emitWithAck('watch-class', { classId: 'class-year2' });
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const search = (query: string) => ({
      ...blockedEvent(),
      kind: 'search' as const,
      url: `https://www.google.co.uk/search?q=${encodeURIComponent(query)}`,
      engine: 'Google',
      query,
      flags: [],
      blocked: false,
    });
    let arriving = nextEvent<StoredEvent>(teacher);
    await device.emitWithAck('event', search('i want to kill myself'));
    expect(await arriving).toMatchObject({
      kind: 'search',
      severity: 'high',
      details: { flags: ['self-harm'] },
    });
    arriving = nextEvent<StoredEvent>(teacher);
    await device.emitWithAck('event', search('Essex castles'));
    expect(await arriving).toMatchObject({ severity: 'low', details: { flags: [], query: 'Essex castles' } });
    device.disconnect();
    teacher.disconnect();
  });

  it('takes a flagged page title from a device: the title and what matched, no address; the server decides the risk', async () => {
    const teacher = await connectConsole(server.url, await login(server.url, 'teacher@demo.waymark.test'));
    await teacher.emitWithAck('watch-class', { classId: 'class-year2' });
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const b = blockedEvent();
    const title = {
      id: b.id,
      occurredAt: b.occurredAt,
      profile: 'KS2' as const,
      policyVersion: b.policyVersion,
      kind: 'flagged-title' as const,
      source: 'video' as const,
      title: 'how to hurt your self',
      flags: ['self-harm' as const],
      // What a device says about risk is not trusted: the server matches the title again.
      matches: [{ phrase: 'x', category: 'self-harm' as const, risk: 'low' as const, text: 'x' }],
    };
    const arriving = nextEvent<StoredEvent>(teacher);
    expect(await device.emitWithAck('event', title)).toEqual({ ok: true, id: title.id });
    const stored = await arriving;
    expect(stored).toMatchObject({
      kind: 'flagged-title',
      severity: 'high',
      url: null,
      details: { source: 'video', title: 'how to hurt your self', flags: ['self-harm'] },
    });
    expect((stored.details.matches as Array<{ risk: string }>)[0]).toMatchObject({
      risk: 'high',
      category: 'self-harm',
    });
    const unflagged = { ...title, id: '01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a99', flags: [] };
    expect(await device.emitWithAck('event', unflagged as never)).toMatchObject({ ok: false });
    device.disconnect();
    teacher.disconnect();
  });

  it('a teacher cannot watch another teacher’s class; the DSL sees every class', async () => {
    const teacher = await connectConsole(server.url, await login(server.url, 'teacher@demo.waymark.test'));
    expect(await teacher.emitWithAck('watch-class', { classId: 'class-reception' })).toEqual({
      ok: false,
      error: 'no such class',
      code: 'not-found',
    });
    const res = await fetch(`${server.url}/api/classes/class-reception/events`, {
      headers: { cookie: await login(server.url, 'teacher@demo.waymark.test') },
    });
    expect(res.status).toBe(404);

    const dsl = await connectConsole(server.url, await login(server.url, 'dsl@demo.waymark.test'));
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.reception });
    const teacherGot: StoredEvent[] = [];
    teacher.on('event', (e) => teacherGot.push(e));
    const arriving = nextEvent<StoredEvent>(dsl);
    const event = blockedEvent({ profile: 'EYFS' });
    await device.emitWithAck('event', event);
    expect((await arriving).className).toBe('Reception (Robins)');
    expect(teacherGot).toEqual([]);
    for (const s of [teacher, dsl, device]) s.disconnect();
  });

  it('hides illegal-category URLs from everyone but the DSL', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    const teacher = await connectConsole(server.url, cookie);
    await teacher.emitWithAck('watch-class', { classId: 'class-year2' });
    const dsl = await connectConsole(server.url, await login(server.url, 'dsl@demo.waymark.test'));
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const toTeacher = nextEvent<StoredEvent>(teacher);
    const toDsl = nextEvent<StoredEvent>(dsl);
    await device.emitWithAck(
      'event',
      blockedEvent({ url: 'https://illegal.example/x', category: 'illegal-csam' }),
    );
    expect(await toTeacher).toMatchObject({ url: null, urlHidden: true, category: 'illegal-csam' });
    expect(await toDsl).toMatchObject({ url: 'https://illegal.example/x', urlHidden: false });
    for (const s of [teacher, dsl, device]) s.disconnect();
  });

  it('refuses a console socket without a session, and a device token as a console', async () => {
    await expect(connectConsole(server.url, 'waymark_session=forged')).rejects.toThrow(/sign in first/);
  });
});

describe('HTTP API', () => {
  it('signs in, rejects wrong passwords, and locks the account after repeated failures', async () => {
    const wrong = () =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark' },
        body: JSON.stringify({ email: 'governor@demo.waymark.test', password: 'wrong' }),
      });
    for (let i = 0; i < 4; i++) expect((await wrong()).status).toBe(401);
    const locked = await wrong();
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as { error: string }).error).toMatch(/locked/);
    await expect(login(server.url, 'governor@demo.waymark.test')).rejects.toThrow(/423/);
  });

  it('ends a session after two idle hours', async () => {
    const token = (await login(server.url, 'dsl@demo.waymark.test')).split('=')[1]!;
    const sessions = server.app.services.staffService;
    expect(await sessions.staffForSession(token)).toMatchObject({ role: 'dsl' });
    expect(
      await sessions.staffForSession(token, new Date(Date.now() + 2 * 60 * 60 * 1000 + 60_000)),
    ).toBeNull();
  });

  it('sets an httpOnly SameSite=Strict session cookie', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark' },
      body: JSON.stringify({ email: 'dsl@demo.waymark.test', password: 'waymark-demo' }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it.each([
    ['malformed JSON', '{bad', 400, /JSON/],
    ['a missing password', JSON.stringify({ email: 'dsl@demo.waymark.test' }), 400, /password/],
    ['a bad e-mail', JSON.stringify({ email: 'nope', password: 'x' }), 400, /email/],
  ])('answers %s with a 4xx that says what is wrong', async (_, body, status, message) => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark' },
      body,
    });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });

  it('refuses state-changing requests without the CSRF header or from another origin', async () => {
    const noHeader = await fetch(`${server.url}/api/auth/logout`, { method: 'POST' });
    expect(noHeader.status).toBe(403);
    const crossSite = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'x-requested-with': 'waymark', origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('needs a session for class data, and sends security headers', async () => {
    const res = await fetch(`${server.url}/api/classes`);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
