import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTrustStaff,
  createSchool,
  createTrust,
  DEMO_ENROLLMENT_TOKENS,
  DEMO_PASSWORD,
  setSchoolTrust,
} from '@waymark/console-server';
import { apiCall, blockedEvent, connectDevice, login } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

/**
 * A trust of two schools on one server: the demo school and a second with a long Welsh name. The
 * trust's safeguarding lead sees both side by side, their incident logs and alerts (one arriving
 * live), and one school's pupils; the trust's reporting role sees the figures only.
 */
describe('the trust screen', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    const { db } = harness.server.app.services;
    await createTrust(db, { id: 'cwm', name: 'Ymddiriedolaeth Addysg Cwm Taf' });
    await setSchoolTrust(db, 'demo', 'cwm');
    await createSchool(db, {
      id: 'aber',
      name: 'Ysgol Gynradd Gymraeg Aberpennar a Chwm Cynon Uchaf',
      trustId: 'cwm',
      admin: { email: 'admin@aber.waymark.test', name: 'Gweinyddwr Aber', password: DEMO_PASSWORD },
    });
    await addTrustStaff(db, {
      trustId: 'cwm',
      schoolId: 'demo',
      email: 'diogelu@cwm.waymark.test',
      name: 'Mrs Nia Rowlands',
      role: 'trust-dsl',
      password: DEMO_PASSWORD,
    });
    await addTrustStaff(db, {
      trustId: 'cwm',
      schoolId: 'demo',
      email: 'ceo@cwm.waymark.test',
      name: 'Mr Huw Bowen',
      role: 'trust-reporter',
      password: DEMO_PASSWORD,
    });
    // A week in the demo school: blocked pages, a request for help (an alert), and an incident.
    const device = await connectDevice(harness.server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: 'mia.walker@pupils.demo.waymark.test',
    });
    const events = [
      blockedEvent({ url: 'https://www.roblox.com/', category: 'gaming' }),
      blockedEvent({ url: 'https://games.example/' }),
      blockedEvent({ url: 'https://free-proxy.example/', category: 'proxy-vpn' }),
    ];
    for (const e of events) await device.emitWithAck('event', e);
    device.disconnect();
    const dsl = await login(harness.server.url, 'dsl@demo.waymark.test');
    const raised = await apiCall(harness.server.url, dsl, 'POST', '/api/incidents/from-events', {
      eventIds: [events[2]!.id],
    });
    expect(raised.status).toBe(201);
  });
  afterAll(async () => harness?.close());

  it("the trust's safeguarding lead: the schools side by side, the logs, alerts live, and a school's pupils", async () => {
    const { page } = await harness.signIn('diogelu@cwm.waymark.test');
    // Trust staff have no classes: they land on the trust's page.
    await page.getByRole('heading', { name: 'Ymddiriedolaeth Addysg Cwm Taf: our schools' }).waitFor();
    const schools = page.getByRole('table', { name: /Each school of the trust/ });
    await expect.poll(() => schools.getByRole('row').count()).toBe(4); // header, two schools, totals
    expect(await schools.getByRole('rowheader').allInnerTexts()).toEqual([
      'Waymark Demo Primary School',
      'Ysgol Gynradd Gymraeg Aberpennar a Chwm Cynon Uchaf',
      'All schools',
    ]);
    const incidents = page.getByRole('table', { name: 'Incidents, newest first' });
    await incidents.getByRole('rowheader', { name: /INC-/ }).waitFor();
    expect(await incidents.getByRole('cell', { name: 'Waymark Demo Primary School' }).count()).toBe(1);

    // A request for help in the demo school arrives on the page as it is raised.
    const alerts = page.getByRole('region', { name: /Latest alerts/ });
    const device = await connectDevice(harness.server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    await device.emitWithAck('event', {
      ...blockedEvent(),
      kind: 'concern',
      message: 'help',
      url: null,
    } as never);
    device.disconnect();
    await alerts.getByRole('cell', { name: 'A pupil asked for help' }).waitFor();

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'trust-overview');

    await page.getByRole('link', { name: 'Pupils at Waymark Demo Primary School' }).click();
    await page.getByRole('heading', { name: 'Pupils at Waymark Demo Primary School' }).waitFor();
    await page.getByRole('rowheader', { name: 'Mia Walker' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'trust-pupils');
  });

  it('in Welsh, and on a tablet', async () => {
    const { page } = await harness.signIn('diogelu@cwm.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { name: 'Ymddiriedolaeth Addysg Cwm Taf: ein hysgolion' }).waitFor();
    await page.getByRole('table', { name: 'Digwyddiadau, y mwyaf diweddar yn gyntaf' }).waitFor();
    await page.locator('details.account summary').click();
    expect(await axeViolations(page)).toEqual([]);
    // Nothing wider than the tablet's screen but the tables, which scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, 'trust-overview-cy-tablet');
  });

  it("the trust's reporting role sees the figures, not the logs, alerts or names", async () => {
    const { page } = await harness.signIn('ceo@cwm.waymark.test');
    await page.getByRole('table', { name: /Each school of the trust/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Incident logs' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: /Latest alerts/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Pupils at/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'trust-reporter');
  });
});
