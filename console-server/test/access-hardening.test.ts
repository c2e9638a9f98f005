import http from 'node:http';
import { eq } from 'drizzle-orm';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src';
import { classes, staff } from '../src/db/schema';
import { addTrustStaff, createSchool, createTrust, setSchoolTrust } from '../src/features/trust/trust-setup';
import {
  apiCall,
  connectConsole,
  login,
  startTestServer,
  type ConsoleSocket,
  type TestServer,
} from './harness';

/**
 * Privilege and scope, as an attacker tries them: a school admin against a trust account, a
 * teacher against another class's lesson, an id of another school, consoles that outlive the
 * access they were opened with, parallel password guesses, and cross-site console connections.
 */
let server: TestServer;
let admin: string;
const TRUST_DSL = 'trust.dsl@demo.waymark.test';

const call = (cookie: string, method: string, path: string, body?: unknown) =>
  apiCall(server.url, cookie, method, path, body);

/** Resolves when the socket is disconnected by the server; rejects if it is still open after `ms`. */
function disconnected(socket: ConsoleSocket, ms = 5000): Promise<string> {
  if (!socket.connected) return Promise.resolve('already');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the console socket is still open')), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

async function newTeacher(email: string): Promise<{ id: string; cookie: string }> {
  const created = await call(admin, 'POST', '/api/staff', {
    email,
    name: email.split('@')[0],
    role: 'teacher',
    password: DEMO_PASSWORD,
    classIds: ['class-year2'],
  });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, cookie: await login(server.url, email) };
}

async function watching(cookie: string): Promise<ConsoleSocket> {
  const socket = await connectConsole(server.url, cookie);
  expect((await socket.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);
  return socket;
}

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.app.services;
  // The demo school and a second school in one trust, with a trust safeguarding lead based at the demo school.
  await createTrust(db, { id: 'north', name: 'North Trust' });
  await setSchoolTrust(db, 'demo', 'north');
  await createSchool(db, {
    id: 'other',
    name: 'Other School',
    trustId: 'north',
    admin: { email: 'admin@other.waymark.test', name: 'Other admin', password: DEMO_PASSWORD },
  });
  await addTrustStaff(db, {
    trustId: 'north',
    schoolId: 'demo',
    email: TRUST_DSL,
    name: 'Trust DSL',
    role: 'trust-dsl',
    password: DEMO_PASSWORD,
  });
  admin = await login(server.url, 'admin@demo.waymark.test');
});
afterAll(() => server.close());

describe('a school admin manages school roles only', () => {
  it('cannot reset, change, disable or create a trust-level account, through the API or the service', async () => {
    const list = await call(admin, 'GET', '/api/staff');
    const trustDsl = (list.body.staff as Array<{ id: string; email: string; manageable: boolean }>).find(
      (s) => s.email === TRUST_DSL,
    )!;
    expect(trustDsl.manageable).toBe(false);

    const reset = await call(admin, 'POST', `/api/staff/${trustDsl.id}/reset-password`, {
      password: 'admin-chosen-password',
    });
    expect(reset.status).toBe(404);
    for (const change of [{ role: 'teacher' }, { disabled: true }, { name: 'Renamed' }]) {
      expect((await call(admin, 'PATCH', `/api/staff/${trustDsl.id}`, change)).status).toBe(404);
    }
    expect(
      (await call(admin, 'PATCH', '/api/staff/staff-teacher', { role: 'trust-dsl' })).status,
      'a school account cannot be made a trust account',
    ).toBe(400);
    expect(
      (
        await call(admin, 'POST', '/api/staff', {
          email: 'sneaky@demo.waymark.test',
          name: 'Sneaky',
          role: 'trust-dsl',
          password: 'a long enough password',
        })
      ).status,
    ).toBe(400);

    // The service refuses as well, whatever route calls it.
    const { staffService } = server.app.services;
    await expect(staffService.resetPassword('demo', trustDsl.id, 'admin-chosen-password')).rejects.toThrow(
      /no such staff member/,
    );
    await expect(
      staffService.create('demo', { email: 'x@demo.waymark.test', name: 'x', role: 'trust-dsl' } as never),
    ).rejects.toThrow(/school roles only/);
    const adminStaff = (await staffService.staffById('staff-admin'))!;
    await expect(staffService.update(adminStaff, trustDsl.id, { disabled: true })).rejects.toThrow(
      /no such staff member/,
    );

    // The trust account still signs in with its own password, and the admin's guess does not work.
    await expect(login(server.url, TRUST_DSL, 'admin-chosen-password')).rejects.toThrow(/401/);
    expect(await login(server.url, TRUST_DSL)).toMatch(/^waymark_session=/);
  });

  it('changes a school account’s name, role and classes, and disables it', async () => {
    const { id, cookie } = await newTeacher('changing.teacher@demo.waymark.test');
    expect(
      (await call(admin, 'PATCH', `/api/staff/${id}`, { name: 'Mr Changed', classIds: [] })).status,
    ).toBe(200);
    expect((await call(cookie, 'GET', '/api/classes')).body.classes).toEqual([]);
    expect((await call(admin, 'PATCH', `/api/staff/${id}`, { role: 'governor' })).status).toBe(200);
    expect((await call(cookie, 'GET', '/api/auth/me')).body.staff).toMatchObject({
      name: 'Mr Changed',
      role: 'governor',
    });
    expect((await call(admin, 'PATCH', `/api/staff/${id}`, { disabled: true })).status).toBe(200);
    expect((await call(cookie, 'GET', '/api/auth/me')).status).toBe(401);
    await expect(login(server.url, 'changing.teacher@demo.waymark.test')).rejects.toThrow(/401/);
    expect((await call(admin, 'PATCH', `/api/staff/${id}`, { disabled: false })).status).toBe(200);
    expect(await login(server.url, 'changing.teacher@demo.waymark.test')).toMatch(/^waymark_session=/);
    // An admin cannot lock the school out of its own administration by a slip.
    expect((await call(admin, 'PATCH', '/api/staff/staff-admin', { disabled: true })).status).toBe(409);
    expect((await call(admin, 'PATCH', '/api/staff/staff-admin', { role: 'teacher' })).status).toBe(409);
  });
});

describe('ids are checked before anything is changed', () => {
  it('a teacher cannot end another class’s lesson override through their own class’s address', async () => {
    const owner = await login(server.url, 'teacher@demo.waymark.test');
    const other = await login(server.url, 'reception@demo.waymark.test');
    const started = await call(owner, 'POST', '/api/classes/class-year2/overrides', {
      kind: 'open',
      sites: ['scratch.mit.edu'],
    });
    expect(started.status).toBe(201);
    const overrideId = (started.body.override as { id: string }).id;
    const ended = await call(other, 'POST', `/api/classes/class-reception/overrides/${overrideId}/end`);
    expect(ended.status).toBe(404);
    const running = await call(owner, 'GET', '/api/classes/class-year2/overrides');
    expect((running.body.overrides as Array<{ id: string }>).map((o) => o.id)).toContain(overrideId);
    expect((await call(owner, 'POST', `/api/classes/class-year2/overrides/${overrideId}/end`)).status).toBe(
      200,
    );
  });

  it('test-a-URL refuses a class of another school instead of answering with its lesson', async () => {
    const { db, overrideService } = server.app.services;
    await db.insert(classes).values({ id: 'class-other-y4', schoolId: 'other', name: 'Y4', profile: 'KS2' });
    const [otherAdmin] = await db.select().from(staff).where(eq(staff.email, 'admin@other.waymark.test'));
    const opened = await overrideService.start('other', 'class-other-y4', otherAdmin!.id, {
      kind: 'open',
      sites: ['secret-lesson.example'],
    });
    expect(opened).not.toBeNull();
    // The service itself will not start an override for a class that is not the school's.
    expect(
      await overrideService.start('demo', 'class-other-y4', 'staff-teacher', {
        kind: 'open',
        sites: ['x.example'],
      }),
    ).toBeNull();
    expect(await overrideService.current('demo', ['class-other-y4'])).toEqual([]);

    const tech = await login(server.url, 'tech@demo.waymark.test');
    const res = await call(tech, 'POST', '/api/policies/test-url', {
      profile: 'KS2',
      url: 'https://secret-lesson.example/',
      classId: 'class-other-y4',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/classId/);
    expect(JSON.stringify(res.body)).not.toMatch(/secret-lesson|override/);
  });
});

describe('an open console ends with the access it was opened with', () => {
  it('ends on sign-out (that session only), password reset, role change and account disabled', async () => {
    const { id, cookie } = await newTeacher('revoked.teacher@demo.waymark.test');
    const otherSession = await login(server.url, 'revoked.teacher@demo.waymark.test');

    // Sign-out ends the consoles of that session; another session's console stays.
    let socket = await watching(cookie);
    const other = await watching(otherSession);
    const signedOut = disconnected(socket);
    expect((await call(cookie, 'POST', '/api/auth/logout')).status).toBe(200);
    await signedOut;
    expect(other.connected).toBe(true);
    expect((await other.emitWithAck('watch-class', { classId: 'class-year2' })).ok).toBe(true);

    // A password reset ends every console of the account.
    const reset = disconnected(other);
    expect(
      (await call(admin, 'POST', `/api/staff/${id}/reset-password`, { password: DEMO_PASSWORD })).status,
    ).toBe(200);
    await reset;

    // A role change ends them (the console reconnects and joins the rooms of its new role).
    socket = await watching(await login(server.url, 'revoked.teacher@demo.waymark.test'));
    const demoted = disconnected(socket);
    expect((await call(admin, 'PATCH', `/api/staff/${id}`, { role: 'governor' })).status).toBe(200);
    await demoted;
    expect((await call(admin, 'PATCH', `/api/staff/${id}`, { role: 'teacher' })).status).toBe(200);

    // Disabling the account ends them, and the cookie opens no new one.
    const lastCookie = await login(server.url, 'revoked.teacher@demo.waymark.test');
    socket = await watching(lastCookie);
    const disabled = disconnected(socket);
    expect((await call(admin, 'PATCH', `/api/staff/${id}`, { disabled: true })).status).toBe(200);
    await disabled;
    await expect(connectConsole(server.url, lastCookie)).rejects.toThrow(/sign in/);
  });

  it('a console whose session lapsed is refused at its next request, even if no one told it', async () => {
    const { cookie } = await newTeacher('lapsed.teacher@demo.waymark.test');
    const socket = await watching(cookie);
    // The session disappears behind the server's back (expired, or removed by an operator).
    const { db } = server.app.services;
    const { sessions } = await import('../src/db/schema');
    const [row] = await db
      .select({ id: staff.id })
      .from(staff)
      .where(eq(staff.email, 'lapsed.teacher@demo.waymark.test'));
    const gone = disconnected(socket);
    await db.delete(sessions).where(eq(sessions.staffId, row!.id));
    const ack = await socket.emitWithAck('watch-class', { classId: 'class-year2' });
    expect(ack.ok).toBe(false);
    await gone;
  });
});

describe('parallel password guesses', () => {
  it('twenty wrong passwords at once lock the account after five, and the right one is then refused', async () => {
    await newTeacher('guessed.teacher@demo.waymark.test');
    const { staffService } = server.app.services;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        staffService.login('guessed.teacher@demo.waymark.test', `wrong-${i}`),
      ),
    );
    const tried = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(tried).toBeLessThanOrEqual(4);
    expect(results.filter((r) => !r.ok && r.reason === 'locked').length).toBeGreaterThanOrEqual(16);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await staffService.login('guessed.teacher@demo.waymark.test', DEMO_PASSWORD)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
  });
});

describe('cross-site requests', () => {
  function consoleWithOrigin(cookie: string, origin: string): Promise<ConsoleSocket> {
    const socket: ConsoleSocket = connect(`${server.url}/console`, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin },
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  it('a console socket from another origin, or from Origin: null, is refused; the console’s own is served', async () => {
    const cookie = await login(server.url, 'teacher@demo.waymark.test');
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example', 'not a url']) {
      await expect(consoleWithOrigin(cookie, origin), origin).rejects.toThrow(/cross-site/);
    }
    const own = await consoleWithOrigin(cookie, server.url);
    expect(own.connected).toBe(true);
    own.disconnect();
  });

  it('an API call with Origin: null or a malformed Origin is a 403, not a server error', async () => {
    for (const origin of ['null', 'not a url', 'https://evil.example']) {
      const res = await fetch(`${server.url}/api/auth/logout`, {
        method: 'POST',
        headers: { 'x-requested-with': 'waymark', origin },
      });
      expect(res.status, origin).toBe(403);
    }
  });
});

/**
 * A POST of `bytes` bytes (a JSON list import), written a megabyte at a time as the server takes
 * it; resolves with the server's answer, or how the connection ended when it closed first.
 */
function bigPost(
  path: string,
  bytes: number,
  headers: Record<string, string> = {},
  start = '{"format":"domains","category":"gambling","reason":"a big list","content":"',
): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-requested-with': 'waymark',
        'content-length': String(bytes),
        ...headers,
      },
    });
    const head = Buffer.from(start);
    const chunk = Buffer.alloc(1 << 20, 'a');
    let sent = 0;
    let done = false;
    const finish = (how: string) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve(how);
    };
    req.on('response', (res) => {
      res.resume();
      finish(String(res.statusCode));
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? 'error'));
    const pump = () => {
      while (!done && sent < bytes) {
        const piece = sent === 0 ? head : chunk.subarray(0, Math.min(chunk.length, bytes - sent - 2));
        sent += piece.length;
        if (sent >= bytes - 2) {
          req.end(Buffer.concat([piece, Buffer.from('"}')]));
          return;
        }
        if (!req.write(piece)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

describe('request bodies', () => {
  it('four parallel 50 MB posts from no one are refused before they are read: memory stays bounded, the server keeps answering', async () => {
    const rss = () => process.memoryUsage().rss;
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
    const started = Date.now();
    const posts = Array.from({ length: 4 }, () => bigPost('/api/policies/category-lists/import', 50_000_000));
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const healthAfter = Date.now() - started;
    const answers = await Promise.all(posts);
    clearInterval(sampler);
    for (const answer of answers) expect(['401', 'ECONNRESET', 'EPIPE']).toContain(answer);
    expect(answers).toContain('401');
    expect(healthAfter).toBeLessThan(2000);
    // Reading four such bodies costs over a gigabyte; refusing them, next to nothing.
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a signed-in caller who may not import is refused before the body is read; others get the smallest limit their route needs', async () => {
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    expect(await bigPost('/api/policies/category-lists/import', 5_000_000, { cookie: teacher })).toMatch(
      /^(403|ECONNRESET|EPIPE)$/,
    );
    expect(await bigPost('/api/incidents', 200_000, { cookie: teacher })).toBe('413');
    expect(await bigPost('/api/auth/login', 20_000)).toBe('413');
    // A technician may send a large list: it is read (a 400 for the junk in it, not a 413).
    const tech = await login(server.url, 'tech@demo.waymark.test');
    expect(
      await bigPost(
        '/api/policies/category-lists/import',
        3_000_000,
        { cookie: tech },
        '{"format":"no","x":"',
      ),
    ).toBe('400');
  });
});
