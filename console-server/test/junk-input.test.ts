import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  apiCall,
  blockedEvent,
  connectConsole,
  connectDevice,
  login,
  startTestServer,
  type TestServer,
} from './harness';

let server: TestServer;
let dsl: string;
let tech: string;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  const cookies = await Promise.all(
    ['dsl', 'tech', 'admin'].map((who) => login(server.url, `${who}@demo.waymark.test`)),
  );
  [dsl, tech, admin] = cookies as [string, string, string];
});
afterAll(() => server.close());

/** Every route that takes a body, with a real id where the path needs one. */
const ROUTES: Array<[string, string]> = [
  ['POST', '/api/auth/login'],
  ['POST', '/api/requests/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/decision'],
  ['POST', '/api/classes/class-year2/overrides'],
  ['POST', '/api/classes/class-year2/overrides/nope/end'],
  ['POST', '/api/incidents'],
  ['POST', '/api/incidents/from-events'],
  ['POST', '/api/incidents/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/changes'],
  ['POST', '/api/policies/test-url'],
  ['PUT', '/api/policies/KS1'],
  ['POST', '/api/devices/enrollment-tokens'],
  ['POST', '/api/incidents/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/countersign'],
  ['POST', '/api/policies/category-lists/import'],
  ['POST', '/api/policies/keyword-lists/import'],
  ['POST', '/api/staff'],
  ['POST', '/api/classes/import'],
  ['POST', '/api/data-protection/pupils/x@demo.waymark.test/erase'],
  ['PUT', '/api/alerts/settings'],
  ['PUT', '/api/alerts/webhook'],
  ['POST', '/api/policies/test-search'],
  ['POST', '/api/policies/false-positives'],
  ['POST', '/api/alerts/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/acknowledge'],
  ['POST', '/api/compliance/review-packs'],
  ['POST', '/api/compliance/review-packs/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/signatures'],
  ['POST', '/api/filter-checks'],
  ['POST', '/api/filter-checks/addresses'],
  ['PUT', '/api/filter-checks/schedule'],
  ['POST', '/api/filter-checks/01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b/follow-ups'],
];

const RUNS = 25;

describe('junk on every entry point gets a clear error, and the server keeps serving', () => {
  it.each(ROUTES)('%s %s', async (method, url) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string()), async (junk) => {
        const res = await fetch(`${server.url}${url}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie: dsl },
          body: typeof junk === 'string' ? junk : JSON.stringify(junk),
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { error?: unknown };
        expect(typeof body.error).toBe('string');
      }),
      { numRuns: RUNS },
    );
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('device events', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (junk) => {
        const ack = await device.timeout(5000).emitWithAck('event', junk as never);
        expect(ack).toMatchObject({ ok: false });
      }),
      { numRuns: 100 },
    );
    device.disconnect();
  });

  it('device events the database could not store are refused for good, with a code the device acts on', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    const base = { occurredAt: new Date().toISOString(), profile: 'KS1', policyVersion: 1 };
    for (const event of [
      { ...base, id: uuidv7(), kind: 'search', url: 'https://g.test/', engine: 'Google', query: 'a\u0000b' },
      { ...base, id: uuidv7(), kind: 'concern', message: 'help \uD800' },
      { ...base, id: uuidv7(), kind: 'heartbeat', extensionVersion: '1.0.0', policyVersion: 2 ** 40 },
    ]) {
      const ack = await device.timeout(5000).emitWithAck('event', event as never);
      expect(ack, event.kind).toMatchObject({ ok: false, code: 'invalid-event' });
    }
    device.disconnect();
  });

  it('device handshakes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (auth) => {
        await expect(connectDevice(server.url, auth)).rejects.toThrow();
      }),
      { numRuns: 30 },
    );
  });

  it('console socket events', async () => {
    const socket = await connectConsole(server.url, dsl);
    await fc.assert(
      fc.asyncProperty(
        fc.anything(),
        fc.constantFrom('watch-class', 'unwatch-class', 'show-screens'),
        async (junk, event) => {
          const ack = await socket.timeout(5000).emitWithAck(event as 'watch-class', junk as never);
          expect(typeof ack.ok).toBe('boolean');
          if (!ack.ok) expect(typeof ack.error).toBe('string');
        },
      ),
      { numRuns: 100 },
    );
    socket.disconnect();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

/** Text the database cannot store: a NUL, or half of a surrogate pair, somewhere in a string. */
const unstorable = fc
  .tuple(
    fc.string({ maxLength: 5 }),
    fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
    fc.string({ maxLength: 5 }),
  )
  .map(([a, bad, b]) => `${a}${bad}${b}`);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Paths to every string in a body. */
function stringLeaves(value: Json, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function withLeaf(value: Json, path: Path, leaf: string): Json {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withLeaf(v, rest, leaf) : v));
  const object = value as { [key: string]: Json };
  return { ...object, [head!]: withLeaf(object[head!]!, rest, leaf) };
}

const A_UUID = '01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b';

/** A valid body for each route that takes text, and who may call it. */
function validBodies(ks1: Json): Array<[string, string, () => string, Json]> {
  return [
    ['POST', `/api/requests/${A_UUID}/decision`, () => dsl, { decision: 'deny', note: 'not in this lesson' }],
    ['POST', '/api/classes/class-year2/overrides', () => dsl, { kind: 'open', sites: ['nasa.gov'] }],
    [
      'POST',
      '/api/incidents',
      () => dsl,
      {
        subject: 'staff',
        personName: 'Mr Price',
        category: 'other',
        severity: 'low',
        description: 'what happened',
      },
    ],
    ['POST', '/api/incidents/from-events', () => dsl, { eventIds: [A_UUID], description: 'seen in class' }],
    ['POST', `/api/incidents/${A_UUID}/changes`, () => dsl, { outcome: 'spoke to them', note: 'a note' }],
    [
      'POST',
      '/api/policies/test-url',
      () => dsl,
      { profile: 'KS1', url: 'https://a.test/', user: 'a@demo.waymark.test', classId: 'class-year2' },
    ],
    [
      'POST',
      '/api/policies/category-lists/import',
      () => dsl,
      { format: 'domains', category: 'gambling', content: 'bets.test', reason: 'a new list' },
    ],
    [
      'POST',
      '/api/policies/category-lists/import',
      () => dsl,
      { format: 'ut1', files: { 'gambling/domains': 'bets.test' }, reason: 'a new list' },
    ],
    [
      'POST',
      '/api/policies/keyword-lists/import',
      () => dsl,
      { category: 'gambling', content: 'roulette', reason: 'a new list' },
    ],
    ['PUT', '/api/policies/KS1', () => dsl, { policy: ks1, reason: 'a change' }],
    ['POST', '/api/devices/enrollment-tokens', () => tech, { label: 'Trolley', classId: 'class-year2' }],
    [
      'POST',
      '/api/staff',
      () => admin,
      { email: 'new@demo.waymark.test', name: 'New Teacher', role: 'teacher', classIds: ['class-year2'] },
    ],
    ['PATCH', '/api/staff/staff-teacher-rec', () => admin, { name: 'Mr Owen Price' }],
    ['POST', '/api/classes/import', () => admin, { csv: 'class_name,key_stage,pupil_name,pupil_email\n' }],
    [
      'POST',
      '/api/filter-checks/addresses',
      () => tech,
      { url: 'https://provider.test/check', category: 'illegal-csam', note: 'the provider’s test page' },
    ],
    ['POST', `/api/filter-checks/${A_UUID}/follow-ups`, () => dsl, { note: 'restarted the device' }],
  ];
}

describe('text the database cannot store', () => {
  it('in any text field of a valid body, is a 400 that names the field', async () => {
    const ks1 = (await (
      await fetch(`${server.url}/api/policies/KS1`, { headers: { cookie: dsl } })
    ).json()) as {
      body: Json;
    };
    for (const [method, url, cookie, body] of validBodies(ks1.body)) {
      const leaves = stringLeaves(body);
      await fc.assert(
        fc.asyncProperty(fc.nat(), unstorable, async (pick, bad) => {
          const path = leaves[pick % leaves.length]!;
          const res = await fetch(`${server.url}${url}`, {
            method,
            headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie: cookie() },
            body: JSON.stringify(withLeaf(body, path, bad)),
          });
          const answer = (await res.json()) as { error?: string };
          expect(res.status, `${method} ${url} ${path.join('.')}: ${answer.error}`).toBe(400);
          const field = [...path].reverse().find((p) => typeof p === 'string')!;
          expect(answer.error).toContain(field);
        }),
        { numRuns: 10 },
      );
    }
  });

  it('in an id in the address, is a 4xx, never a server error', async () => {
    const bad = ['%00', '%ED%A0%80', 'a%00b', '__proto__', 'constructor'];
    for (const id of bad) {
      for (const [method, path, cookie] of [
        ['GET', `/api/classes/${id}/events`, dsl],
        ['GET', `/api/classes/${id}/roster`, dsl],
        ['GET', `/api/classes/${id}/overrides`, dsl],
        ['POST', `/api/classes/class-year2/overrides/${id}/end`, dsl],
        ['GET', `/api/incidents/${id}`, dsl],
        ['GET', `/api/policies/${id}`, dsl],
        ['GET', `/api/reports/pupils/${id}/events`, dsl],
        ['GET', `/api/data-protection/pupils/${id}/export`, dsl],
        ['PATCH', `/api/staff/${id}`, admin],
        ['POST', `/api/staff/${id}/reset-password`, admin],
        ['POST', `/api/devices/enrollment-tokens/${id}/revoke`, tech],
        ['GET', `/api/devices/expected/${id}`, tech],
      ] as const) {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie: cookie },
          body: method === 'GET' ? undefined : JSON.stringify({ name: 'x', password: 'long enough pw' }),
        });
        expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

/** Names every plain object inherits: as keys from outside they must be data, never a lookup hit. */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];

/** Paths to every object in a body, the body itself first. */
function objectNodes(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectNodes(v, [...path, i]));
  if (value && typeof value === 'object')
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectNodes(v, [...path, k]))];
  return [];
}

/** The body with `key: extra` added to the object at `path`, as an own property even for `__proto__`. */
function withKey(value: Json, path: Path, key: string, extra: Json): Json {
  if (path.length === 0) {
    const copy = { ...(value as { [key: string]: Json }) };
    Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withKey(v, rest, key, extra) : v));
  const object = value as { [key: string]: Json };
  return { ...object, [head!]: withKey(object[head!]!, rest, key, extra) };
}

describe('keys named after Object.prototype properties', () => {
  it('in any object of a valid body, never cause a server error nor a bogus category, and policies still reach devices', async () => {
    const ks1 = (await (
      await fetch(`${server.url}/api/policies/KS1`, { headers: { cookie: dsl } })
    ).json()) as {
      body: Json;
    };
    const bodies: Array<[string, string, () => string, Json]> = [
      ...validBodies(ks1.body),
      // UT1 folders are keys too: `constructor/domains` is a folder called `constructor`.
      ...PROTOTYPE_NAMES.map((name): [string, string, () => string, Json] => [
        'POST',
        '/api/policies/category-lists/import',
        () => dsl,
        { format: 'ut1', files: { [`lists/${name}/domains`]: 'bogus.test' }, reason: 'a crafted list' },
      ]),
    ];
    for (const [method, url, cookie, body] of bodies) {
      const nodes = objectNodes(body);
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.constantFrom(...PROTOTYPE_NAMES),
          fc.oneof(fc.jsonValue(), fc.constant({ gambling: ['bogus.test'] })),
          async (pick, key, extra) => {
            const path = nodes[pick % nodes.length]!;
            const res = await fetch(`${server.url}${url}`, {
              method,
              headers: {
                'content-type': 'application/json',
                'x-requested-with': 'waymark',
                cookie: cookie(),
              },
              body: JSON.stringify(withKey(body, path, key, extra as Json)),
            });
            expect(res.status, `${method} ${url} ${[...path, key].join('.')}`).toBeLessThan(500);
          },
        ),
        { numRuns: 10 },
      );
    }
    for (const profile of ['KS1', 'KS2', 'KS4']) {
      const policy = (await (
        await fetch(`${server.url}/api/policies/${profile}`, { headers: { cookie: dsl } })
      ).json()) as { body: { categoryLists: object; categories: object } };
      for (const key of [...Object.keys(policy.body.categoryLists), ...Object.keys(policy.body.categories)])
        expect(CATEGORIES, `${profile}: ${key}`).toContain(key);
    }
    for (const token of [DEMO_ENROLLMENT_TOKENS.year2, DEMO_ENROLLMENT_TOKENS.year5]) {
      const device = await connectDevice(server.url, { enrollmentToken: token });
      expect((await device.policy).policy.version).toBeGreaterThan(0);
      device.disconnect();
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('dates at the edges of the calendar, and repeated ids', () => {
  it('a date or time outside 1970–2999 is a 400 that names the field, never a server error', async () => {
    const pupil = 'harry.lewis@pupils.demo.waymark.test';
    const incident = (occurredAt: string) => ({
      subject: 'pupil',
      pupilEmail: pupil,
      category: 'other',
      severity: 'low',
      description: 'date probe',
      occurredAt,
    });
    const cases: Array<[string, string, unknown, string]> = [
      ['GET', '/api/reports/summary?from=0000-01-01&to=0000-01-08', undefined, 'from'],
      ['GET', '/api/reports/summary?to=0001-01-01', undefined, 'to'],
      ['GET', '/api/reports/summary?from=9999-12-25&to=9999-12-31', undefined, 'from'],
      ['GET', '/api/incidents?from=0000-01-01', undefined, 'from'],
      ['GET', '/api/incidents?to=9999-12-31', undefined, 'to'],
      ['GET', '/api/reports/concerns?weekStart=0000-01-03', undefined, 'weekStart'],
      ['POST', '/api/incidents', incident('0000-01-01T00:00:00Z'), 'occurredAt'],
      ['POST', '/api/incidents', incident('9999-12-31T23:59:59Z'), 'occurredAt'],
      [
        'POST',
        '/api/policies/test-url',
        { profile: 'KS1', url: 'https://a.test/', at: '0000-01-01T00:00:00Z' },
        'at',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await apiCall(server.url, dsl, method, path, body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error).toContain(field);
    }
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.policy;
    const ancient = blockedEvent({ occurredAt: '0000-01-01T00:00:00Z' });
    expect(await device.emitWithAck('event', ancient)).toMatchObject({ ok: false, code: 'invalid-event' });
    device.disconnect();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('an incident raised from the same event named twice takes it once', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    await device.policy;
    const event = blockedEvent({ url: 'https://www.bet365.com/', category: 'gambling' });
    expect(await device.emitWithAck('event', event)).toMatchObject({ ok: true });
    device.disconnect();
    const raised = await apiCall(server.url, dsl, 'POST', '/api/incidents/from-events', {
      eventIds: [event.id, event.id],
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const shown = await apiCall(
      server.url,
      dsl,
      'GET',
      `/api/incidents/${raised.body.incident?.id ?? raised.body.id}`,
    );
    expect(shown.body.evidence.map((e: { id: string }) => e.id)).toEqual([event.id]);
  });
});
