import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { RosterChanges } from '@waymark/shared';
import { apiCall, login, startTestServer, type TestServer } from './harness';
import { makeBundle, pupilEmail, SECONDARY, zipOf } from './oneroster-fixture';
import { classes, groupMembers, policyChanges, pupils, schoolCalendar, staff } from '../src/db/schema';

// docs/architecture.md, "Roster sync": a OneRoster bundle of a 2,000-pupil secondary school,
// generated here, previewed, applied, imported again, changed, and refused when wrong.
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer(null, { lessonTimer: false });
  admin = await login(server.url, 'admin@demo.waymark.test');
});
afterAll(() => server.close());

const db = () => server.app.services.db;
const preview = (body: unknown) => apiCall(server.url, admin, 'POST', '/api/roster/oneroster/preview', body);
const apply = (body: unknown) => apiCall(server.url, admin, 'POST', '/api/roster/oneroster/apply', body);
const count = async (query: Promise<Array<{ n: number }>>) => (await query)[0]!.n;
const n = sql<number>`count(*)::int`;

describe('a OneRoster 1.1 bundle of 2,000 pupils, 150 staff, 400 groups and 12,000 pupil enrollments', () => {
  const files = makeBundle(SECONDARY);

  it('is previewed without changing anything', async () => {
    const res = await preview({ zipBase64: zipOf(files).toString('base64') });
    expect(res.status).toBe(200);
    const changes = res.body as RosterChanges;
    expect(changes.errors).toEqual([]);
    expect(changes.version).toBe('1.1');
    expect(changes.org).toEqual({ sourcedId: SECONDARY.orgId, name: SECONDARY.orgName });
    expect(changes.counts).toMatchObject({
      pupilsAdded: 2000,
      pupilsMoved: 0,
      pupilsLeaving: 0,
      groupsAdded: 400,
      groupsEnded: 0,
      teachersAdded: 150,
      enrollments: 12_400,
      terms: 2,
    });
    expect(changes.applied).toBe(false);
    expect(await count(db().select({ n }).from(pupils).where(isNotNull(pupils.externalId)))).toBe(0);
  });

  it('is applied, as one change-control entry, and applying it again changes nothing', async () => {
    const res = await apply({ zipBase64: zipOf(files).toString('base64') });
    expect(res.status).toBe(200);
    expect((res.body as RosterChanges).applied).toBe(true);
    expect(await count(db().select({ n }).from(pupils).where(isNotNull(pupils.externalId)))).toBe(2000);
    expect(await count(db().select({ n }).from(groupMembers))).toBe(12_000);
    expect(
      await count(
        db()
          .select({ n })
          .from(classes)
          .where(and(isNotNull(classes.externalId), eq(classes.kind, 'teaching'))),
      ),
    ).toBe(320);
    expect(await count(db().select({ n }).from(staff).where(isNotNull(staff.externalId)))).toBe(150);
    expect(await count(db().select({ n }).from(schoolCalendar).where(eq(schoolCalendar.kind, 'term')))).toBe(
      2,
    );
    // Year 12 and 13 form groups are KS5, Year 7 ones KS3.
    const [form12] = await db().select().from(classes).where(eq(classes.externalId, 'form-5'));
    expect(form12).toMatchObject({ name: '12F1', kind: 'form', profile: 'KS5' });

    const again = (await preview({ files })).body as RosterChanges;
    expect(again.counts).toMatchObject({
      pupilsAdded: 0,
      pupilsMoved: 0,
      pupilsLeaving: 0,
      pupilsUnchanged: 2000,
      groupsAdded: 0,
      groupsEnded: 0,
      teachersAdded: 0,
    });
    expect((await apply({ files })).status).toBe(200);
    expect(await count(db().select({ n }).from(groupMembers))).toBe(12_000);
    const entries = await db().select().from(policyChanges).where(eq(policyChanges.profile, 'roster'));
    expect(entries).toHaveLength(2);
    expect(entries[0]!.summary[0]).toContain('2000 added');
    expect(entries[1]!.summary[0]).toContain('0 added, 0 moved, 0 left');
    // In the change-control log governors read, filtered to roster imports.
    const governor = await login(server.url, 'governor@demo.waymark.test');
    const log = await apiCall(server.url, governor, 'GET', '/api/policies/changes?profile=roster');
    expect(log.status).toBe(200);
    expect((log.body as { changes: Array<{ profile: string }> }).changes.map((c) => c.profile)).toEqual([
      'roster',
      'roster',
    ]);
  });

  it('previews pupils moved and leaving and groups ended, then archives the leavers (never deletes them)', async () => {
    const changed = { ...files };
    // Pupil 0 leaves, pupil 1 changes form group, set 319 is no longer taught.
    const lines = changed['enrollments.csv']!.split('\n');
    changed['enrollments.csv'] = lines
      .filter((l) => !l.includes(',pupil-0,') && !l.includes(',set-319,'))
      .map((l) => (l.includes(',pupil-1,') && l.includes(',form-') ? l.replace(/form-\d+/, 'form-70') : l))
      .join('\n');
    changed['users.csv'] = changed['users.csv']!.split('\n')
      .filter((l) => !l.startsWith('pupil-0,'))
      .join('\n');
    changed['classes.csv'] = changed['classes.csv']!.split('\n')
      .filter((l) => !l.startsWith('set-319,'))
      .join('\n');
    const res = (await preview({ files: changed })).body as RosterChanges;
    expect(res.errors).toEqual([]);
    expect(res.counts.pupilsLeaving).toBe(1);
    expect(res.samples.pupilsLeaving).toEqual(['Pupil Number 0']);
    expect(res.counts.groupsEnded).toBe(1);
    expect(res.samples.groupsEnded).toEqual(['Set 320']);
    // Pupil 1 moved form; the pupils of set 319 lost a set.
    expect(res.counts.pupilsMoved).toBeGreaterThanOrEqual(1);
    expect(res.samples.pupilsMoved.find((m) => m.name === 'Pupil Number 1')).toBeTruthy();

    expect((await apply({ files: changed })).status).toBe(200);
    const [left] = await db()
      .select()
      .from(pupils)
      .where(eq(pupils.email, pupilEmail(0)));
    expect(left!.archivedAt).not.toBeNull();
    const [ended] = await db().select().from(classes).where(eq(classes.externalId, 'set-319'));
    expect(ended!.endedAt).not.toBeNull();
    const teacher = await login(server.url, 'dsl@demo.waymark.test');
    const listed = (await apiCall(server.url, teacher, 'GET', '/api/classes')).body as {
      classes: Array<{ id: string }>;
    };
    expect(listed.classes.some((c) => c.id === ended!.id)).toBe(false);

    // Back again: pupil 0 is restored, not duplicated.
    expect((await apply({ files })).status).toBe(200);
    const again = await db()
      .select()
      .from(pupils)
      .where(eq(pupils.email, pupilEmail(0)));
    expect(again).toHaveLength(1);
    expect(again[0]!.archivedAt).toBeNull();
    expect(
      await count(db().select({ n }).from(pupils).where(isNull(pupils.archivedAt))),
    ).toBeGreaterThanOrEqual(2000);
  });
});

describe('bad bundles', () => {
  it('lists every bad line with its file and number, and applies nothing', async () => {
    const files = makeBundle({ ...SECONDARY, pupils: 30, staff: 5, groups: 12, domain: 'pupils.bad.test' });
    const users = files['users.csv']!.split('\n');
    users[7] = users[7]!.replace('student', 'wizard'); // line 8
    users[9] = users[9]!.replace(/pupil\d+@pupils\.bad\.test/g, ''); // line 10: no e-mail
    files['users.csv'] = users.join('\n');
    files['enrollments.csv'] +=
      'enr-x,active,2026-09-01,no-such-class,org-ysgol-uwchradd,pupil-3,student,false,,\n';
    const before = await count(db().select({ n }).from(pupils));
    const res = await apply({ files });
    expect(res.status).toBe(400);
    const { changes } = res.body as { changes: RosterChanges };
    expect(changes.errors).toEqual(
      expect.arrayContaining([
        { file: 'users.csv', line: 8, error: 'role wizard is not a OneRoster role' },
        { file: 'users.csv', line: 10, error: 'a pupil needs an e-mail address (the one they sign in with)' },
        expect.objectContaining({
          file: 'enrollments.csv',
          error: 'classSourcedId no-such-class is not in classes.csv',
        }),
      ]),
    );
    expect(await count(db().select({ n }).from(pupils))).toBe(before);
  });

  it('refuses a bundle from another school', async () => {
    const files = makeBundle({
      ...SECONDARY,
      orgId: 'org-other',
      orgName: 'Ysgol Arall',
      pupils: 10,
      staff: 2,
      groups: 8,
    });
    const res = await preview({ files });
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(/from another school/);
  });

  it('reads OneRoster 1.2 (roles in roles.csv)', async () => {
    const files = makeBundle({
      ...SECONDARY,
      version: '1.2',
      pupils: 40,
      staff: 4,
      groups: 14,
      domain: 'pupils.v12.test',
    });
    const res = await preview({ files });
    expect(res.status).toBe(200);
    const changes = res.body as RosterChanges;
    expect(changes.version).toBe('1.2');
    expect(changes.errors).toEqual([]);
    // The same sourcedIds are the same pupils (pupil-0 … pupil-39): the school's 1,960 others would leave.
    expect(changes.counts.pupilsAdded).toBe(0);
    expect(changes.counts.pupilsUnchanged + changes.counts.pupilsMoved).toBe(40);
    expect(changes.counts.pupilsLeaving).toBe(1960);
  });

  it('is for the school admin only', async () => {
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    const res = await apiCall(server.url, teacher, 'POST', '/api/roster/oneroster/preview', { files: {} });
    expect(res.status).toBe(403);
  });
});

describe('junk on the roster routes gets a clear 4xx, and the server keeps serving', () => {
  const routes: Array<[string, string, 'admin']> = [
    ['POST', '/api/roster/oneroster/preview', 'admin'],
    ['POST', '/api/roster/oneroster/apply', 'admin'],
    ['POST', '/api/roster/timetable/apply', 'admin'],
    ['PUT', '/api/roster/calendar', 'admin'],
    ['PATCH', '/api/roster/groups/class-year2', 'admin'],
  ];
  it.each(routes)('%s %s', async (method, url) => {
    const cookie = admin;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.string(),
          fc.record({ zipBase64: fc.string() }),
          fc.record({ files: fc.dictionary(fc.string(), fc.string()) }),
          fc.record({ csv: fc.string({ minLength: 1 }) }),
        ),
        async (junk) => {
          const res = await fetch(`${server.url}${url}`, {
            method,
            headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', cookie },
            body: typeof junk === 'string' ? junk : JSON.stringify(junk),
          });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(typeof ((await res.json()) as { error?: unknown }).error).toBe('string');
        },
      ),
      { numRuns: 25 },
    );
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('a session’s body: minutes from 5 to 240, or none (every field is optional, so an empty body starts one)', async () => {
    const dsl = await login(server.url, 'dsl@demo.waymark.test');
    for (const body of [{ minutes: 'x' }, { minutes: 1 }, { minutes: 241 }, [1], 'junk'])
      expect((await apiCall(server.url, dsl, 'POST', '/api/classes/class-year2/session', body)).status).toBe(
        400,
      );
    const teacher = await login(server.url, 'reception@demo.waymark.test');
    expect((await apiCall(server.url, teacher, 'POST', '/api/classes/class-year2/session', {})).status).toBe(
      404,
    );
    expect(
      (await apiCall(server.url, dsl, 'POST', '/api/classes/class-year2/session', { minutes: 5 })).status,
    ).toBe(201);
    expect((await apiCall(server.url, dsl, 'POST', '/api/classes/class-year2/session/end')).status).toBe(200);
  });
});
