import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Alert } from '@waymark/shared';
import { createApplication, DEMO_ENROLLMENT_TOKENS, seedDemoSchool } from '../src';
import { createMailer } from '../src/features/alerts/mailer';
import { chainHead } from '../src/features/incidents';
import { sendWeeklyDigests } from '../src/features/reports/weekly-digest';
import { blockedEvent, connectConsole, connectDevice, login, openTestPglite } from './harness';
import { startSmtpSink } from './smtp-sink';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let url: string;
let app: ReturnType<typeof createApplication>;
let close: () => Promise<void>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  const database = await openTestPglite();
  await seedDemoSchool(database.db);
  app = createApplication({
    db: database.db,
    mailer: createMailer(smtp.url),
    publicUrl: 'https://waymark.school.example',
  });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  close = async () => {
    await app.close();
    await database.close();
  };
});
afterAll(async () => {
  await close();
  await smtp.close();
});

const search = (query: string) => ({
  ...blockedEvent(),
  id: uuidv7(),
  kind: 'search' as const,
  url: `https://www.google.co.uk/search?q=${encodeURIComponent(query)}`,
  engine: 'Google',
  query,
  flags: [],
  blocked: false,
});

describe('DSL alerts', () => {
  it('a flagged search alerts the DSL at once, on the console and by e-mail; repeats within 10 minutes are counted in', async () => {
    const dsl = await connectConsole(url, await login(url, 'dsl@demo.waymark.test'));
    const alerts: Alert[] = [];
    dsl.on('alert', (a) => alerts.push(a));
    const device = await connectDevice(url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'freya.green@pupils.demo.waymark.test',
    });
    await device.emitWithAck('event', search('how to kill myself'));
    await expect.poll(() => alerts.length).toBe(1);
    expect(alerts[0]).toMatchObject({
      topic: 'self-harm',
      pupilLabel: 'Freya Green',
      className: 'Year 5 (Kestrels)',
      count: 1,
    });
    await expect.poll(() => smtp.received.length).toBe(1);
    const mail = smtp.received[0]!;
    // The DSL first; the deputy DSL hears only if she does not acknowledge it in time.
    expect(mail.to).toEqual(['dsl@demo.waymark.test']);
    expect(mail.data).toContain('Self-harm, suicide and eating disorders: Freya Green (Year 5 (Kestrels))');
    expect(mail.data).not.toContain('kill myself'); // the words stay in the console

    for (const q of ['i want to die', 'suicide methods']) await device.emitWithAck('event', search(q));
    await device.emitWithAck('event', search('spelling test')); // not flagged: no alert
    await new Promise((r) => setTimeout(r, 300));
    expect(alerts).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    const { alerts: stored } = (await (
      await fetch(`${url}/api/reports/alerts`, {
        headers: { cookie: await login(url, 'dsl@demo.waymark.test') },
      })
    ).json()) as { alerts: Alert[] };
    expect(stored[0]).toMatchObject({ topic: 'self-harm', count: 3 });

    // Another category for the same pupil is a new alert.
    await device.emitWithAck('event', blockedEvent({ url: 'https://hidemyass.com/', category: 'proxy-vpn' }));
    await expect.poll(() => alerts.map((a) => a.topic)).toEqual(['self-harm', 'proxy-vpn']);
    device.disconnect();
    dsl.disconnect();
  });
});

/**
 * A report period (the school's dates, Europe/London) holding everything this file reported: from
 * yesterday to the day after tomorrow by UTC's date. In summer time London's date is a day ahead of
 * UTC's from 23:00 to midnight UTC, so a period ending "tomorrow" by UTC's date missed the events then.
 */
function daysAroundToday(): { from: string; to: string } {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: day(-1), to: day(2) };
}

describe('weekly digest', () => {
  it('is an HTML page of aggregates, without pupil names', async () => {
    const governor = await login(url, 'governor@demo.waymark.test');
    const { from, to } = daysAroundToday();
    const res = await fetch(`${url}/api/reports/digest?from=${from}&to=${to}`, {
      headers: { cookie: governor, accept: 'text/html' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Online safety this week: Waymark Demo Primary School');
    expect(html).toContain('Self-harm, suicide and eating disorders');
    expect(html).toContain('hidemyass.com');
    expect(html).not.toContain('Freya');
    const json = await fetch(`${url}/api/reports/digest?from=${from}&to=${to}`, {
      headers: { cookie: governor, accept: 'application/json' },
    });
    const { digest } = (await json.json()) as {
      digest: { flaggedSearchesByCategory: unknown[]; alerts: number };
    };
    expect(digest.flaggedSearchesByCategory).toEqual([{ category: 'self-harm', count: 3 }]);
    expect(digest.alerts).toBe(2);
    const teacher = await login(url, 'teacher@demo.waymark.test');
    expect((await fetch(`${url}/api/reports/digest`, { headers: { cookie: teacher } })).status).toBe(403);
    expect(
      (await fetch(`${url}/api/reports/digest?from=yesterday`, { headers: { cookie: governor } })).status,
    ).toBe(400);
  });

  it('is e-mailed to the DSLs and the technicians once a week, and never twice', async () => {
    const before = smtp.received.length;
    const nextMonday = new Date();
    nextMonday.setUTCDate(nextMonday.getUTCDate() + ((8 - nextMonday.getUTCDay()) % 7 || 7));
    nextMonday.setUTCHours(8, 0, 0, 0);
    const deps = { db: app.services.db, mailer: createMailer(smtp.url), reports: app.services.reportService };
    expect(await sendWeeklyDigests(deps, nextMonday)).toBe(1);
    expect(await sendWeeklyDigests(deps, new Date(nextMonday.getTime() + 3_600_000))).toBe(0);
    // One copy for the DSLs, one for the technicians (who may be sent pupil names, or not).
    await expect.poll(() => smtp.received.length).toBe(before + 2);
    // Each copy carries the incident log's chain head: an anchor kept outside the database.
    const head = await chainHead(app.services.db, 'demo');
    for (const mail of smtp.received.slice(before)) {
      expect(mail.data).toContain('Subject: =?UTF-8?Q?Waymark_weekly_digest');
      const body = mail.data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(body).toContain(`--since-anchor ${head.hash}`);
    }
  });
});

describe('pupils report', () => {
  it('names pupils for the DSL only', async () => {
    const dsl = await login(url, 'dsl@demo.waymark.test');
    const { from, to } = daysAroundToday();
    const res = await fetch(`${url}/api/reports/pupils?from=${from}&to=${to}`, {
      headers: { cookie: dsl },
    });
    const { pupils } = (await res.json()) as {
      pupils: Array<{ pupil: string; flaggedSearches: number; blocked: number }>;
    };
    expect(pupils.find((p) => p.pupil === 'Freya Green')).toMatchObject({ flaggedSearches: 3, blocked: 1 });
    const governor = await login(url, 'governor@demo.waymark.test');
    expect((await fetch(`${url}/api/reports/pupils`, { headers: { cookie: governor } })).status).toBe(403);
  });
});
