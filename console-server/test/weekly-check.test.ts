import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConcernReport } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { createMailer } from '../src/features/alerts/mailer';
import { staff } from '../src/db/schema';
import { sendWeeklyDigests, weekOf } from '../src/features/reports/weekly-digest';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';
import { decodedMail, startSmtpSink } from './smtp-sink';

/*
 * "The reports are checked weekly by the IT technician and any cause for concern is reported to
 * the headteacher" (the seed primary school's policy): the technician gets the digest, reports a
 * line of it, and the head teacher is told by e-mail and sees it in the console.
 */
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;
const CONSOLE = 'https://waymark.school.example';
/** When the week's event happened: the weeks below are counted from it, not from the clock as each
 * test reads it, so a run across midnight on a Sunday still finds the event in "this week". */
let eventAt: Date;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer(null, { mailer: createMailer(smtp.url), publicUrl: CONSOLE });
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
    user: 'freya.green@pupils.demo.waymark.test',
  });
  eventAt = new Date();
  await device.emitWithAck(
    'event',
    blockedEvent({ url: 'https://www.bet365.com/', category: 'gambling', occurredAt: eventAt.toISOString() }),
  );
  device.disconnect();
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

const as = async (email: string) => {
  const cookie = await login(server.url, email);
  return (method: string, path: string, body?: unknown) => apiCall(server.url, cookie, method, path, body);
};

/** Next Monday: the digest it sends covers this week, so the events above are in it. */
function nextMonday(weeksLater = 0): Date {
  const d = new Date(eventAt);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + 7 * weeksLater);
  d.setUTCHours(7, 0, 0, 0);
  return d;
}
const thisMonday = () => weekOf(eventAt).start.toISOString().slice(0, 10);

describe('the weekly check', () => {
  it('the technician gets the digest, each line linking to "report to the head teacher", with no pupil names unless the DSL chooses', async () => {
    const deps = () => ({
      db: server.app.services.db,
      mailer: createMailer(smtp.url),
      reports: server.app.services.reportService,
      consoleUrl: CONSOLE,
    });
    const before = smtp.received.length;
    expect(await sendWeeklyDigests(deps(), nextMonday())).toBe(1);
    await expect.poll(() => smtp.received.length).toBe(before + 2);
    const tech = smtp.received.slice(before).find((m) => m.to.includes('tech@demo.waymark.test'))!;
    const text = decodedMail(tech);
    expect(text).toContain('Report to the head teacher');
    expect(text).toContain(`${CONSOLE}/reports/digest?week=${thisMonday()}&amp;concern=0`);
    expect(text).toContain('www.bet365.com');
    expect(text).not.toContain('Freya');

    const dsl = await as('dsl@demo.waymark.test');
    expect(
      (await dsl('PUT', '/api/reports/digest-settings', { technicianDigestNamesPupils: true })).status,
    ).toBe(200);
    const technician = await as('tech@demo.waymark.test');
    expect(
      (await technician('PUT', '/api/reports/digest-settings', { technicianDigestNamesPupils: false }))
        .status,
    ).toBe(403);
    expect(
      (await dsl('PUT', '/api/reports/digest-settings', { technicianDigestNamesPupils: 'yes' })).status,
    ).toBe(400);

    // The week after, the technician's copy names pupils; the DSLs' copy still does not.
    const next = smtp.received.length;
    expect(await sendWeeklyDigests(deps(), nextMonday(1))).toBe(1);
    await expect.poll(() => smtp.received.length).toBe(next + 2);
    const [first, second] = smtp.received.slice(next);
    const techMail = [first!, second!].find((m) => m.to.includes('tech@demo.waymark.test'))!;
    const dslMail = [first!, second!].find((m) => m.to.includes('dsl@demo.waymark.test'))!;
    expect(techMail.to).not.toContain('dsl@demo.waymark.test');
    expect(decodedMail(techMail)).toContain('Pupils with the most blocked attempts');
    expect(decodedMail(dslMail)).not.toContain('Pupils with the most blocked attempts');
    await dsl('PUT', '/api/reports/digest-settings', { technicianDigestNamesPupils: false });
  });

  it('the technician reports a line; the head teacher gets an e-mail and reads who reported what, when and to whom', async () => {
    const technician = await as('tech@demo.waymark.test');
    const digest = await technician('GET', `/api/reports/digest?from=${thisMonday()}`);
    expect(digest.status).toBe(200);
    const lines = digest.body.lines as string[];
    const line = lines.find((l) => l.includes('Gambling'))!;
    expect(line).toBe('Blocked attempts by category – Gambling: 1');

    const before = smtp.received.length;
    const reported = await technician('POST', '/api/reports/concerns', {
      weekStart: thisMonday(),
      line,
      note: 'Gambling sites from Year 5 again; worth a word in assembly?',
    });
    expect(reported.status).toBe(201);
    const concern = reported.body.concern as ConcernReport;
    expect(concern).toMatchObject({
      week: weekOf(eventAt).label,
      weekStart: thisMonday(),
      line,
      reportedByName: expect.any(String),
      reportedTo: [{ name: 'Mrs Catherine Ellis', email: 'head@demo.waymark.test' }],
    });

    await expect.poll(() => smtp.received.length).toBe(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['head@demo.waymark.test']);
    expect(decodedMail(mail)).toContain('Blocked attempts by category – Gambling: 1');
    expect(decodedMail(mail)).toContain(`${CONSOLE}/reports/concerns`);

    const head = await as('head@demo.waymark.test');
    const seen = await head('GET', `/api/reports/concerns?weekStart=${thisMonday()}`);
    expect(seen.status).toBe(200);
    expect((seen.body.concerns as ConcernReport[]).map((c) => c.id)).toContain(concern.id);
    // The head teacher is told; reporting is the weekly checkers' job.
    expect((await head('POST', '/api/reports/concerns', { weekStart: thisMonday(), line })).status).toBe(403);
    const governor = await as('governor@demo.waymark.test');
    expect((await governor('GET', '/api/reports/concerns')).status).toBe(403);
    const teacher = await as('teacher@demo.waymark.test');
    expect((await teacher('POST', '/api/reports/concerns', { weekStart: thisMonday(), line })).status).toBe(
      403,
    );
  });

  it('junk is refused with a message naming what was wrong', async () => {
    const technician = await as('tech@demo.waymark.test');
    const tuesday = new Date(`${thisMonday()}T12:00:00Z`);
    tuesday.setUTCDate(tuesday.getUTCDate() + 1);
    const cases: Array<[unknown, RegExp]> = [
      [{ weekStart: tuesday.toISOString().slice(0, 10), line: 'Alerts: 1' }, /weekStart.*Monday/],
      [{ weekStart: thisMonday(), line: '' }, /line/],
      [{ weekStart: thisMonday(), line: 'Alerts\u0000: 1' }, /line.*NUL/],
      [{ weekStart: thisMonday(), line: 'x'.repeat(501) }, /line/],
      [{ weekStart: thisMonday(), line: 'Alerts: 1', extra: true }, /extra|unrecognized/i],
    ];
    for (const [body, message] of cases) {
      const res = await technician('POST', '/api/reports/concerns', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatch(message);
    }
    expect((await technician('GET', '/api/reports/concerns?weekStart=monday')).status).toBe(400);
  });

  it('with no senior leader to tell, the report is refused and says who can fix it', async () => {
    const { db } = server.app.services;
    await db.update(staff).set({ disabledAt: new Date() }).where(eq(staff.email, 'head@demo.waymark.test'));
    const technician = await as('tech@demo.waymark.test');
    const res = await technician('POST', '/api/reports/concerns', {
      weekStart: thisMonday(),
      line: 'Alerts: 0',
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/senior leader/);
    await db.update(staff).set({ disabledAt: null }).where(eq(staff.email, 'head@demo.waymark.test'));
  });
});
