import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await login(server.url, 'admin@demo.waymark.test');
});
afterAll(() => server.close());

const post = (path: string, body: unknown, cookie = admin) => apiCall(server.url, cookie, 'POST', path, body);

describe('staff accounts (school admin)', () => {
  it('creates a teacher for a class, who can sign in and watch it', async () => {
    const created = await post('/api/staff', {
      email: 'New.Teacher@demo.waymark.test',
      name: 'Mr Dylan Rees',
      role: 'teacher',
      password: 'a long enough password',
      classIds: ['class-reception'],
    });
    expect(created.status).toBe(201);
    const cookie = await login(server.url, 'new.teacher@demo.waymark.test', 'a long enough password');
    const classes = await fetch(`${server.url}/api/classes`, { headers: { cookie } }).then((r) => r.json());
    expect(classes.classes.map((c: { id: string }) => c.id)).toEqual(['class-reception']);
    expect(
      (await post('/api/staff', { email: 'new.teacher@demo.waymark.test', name: 'x', role: 'teacher' }))
        .status,
    ).toBe(409);
  });

  it('resets a locked-out password and ends the old sessions', async () => {
    const oldSession = await login(server.url, 'governor@demo.waymark.test');
    for (let i = 0; i < 5; i++)
      await post('/api/auth/login', { email: 'governor@demo.waymark.test', password: 'wrong' }, '');
    const staff = await fetch(`${server.url}/api/staff`, { headers: { cookie: admin } }).then((r) =>
      r.json(),
    );
    const governor = staff.staff.find((s: { email: string }) => s.email === 'governor@demo.waymark.test');
    expect(governor.lockedUntil).not.toBeNull();
    expect((await post(`/api/staff/${governor.id}/reset-password`, { password: 'short' })).status).toBe(400);
    expect(
      (await post(`/api/staff/${governor.id}/reset-password`, { password: 'a brand new passphrase' })).status,
    ).toBe(200);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: oldSession } })).status).toBe(401);
    await login(server.url, 'governor@demo.waymark.test', 'a brand new passphrase');
  });

  it('is the admin’s alone', async () => {
    const dsl = await login(server.url, 'dsl@demo.waymark.test');
    expect(
      (await post('/api/staff', { email: 'x@demo.waymark.test', name: 'x', role: 'dsl' }, dsl)).status,
    ).toBe(403);
  });
});

describe('class import from the MIS (CSV)', () => {
  it('keeps good rows and reports bad ones by line number', async () => {
    const csv = [
      'Class_Name,Key_Stage,Pupil_Name,Pupil_Email,Teacher_Email',
      'Year 6 (Swifts),KS2,Ada Jones,ada.jones@pupils.demo.waymark.test,teacher@demo.waymark.test',
      'Year 6 (Swifts),KS2,Ben Price,ben.price@pupils.demo.waymark.test,',
      'Year 6 (Swifts),KS9,Cai Ellis,cai.ellis@pupils.demo.waymark.test,',
      'Year 6 (Swifts),KS2,,dai@pupils.demo.waymark.test,',
      'Year 6 (Swifts),KS2,Efa Hughes,not-an-email,',
      'Year 2 (Owls),KS1,Oliver Thomas,oliver.thomas@pupils.demo.waymark.test,',
      'Year 6 (Swifts),KS2,Ffion Lee,ffion.lee@pupils.demo.waymark.test,nobody@demo.waymark.test',
    ].join('\n');
    const res = await post('/api/classes/import', { csv });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ classesCreated: 1, pupilsAdded: 3, pupilsUpdated: 1 });
    expect(res.body.bad.map((b: { line: number }) => b.line)).toEqual([4, 5, 6, 8]);
    expect(res.body.bad[0].error).toMatch(/key_stage/);
    expect(res.body.bad[3].error).toMatch(/teacher_email nobody@demo.waymark.test has no account/);
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    const classes = await fetch(`${server.url}/api/classes`, { headers: { cookie: teacher } }).then((r) =>
      r.json(),
    );
    expect(classes.classes.find((c: { name: string }) => c.name === 'Year 6 (Swifts)')).toMatchObject({
      profile: 'KS2',
      pupilCount: 3,
    });
    // The DSL sees every class (a single-table query, where the count once compared the pupil's own columns).
    const dsl = await login(server.url, 'dsl@demo.waymark.test');
    const all = await fetch(`${server.url}/api/classes`, { headers: { cookie: dsl } }).then((r) => r.json());
    expect(all.classes.find((c: { name: string }) => c.name === 'Year 6 (Swifts)')).toMatchObject({
      pupilCount: 3,
    });
    expect(all.classes.every((c: { pupilCount: number }) => c.pupilCount > 0)).toBe(true);
  });

  it('says clearly when the file is not CSV it can read', async () => {
    const res = await post('/api/classes/import', { csv: 'a,b\n"unterminated' });
    expect(res.body.bad[0].error).toMatch(/not a CSV file/);
  });
});
