import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceEventInput, PupilEventsReport, PupilReportRow, ReportSummary } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { pupils } from '../src/db/schema';
import {
  apiCall,
  blockedEvent,
  connectDevice,
  login,
  startTestServer,
  type DeviceClient,
  type TestServer,
} from './harness';

let server: TestServer;
let dsl: string;
let governor: string;
let technician: string;
const devices: DeviceClient[] = [];

/**
 * When this period's events happened: one instant, so they share a day's bucket even when the run
 * crosses midnight, and the summary is read at that day's bucket (not the last one, a new day by then).
 */
const EVENTS_AT = new Date().toISOString();
const schoolDate = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
/** A block at EVENTS_AT (unless told another time). */
const blocked = (overrides: Partial<DeviceEventInput> = {}) =>
  blockedEvent({ occurredAt: EVENTS_AT, ...overrides });

const FREYA = 'freya.green@pupils.demo.waymark.test';
const OLIVER = 'oliver.thomas@pupils.demo.waymark.test';

const search = (query: string, overrides: Partial<DeviceEventInput> = {}) =>
  ({
    id: uuidv7(),
    kind: 'search',
    occurredAt: EVENTS_AT,
    profile: 'KS2',
    policyVersion: 1,
    url: `https://www.google.co.uk/search?q=${encodeURIComponent(query)}`,
    engine: 'Google',
    query,
    ...overrides,
  }) as DeviceEventInput;

async function send(device: DeviceClient, event: DeviceEventInput) {
  const ack = await device.emitWithAck('event', event);
  expect(ack).toMatchObject({ ok: true });
}

/** Every pupil name and e-mail of the demo school: none may reach a governor or technician. */
let pupilIdentities: string[] = [];

async function get(cookie: string, path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie, accept: 'application/json' } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { status: res.status, text: new TextDecoder().decode(bytes), bom, headers: res.headers };
}

beforeAll(async () => {
  server = await startTestServer();
  [dsl, governor, technician] = await Promise.all([
    login(server.url, 'dsl@demo.waymark.test'),
    login(server.url, 'governor@demo.waymark.test'),
    login(server.url, 'tech@demo.waymark.test'),
  ]);
  const rows = await server.app.services.db.select({ name: pupils.name, email: pupils.email }).from(pupils);
  pupilIdentities = rows.flatMap((p) => [p.name, p.email, p.name.split(' ')[0]!]);

  const oliver = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    user: OLIVER,
  });
  const freya = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
    user: FREYA,
  });
  const shared = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
    deviceName: 'Kestrels trolley 3',
  });
  devices.push(oliver, freya, shared);

  // Year 2 (KS1): two blocks on a game site, one not on the allow-list.
  await send(oliver, blocked({ url: 'https://www.roblox.com/games/1', category: 'gaming' }));
  await send(oliver, blocked({ url: 'https://www.roblox.com/home', category: 'gaming' }));
  await send(oliver, blocked({ url: 'https://games.example/play', category: null }));
  // Year 5 (KS2): gambling, a game, illegal content, searches, a request for help.
  const ks2 = { profile: 'KS2' as const, rule: 'not on the KS2 allow-list' };
  for (const path of ['', 'sports', 'casino']) {
    await send(freya, blocked({ ...ks2, url: `https://www.bet365.com/${path}`, category: 'gambling' }));
  }
  await send(freya, blocked({ ...ks2, url: 'https://www.roblox.com/', category: 'gaming' }));
  await send(freya, blocked({ ...ks2, url: 'https://csam.invalid/abc', category: 'illegal-csam' }));
  await send(freya, search('how to kill myself'));
  await send(freya, search('=HYPERLINK("http://evil.example","click")'));
  await send(freya, {
    id: uuidv7(),
    kind: 'concern',
    occurredAt: EVENTS_AT,
    profile: 'KS2',
    policyVersion: 1,
    url: null,
    message: 'someone is being mean to me',
  } as DeviceEventInput);
  // Nobody signed in on a shared device.
  await send(shared, blocked({ ...ks2, url: 'https://www.tiktok.com/@someone', category: 'social-media' }));
  await send(shared, search('suicide methods'));
  // Long before the period: not counted.
  await send(
    freya,
    blocked({
      ...ks2,
      url: 'https://www.bet365.com/old',
      category: 'gambling',
      occurredAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
    }),
  );
  // Late evening in June (UTC) is the next morning's small hours at a school in London (BST).
  await send(
    oliver,
    blocked({ url: 'https://www.twitch.tv/', category: 'video', occurredAt: '2026-06-10T23:30:00Z' }),
  );

  // Two incidents raised by the DSL; one closed with an outcome that names the pupil.
  const gambling = await apiCall(server.url, dsl, 'POST', '/api/incidents', {
    subject: 'pupil',
    pupilEmail: FREYA,
    category: 'gambling',
    severity: 'medium',
    description: 'Repeated attempts to reach a betting site.',
  });
  expect(gambling.status).toBe(201);
  const changed = await apiCall(
    server.url,
    dsl,
    'POST',
    `/api/incidents/${gambling.body.incident.id}/changes`,
    {
      addActions: ['inform-parents', 'warning'],
      outcome: 'Spoke to Freya Green and her parents',
      status: 'closed',
    },
  );
  expect(changed.status).toBe(200);
  const bullying = await apiCall(server.url, dsl, 'POST', '/api/incidents', {
    subject: 'pupil',
    pupilEmail: OLIVER,
    category: 'cyberbullying',
    severity: 'high',
    description: 'Unkind messages reported by a classmate.',
  });
  expect(bullying.status).toBe(201);
  await apiCall(server.url, dsl, 'POST', `/api/incidents/${bullying.body.incident.id}/changes`, {
    addActions: ['refer-dsl'],
  });
});

afterAll(async () => {
  for (const d of devices) d.disconnect();
  await server?.close();
});

const count = (rows: Array<{ key: string; count: number }>, key: string) =>
  rows.find((r) => r.key === key)?.count;
const total = (series: ReportSummary['blockedOverTime']['byCategory'], key: string) =>
  series.find((s) => s.key === key)?.total;

describe('the reports summary', () => {
  it('counts blocked attempts over time by category, key stage and class, for the DSL', async () => {
    const { status, body } = await apiCall(server.url, dsl, 'GET', '/api/reports/summary');
    expect(status).toBe(200);
    const report = body.report as ReportSummary;
    expect(report.granularity).toBe('day');
    expect(report.buckets).toHaveLength(28);
    expect(report.timeZone).toBe('Europe/London');
    expect(report.totals).toMatchObject({ blocked: 9, flaggedSearches: 2, concerns: 1, incidents: 2 });

    const { byCategory, byKeyStage, byClass } = report.blockedOverTime;
    expect(total(byCategory, 'gambling')).toBe(3);
    expect(total(byCategory, 'gaming')).toBe(3);
    expect(total(byCategory, 'uncategorised')).toBe(1);
    expect(total(byCategory, 'illegal-csam')).toBe(1);
    expect(total(byCategory, 'social-media')).toBe(1);
    // All of it on the events' day: the last bucket, or the one before once the run crossed midnight.
    expect(report.buckets.slice(-2)).toContain(schoolDate(EVENTS_AT));
    expect(byCategory[0]!.counts[report.buckets.indexOf(schoolDate(EVENTS_AT))]).toBe(byCategory[0]!.total);
    expect(total(byKeyStage, 'KS1')).toBe(3);
    expect(total(byKeyStage, 'KS2')).toBe(6);
    expect(byClass.map((s) => [s.label, s.total])).toEqual([
      ['Year 5 (Kestrels)', 6],
      ['Year 2 (Owls)', 3],
    ]);

    expect(report.topBlockedSites.slice(0, 2)).toEqual([
      { host: 'www.bet365.com', count: 3, category: 'gambling' },
      { host: 'www.roblox.com', count: 3, category: 'gaming' },
    ]);
    expect(report.topBlockedSites.map((s) => s.host)).not.toContain('csam.invalid');
    expect(report.flaggedSearchesByCategory).toEqual([{ key: 'self-harm', count: 2 }]);

    expect(count(report.incidents.byCategory, 'gambling')).toBe(1);
    expect(count(report.incidents.byCategory, 'cyberbullying')).toBe(1);
    expect(count(report.incidents.byAction, 'inform-parents')).toBe(1);
    expect(count(report.incidents.byAction, 'refer-dsl')).toBe(1);
    expect(count(report.incidents.byStatus, 'closed')).toBe(1);
    expect(count(report.incidents.byStatus, 'open')).toBe(1);
    expect(report.incidents.byOutcome).toEqual([{ key: 'Spoke to Freya Green and her parents', count: 1 }]);
    expect(report.pupilNames).toBe(true);
  });

  it('uses the school’s own days (its time zone), and weeks for long periods', async () => {
    const day = async (from: string, to: string) =>
      (
        (await apiCall(server.url, dsl, 'GET', `/api/reports/summary?from=${from}&to=${to}`)).body
          .report as ReportSummary
      ).totals.blocked;
    expect(await day('2026-06-11', '2026-06-12')).toBe(1);
    expect(await day('2026-06-10', '2026-06-11')).toBe(0);
    const { body } = await apiCall(
      server.url,
      dsl,
      'GET',
      '/api/reports/summary?from=2026-06-01&to=2026-08-01',
    );
    const report = body.report as ReportSummary;
    expect(report.granularity).toBe('week');
    expect(report.buckets[0]).toBe('2026-06-01');
    expect(report.buckets[1]).toBe('2026-06-08');
    expect(report.blockedOverTime.byCategory).toEqual([
      {
        key: 'video',
        label: null,
        counts: report.buckets.map((b) => (b === '2026-06-08' ? 1 : 0)),
        total: 1,
      },
    ]);
  });

  it('gives governors and technicians the same aggregates with no pupil named anywhere', async () => {
    const dslReport = (await apiCall(server.url, dsl, 'GET', '/api/reports/summary')).body
      .report as ReportSummary;
    for (const cookie of [governor, technician]) {
      const { status, text } = await get(cookie, '/api/reports/summary');
      expect(status).toBe(200);
      for (const identity of pupilIdentities) expect(text).not.toContain(identity);
      expect(text).not.toContain('@pupils.');
      const report = (JSON.parse(text) as { report: ReportSummary }).report;
      expect(report.incidents.byOutcome).toBeNull();
      expect(report.pupilNames).toBe(false);
      expect(report.blockedOverTime).toEqual(dslReport.blockedOverTime);
      expect(report.topBlockedSites).toEqual(dslReport.topBlockedSites);
    }
  });

  it('answers a bad period with a 400 that says what is wrong, and other roles with 403', async () => {
    for (const [query, message] of [
      ['from=yesterday', /from/],
      ['from=2026-05-02&to=2026-05-01', /before/],
      ['from=2024-01-01&to=2026-01-01', /at most 400 days/],
      ['lang=fr', /lang/],
    ] as const) {
      const res = await apiCall(server.url, dsl, 'GET', `/api/reports/summary?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    expect((await get(teacher, '/api/reports/summary')).status).toBe(403);
    expect((await fetch(`${server.url}/api/reports/summary`)).status).toBe(401);
  });
});

describe('the DSL’s pupil drill-down', () => {
  it('lists pupils behind a bar of a chart, and a pupil’s events', async () => {
    const all = (await apiCall(server.url, dsl, 'GET', '/api/reports/pupils')).body
      .pupils as PupilReportRow[];
    expect(all.find((p) => p.key === FREYA)).toMatchObject({
      pupil: 'Freya Green',
      className: 'Year 5 (Kestrels)',
      blocked: 5,
      flaggedSearches: 1,
      concerns: 1,
    });
    const trolley = all.find((p) => p.key.startsWith('device:'))!;
    expect(trolley).toMatchObject({
      pupil: null,
      deviceName: 'Kestrels trolley 3',
      blocked: 1,
      flaggedSearches: 1,
    });

    const gambling = (await apiCall(server.url, dsl, 'GET', '/api/reports/pupils?category=gambling')).body
      .pupils as PupilReportRow[];
    expect(gambling.map((p) => [p.pupil, p.blocked])).toEqual([['Freya Green', 3]]);
    const selfHarm = (await apiCall(server.url, dsl, 'GET', '/api/reports/pupils?category=self-harm')).body
      .pupils as PupilReportRow[];
    expect(selfHarm.map((p) => [p.key, p.flaggedSearches]).sort()).toEqual(
      [
        [FREYA, 1],
        [trolley.key, 1],
      ].sort(),
    );
    const ks1 = (await apiCall(server.url, dsl, 'GET', '/api/reports/pupils?profile=KS1')).body
      .pupils as PupilReportRow[];
    expect(ks1.map((p) => p.pupil)).toEqual(['Oliver Thomas']);
    const owls = (await apiCall(server.url, dsl, 'GET', '/api/reports/pupils?classId=class-year5')).body
      .pupils as PupilReportRow[];
    expect(owls.map((p) => p.key).sort()).toEqual([FREYA, trolley.key].sort());

    const res = await apiCall(
      server.url,
      dsl,
      'GET',
      `/api/reports/pupils/${encodeURIComponent(FREYA)}/events`,
    );
    const report = res.body as PupilEventsReport;
    expect(report.pupil).toBe('Freya Green');
    expect(report.events.map((e) => e.kind).sort()).toEqual(
      ['blocked', 'blocked', 'blocked', 'blocked', 'blocked', 'concern', 'search', 'search'].sort(),
    );
    // The DSL sees illegal-category addresses; a search shows its words and flags.
    expect(report.events.find((e) => e.category === 'illegal-csam')).toMatchObject({
      url: 'https://csam.invalid/abc',
    });
    expect(report.events.find((e) => e.text === 'how to kill myself')).toMatchObject({
      flags: ['self-harm'],
    });
    expect(report.incidents).toMatchObject([{ category: 'gambling', status: 'closed' }]);

    const device = await apiCall(
      server.url,
      dsl,
      'GET',
      `/api/reports/pupils/${encodeURIComponent(trolley.key)}/events`,
    );
    expect((device.body as PupilEventsReport).events).toHaveLength(2);
  });

  it('is the DSL’s only, and refuses junk', async () => {
    for (const cookie of [governor, technician]) {
      expect((await get(cookie, '/api/reports/pupils')).status).toBe(403);
      expect((await get(cookie, `/api/reports/pupils/${encodeURIComponent(FREYA)}/events`)).status).toBe(403);
    }
    expect((await get(dsl, '/api/reports/pupils?category=nope')).status).toBe(400);
    expect((await get(dsl, '/api/reports/pupils/not-a-pupil/events')).status).toBe(400);
  });
});

describe('CSV downloads', () => {
  const REPORTS = [
    'blocked-by-category',
    'blocked-by-key-stage',
    'blocked-by-class',
    'top-blocked-sites',
    'flagged-searches',
    'incidents-by-category',
    'incidents-by-action',
    'incidents-by-status',
  ];
  const csvRows = (text: string) => text.trimEnd().split('\r\n');

  it('gives every aggregate report as a CSV file with the numbers on screen', async () => {
    const res = await get(dsl, '/api/reports/export.csv?report=top-blocked-sites');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="waymark-top-blocked-sites-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(res.bom).toBe(true); // Excel reads Welsh letters right only with it
    expect(csvRows(res.text).slice(0, 3)).toEqual([
      'Site,Category,Blocked attempts',
      'www.bet365.com,Gambling,3',
      'www.roblox.com,Online games,3',
    ]);

    const byClass = csvRows((await get(dsl, '/api/reports/export.csv?report=blocked-by-class')).text);
    expect(byClass[0]).toBe('Day,Year 5 (Kestrels),Year 2 (Owls),Total');
    expect(byClass).toHaveLength(1 + 28 + 1);
    expect(byClass.at(-1)).toBe('Total,6,3,9');

    const welsh = csvRows(
      (await get(dsl, '/api/reports/export.csv?report=blocked-by-key-stage&lang=cy')).text,
    );
    expect(welsh[0]).toBe('Diwrnod,Cyfnod allweddol 2,Cyfnod allweddol 1,Cyfanswm');
    expect(welsh.at(-1)).toBe('Cyfanswm,6,3,9');

    const outcome = csvRows((await get(dsl, '/api/reports/export.csv?report=incidents-by-outcome')).text);
    expect(outcome).toEqual(['Outcome,Incidents', 'Spoke to Freya Green and her parents,1']);
  });

  it('never puts a pupil in a governor’s or technician’s file, and keeps formulas out of spreadsheets', async () => {
    for (const cookie of [governor, technician]) {
      for (const report of REPORTS) {
        const res = await get(cookie, `/api/reports/export.csv?report=${report}`);
        expect(res.status, report).toBe(200);
        for (const identity of pupilIdentities) expect(res.text).not.toContain(identity);
      }
      for (const report of [
        'incidents-by-outcome',
        'pupils',
        `pupil-events&pupil=${encodeURIComponent(FREYA)}`,
      ]) {
        expect((await get(cookie, `/api/reports/export.csv?report=${report}`)).status, report).toBe(403);
      }
    }
    const pupilsCsv = csvRows(
      (await get(dsl, '/api/reports/export.csv?report=pupils&category=gambling')).text,
    );
    expect(pupilsCsv).toEqual([
      'Pupil,E-mail,Device,Class,Blocked attempts,Flagged searches,Requests for help',
      `Freya Green,${FREYA},,Year 5 (Kestrels),3,0,0`,
    ]);
    const events = (
      await get(dsl, `/api/reports/export.csv?report=pupil-events&pupil=${encodeURIComponent(FREYA)}`)
    ).text;
    expect(events).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(events).toContain('Self-harm, suicide and eating disorders');
  });

  it('refuses an unknown report or a pupil’s events without the pupil', async () => {
    const unknown = await get(dsl, '/api/reports/export.csv?report=everything');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/report/);
    const noPupil = await get(dsl, '/api/reports/export.csv?report=pupil-events');
    expect(noPupil.status).toBe(400);
    expect(noPupil.text).toMatch(/which pupil/);
  });
});

describe('the digest in the console', () => {
  it('renders in Welsh for any period, and in English by default', async () => {
    const res = await fetch(`${server.url}/api/reports/digest?lang=cy&from=2026-06-08&to=2026-06-15`, {
      headers: { cookie: governor, accept: 'text/html' },
    });
    const html = await res.text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('Diogelwch ar-lein yr wythnos hon: Waymark Demo Primary School');
    expect(html).toContain('Ffrydio fideo');
    const month = await fetch(`${server.url}/api/reports/digest`, {
      headers: { cookie: governor, accept: 'text/html' },
    });
    expect(await month.text()).toContain('Online safety this week');
  });
});
