import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint, OkResponseSchema, safeText, WireInstantSchema, type Staff } from '@waymark/shared';
import { contractRouter, OK } from '../src/http/contract-route';
import { errorHandler } from '../src/http/middleware';

const noteContract = {
  save: endpoint({
    method: 'PUT',
    path: '/api/notes/:noteId',
    body: z.object({ text: safeText().min(1, 'text is empty').max(20) }),
    response: z.object({ noteId: safeText(), text: safeText(), savedAt: WireInstantSchema }),
  }),
  find: endpoint({
    method: 'GET',
    path: '/api/notes',
    query: z.object({ limit: z.coerce.number().int().min(1).max(10) }),
    response: z.object({ limit: z.number() }),
  }),
  remove: endpoint({ method: 'DELETE', path: '/api/notes/:noteId', response: OkResponseSchema, status: 202 }),
};

const teacher: Staff = {
  id: 't1',
  email: 't@school.example',
  name: 'T',
  role: 'teacher',
  schoolId: 'demo',
  schoolName: 'Demo',
  trustId: null,
  trustName: null,
};

let base = '';
let close = () => {};
beforeAll(async () => {
  const app = express();
  app.use(express.json());
  // Who is signed in comes from a header here; the real app reads the session cookie.
  app.use((req, _res, next) => {
    if (req.get('x-as') === 'teacher') req.staff = teacher;
    next();
  });
  const { router, route } = contractRouter('/api/notes');
  route(noteContract.save, 'signed-in', async ({ params, body }) => ({
    noteId: params.noteId,
    text: body.text,
    savedAt: new Date(0).toISOString(),
  }));
  route(noteContract.find, 'signed-in', async ({ query }) => ({ limit: query.limit }));
  route(noteContract.remove, 'manage-accounts', async () => OK);
  // A handler that escapes the type check (a cast): under test its answer is checked at run time.
  const drifted = endpoint({
    method: 'GET',
    path: '/api/notes/drifted',
    response: z.object({ at: WireInstantSchema }),
  });
  route(drifted, 'public', async () => ({ at: 'yesterday' }) as unknown as { at: string });
  app.use('/api/notes', router);
  app.use(errorHandler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const send = (method: string, path: string, body?: unknown, as = 'teacher') =>
  fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-as': as },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: await res.json() }));

describe('contract routes', () => {
  it('hands the handler the typed params and body and answers with its response', async () => {
    expect(await send('PUT', '/api/notes/n%201', { text: 'hello' })).toEqual({
      status: 200,
      body: { noteId: 'n 1', text: 'hello', savedAt: '1970-01-01T00:00:00.000Z' },
    });
  });

  it('refuses a body outside the contract with a 400 naming what was wrong', async () => {
    const res = await send('PUT', '/api/notes/n1', { text: '' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('text is empty');
    expect((await send('PUT', '/api/notes/n1', { text: 7 })).body.error).toMatch(/text/);
  });

  it('validates the query, and answers with the contract status', async () => {
    expect(await send('GET', '/api/notes?limit=3')).toEqual({ status: 200, body: { limit: 3 } });
    const bad = await send('GET', '/api/notes?limit=99');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/limit/);
  });

  it('checks access before the body: 401 signed out, 403 without the capability', async () => {
    expect((await send('PUT', '/api/notes/n1', { text: '' }, 'nobody')).status).toBe(401);
    const refused = await send('DELETE', '/api/notes/n1');
    expect(refused).toEqual({ status: 403, body: { error: 'your role (teacher) cannot manage-accounts' } });
  });

  it('under test, an answer outside the contract is a 500, not a silent drift', async () => {
    expect(await send('GET', '/api/notes/drifted')).toEqual({
      status: 500,
      body: { error: 'internal error; it has been logged' },
    });
  });

  it('type-checks the handler answer against the response (a Date is not the wire string)', () => {
    const { route } = contractRouter('/api/notes');
    // @ts-expect-error savedAt must be the ISO string that goes over the wire, not a Date.
    route(noteContract.save, 'signed-in', async ({ params, body }) => ({
      ...params,
      ...body,
      savedAt: new Date(),
    }));
    expect(() =>
      contractRouter('/api/other').route(noteContract.find, 'public', async () => ({ limit: 1 })),
    ).toThrow(/not under/);
  });
});
