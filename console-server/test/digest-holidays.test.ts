import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolTermsResponse } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { createMailer } from '../src/features/alerts/mailer';
import { sendWeeklyDigests, weekOf } from '../src/features/reports/weekly-digest';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';
import { decodedMail, startSmtpSink } from './smtp-sink';

// The school's term dates (issue 17): the weekly digest of a week the school was closed says so,
// or is not sent when nothing happened; the reports' "this term" reads the school's terms.
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;
const DAY = 86_400_000;
/** The holiday's event happens at this instant, and the weeks are counted from it: a run across
 * midnight on a Sunday cannot put the event in a week after the one the digests are asked for. */
const EVENT_AT = new Date();
const thisMonday = weekOf(EVENT_AT).start;
const day = (offset: number) => new Date(thisMonday.getTime() + offset * DAY).toISOString().slice(0, 10);
const mondayAfter = (weeks: number) => new Date(thisMonday.getTime() + (7 * weeks * DAY + 7 * 3_600_000));

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer(null, { mailer: createMailer(smtp.url) });
  const admin = await login(server.url, 'admin@demo.waymark.test');
  const calendar = await apiCall(server.url, admin, 'PUT', '/api/roster/calendar', {
    entries: [
      { kind: 'term', name: 'Autumn', startsOn: day(-60), endsOn: day(-1) },
      { kind: 'holiday', name: 'Half term', startsOn: day(0), endsOn: day(13) },
      { kind: 'term', name: 'Spring', startsOn: day(14), endsOn: day(100) },
    ],
    timetableWeeks: 1,
    timetableWeekOne: null,
  });
  expect(calendar.status).toBe(200);
  // A pupil's laptop used at home in the holiday.
  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
    user: 'freya.green@pupils.demo.waymark.test',
  });
  await device.emitWithAck(
    'event',
    blockedEvent({
      url: 'https://www.bet365.com/',
      category: 'gambling',
      occurredAt: EVENT_AT.toISOString(),
    }),
  );
  device.disconnect();
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

const deps = () => ({
  db: server.app.services.db,
  mailer: createMailer(smtp.url),
  reports: server.app.services.reportService,
});

describe('the school’s term dates in reports', () => {
  it('a holiday week’s digest says the school was closed; an empty one is not sent; a term week is', async () => {
    let before = smtp.received.length;
    expect(await sendWeeklyDigests(deps(), mondayAfter(1))).toBe(1);
    await expect.poll(() => smtp.received.length).toBe(before + 2);
    const dsl = smtp.received.slice(before).find((m) => m.to.includes('dsl@demo.waymark.test'))!;
    const text = decodedMail(dsl);
    expect(text).toContain('The school was closed this week (Half term)');
    expect(text).toContain('www.bet365.com');

    // The second week of the holiday: nothing happened, so no digest (and it is not tried again).
    before = smtp.received.length;
    expect(await sendWeeklyDigests(deps(), mondayAfter(2))).toBe(0);
    expect(await sendWeeklyDigests(deps(), mondayAfter(2))).toBe(0);
    // The first week of the spring term: sent, though nothing happened, and not called closed.
    expect(await sendWeeklyDigests(deps(), mondayAfter(3))).toBe(1);
    await expect.poll(() => smtp.received.length).toBe(before + 2);
    expect(smtp.received.slice(before).every((m) => !decodedMail(m).includes('closed this week'))).toBe(true);
  });

  it('gives the reports the school’s terms, to those who see reports', async () => {
    const governor = await login(server.url, 'governor@demo.waymark.test');
    const res = await apiCall(server.url, governor, 'GET', '/api/reports/terms');
    expect(res.status).toBe(200);
    expect((res.body as SchoolTermsResponse).terms).toEqual([
      { name: 'Autumn', startsOn: day(-60), endsOn: day(-1) },
      { name: 'Spring', startsOn: day(14), endsOn: day(100) },
    ]);
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    expect((await apiCall(server.url, teacher, 'GET', '/api/reports/terms')).status).toBe(403);
  });
});
