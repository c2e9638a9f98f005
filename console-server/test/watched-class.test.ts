import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint, safeText, type Staff } from '@waymark/shared';
import { watchedClass, watching } from '../src/features/auth-and-accounts';
import { contractRouter } from '../src/http/contract-route';
import { errorHandler, handle, HttpError } from '../src/http/middleware';

const noteContract = {
  save: endpoint({
    method: 'PUT',
    path: '/api/classes/:classId/note',
    body: z.object({ text: safeText().min(1, 'text is empty') }),
    response: z.object({ classId: safeText(), by: safeText(), text: safeText() }),
  }),
};

const staff = (id: string, role: Staff['role']): Staff => ({
  id,
  email: `${id}@school.example`,
  name: id,
  role,
  schoolId: 'demo',
  schoolName: 'Demo',
  trustId: null,
  trustName: null,
});
const people: Record<string, Staff> = {
  teacher: staff('teacher', 'teacher'),
  governor: staff('governor', 'governor'),
};
// The teacher watches class-a only; nobody watches class-b.
const staffService = {
  canWatchClass: async (who: Staff, classId: string) => who.id === 'teacher' && classId === 'class-a',
};

let base = '';
let close = () => {};
beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    const who = people[req.get('x-as') ?? ''];
    if (who) req.staff = who;
    next();
  });
  const { router, route } = contractRouter('/api/classes/:classId/note', Router({ mergeParams: true }));
  route(noteContract.save, watching(staffService, 'lesson-overrides'), async ({ who, params, body }) => ({
    classId: params.classId,
    by: who.id,
    text: body.text,
  }));
  app.use('/api/classes/:classId/note', router);
  // The same check from a plain route.
  app.get(
    '/api/classes/:classId/plain',
    handle(async (req, res) => {
      const { who, classId } = await watchedClass(req, staffService, 'watch-own-classes');
      res.json({ who: who.id, classId });
    }),
  );
  app.get(
    '/api/detail',
    handle(async () => {
      throw new HttpError(400, '2 lines are wrong', 'invalid', { lines: [1, 2] });
    }),
  );
  app.use(errorHandler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const send = (method: string, path: string, as: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-as': as },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: await res.json() }));

describe('a watched class (the capability, then a class the caller may watch)', () => {
  it("lets the class's teacher through, with the class from the address", async () => {
    expect(await send('PUT', '/api/classes/class-a/note', 'teacher', { text: 'hi' })).toEqual({
      status: 200,
      body: { classId: 'class-a', by: 'teacher', text: 'hi' },
    });
    expect(await send('GET', '/api/classes/class-a/plain', 'teacher')).toEqual({
      status: 200,
      body: { who: 'teacher', classId: 'class-a' },
    });
  });

  it('answers 404 "no such class" for a class that is not theirs, before the body is read', async () => {
    for (const res of [
      await send('PUT', '/api/classes/class-b/note', 'teacher', { text: 'hi' }),
      await send('PUT', '/api/classes/class-b/note', 'teacher', { text: '' }),
      await send('PUT', '/api/classes/no-such/note', 'teacher', { text: 7 }),
      await send('GET', '/api/classes/class-b/plain', 'teacher'),
    ])
      expect(res).toEqual({ status: 404, body: { error: 'no such class' } });
  });

  it('checks the capability first: 401 signed out, 403 without it (whatever the class)', async () => {
    expect((await send('PUT', '/api/classes/class-a/note', 'nobody', { text: 'hi' })).status).toBe(401);
    expect(await send('PUT', '/api/classes/class-b/note', 'governor', { text: '' })).toEqual({
      status: 403,
      body: { error: 'your role (governor) cannot lesson-overrides' },
    });
  });

  it('then validates the body (400) for a class that is theirs', async () => {
    const res = await send('PUT', '/api/classes/class-a/note', 'teacher', { text: '' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('text is empty');
  });
});

describe('an HttpError with detail', () => {
  it('sends the detail beside the error and its code', async () => {
    expect(await send('GET', '/api/detail', 'teacher')).toEqual({
      status: 400,
      body: { error: '2 lines are wrong', code: 'invalid', lines: [1, 2] },
    });
  });
});
