import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { apiCall, blockedEvent, connectDevice, login } from '@waymark/console-server/testing';
import type { DeviceEventInput } from '@waymark/shared';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

const PUPIL = 'harry.lewis@pupils.demo.waymark.test';

describe('the incident log in the console', () => {
  let harness: ConsoleHarness;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startConsoleHarness();
    for (const who of ['teacher', 'dsl']) {
      cookies[who] = await login(harness.server.url, `${who}@demo.waymark.test`);
    }
  });
  afterAll(async () => harness?.close());

  const call = (who: string, method: string, path: string, body?: unknown) =>
    apiCall(harness.server.url, cookies[who]!, method, path, body);

  /** A real device in Year 2 reports a blocked page; the server acks it once it is stored. */
  async function deviceReports(overrides: Partial<DeviceEventInput>) {
    const device = await connectDevice(harness.server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      user: PUPIL,
      deviceName: 'Owls Chromebook 7',
    });
    const event = blockedEvent(overrides);
    const ack = await device.emitWithAck('event', event);
    device.disconnect();
    expect(ack).toMatchObject({ ok: true });
    return event;
  }

  /** The teacher raises an incident from the event, as the live screen's "Raise incident" does. */
  async function teacherRaises(eventId: string): Promise<{ id: string; reference: string }> {
    const raised = await call('teacher', 'POST', '/api/incidents/from-events', { eventIds: [eventId] });
    expect(raised.status).toBe(201);
    return { id: raised.body.incident.id, reference: raised.body.incident.reference };
  }

  async function openIncident(page: Page, reference: string) {
    await page.getByRole('link', { name: reference, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
  }

  const historyEntries = (page: Page) => page.getByTestId('history-entry');

  async function save(page: Page, entriesAfter: number) {
    await page.getByRole('button', { name: 'Save changes' }).click();
    await historyEntries(page)
      .nth(entriesAfter - 1)
      .waitFor();
  }

  it('the DSL finds the teacher’s incident by search and filters, ticks actions, sets the outcome and closes it', async () => {
    const event = await deviceReports({ url: 'https://www.roblox.com/games/play', category: 'gaming' });
    const incident = await teacherRaises(event.id);
    // Something else in the log, so the search and filters have work to do.
    const other = await call('dsl', 'POST', '/api/incidents', {
      subject: 'staff',
      personName: 'Visiting coach',
      category: 'social-media',
      severity: 'low',
      description: 'Posted a photo of the team on a personal account.',
    });
    expect(other.status).toBe(201);

    const { page } = await harness.signIn('dsl@demo.waymark.test');
    await page.getByRole('link', { name: 'Incident log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incident log' }).waitFor();
    await page.getByText('Incidents shown: 2').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: 'Search' }).fill('Harry Lewis');
    await page.getByText('Incidents shown: 1').waitFor();
    await page.getByLabel('Status').selectOption('open');
    await page.getByLabel('Category').selectOption('gaming');
    await page.getByLabel('Owner').selectOption('none');
    await page.waitForURL(/owner=none/);
    await page.getByText('Incidents shown: 1').waitFor();
    const row = page.getByTestId('incident-row');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/Harry Lewis[\s\S]*Year 2 \(Owls\)[\s\S]*Online games/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'incident-log');

    // Sorting is a button in each column heading, announced with aria-sort.
    await page.getByRole('button', { name: /^Reference/ }).click();
    expect(await page.getByRole('columnheader', { name: /Reference/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );

    await openIncident(page, incident.reference);
    const evidence = page.getByTestId('evidence-row');
    expect(await evidence.innerText()).toContain('https://www.roblox.com/games/play');
    expect(await evidence.innerText()).toContain('Owls Chromebook 7');
    expect(await historyEntries(page).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Each save is one change, and one entry in the history.
    await page.getByRole('checkbox', { name: 'Refer to class teacher / tutor' }).check();
    await page.getByRole('checkbox', { name: 'Inform parents / carers' }).check();
    await page.getByLabel('Owner').selectOption({ label: 'Mrs Helen Jones' });
    await page.getByRole('radio', { name: 'Under review' }).check();
    await page.getByLabel('Follow-up date').fill('2026-12-01');
    await save(page, 2);

    await page
      .getByLabel('Outcome')
      .fill('Spoke with Harry and his parents; he understands why games are blocked in lessons.');
    await save(page, 3);

    await page.getByRole('radio', { name: 'Closed' }).check();
    await page.getByLabel('Note for the history (optional)').fill('No further action.');
    await save(page, 4);
    await page.locator('.incident-badges').getByText('Closed').waitFor();

    const history = await historyEntries(page).allInnerTexts();
    expect(history[0]).toMatch(/Ms Amira Khan[\s\S]*Raised the incident: Online games, medium severity/);
    expect(history[1]).toContain('Mrs Helen Jones');
    expect(history[1]).toContain('Status: Open → Under review');
    expect(history[1]).toContain('Owner: nobody → Mrs Helen Jones');
    expect(history[1]).toContain('Actions ticked: Refer to class teacher / tutor; Inform parents / carers');
    expect(history[1]).toMatch(/Follow-up date: none → 1 Dec 2026/);
    expect(history[2]).toContain('Outcome recorded: “Spoke with Harry and his parents');
    expect(history[3]).toContain('Status: Under review → Closed');
    expect(history[3]).toContain('Note: “No further action.”');
    await screenshot(page, 'incident-detail');

    const stored = await call('dsl', 'GET', `/api/incidents/${incident.id}`);
    expect(stored.body.incident).toMatchObject({
      status: 'closed',
      ownerId: 'staff-dsl',
      actions: ['refer-class-teacher', 'inform-parents'],
      followUpDate: '2026-12-01',
    });
    expect(stored.body.history).toHaveLength(4);

    // Closed incidents leave the "open" view; the filter in the address still holds.
    await page.getByRole('link', { name: '← Incident log' }).click();
    await page.getByText('No incidents match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Incidents shown: 2').waitFor();
  });

  it('a teacher cannot open another class’s incident: the console shows the server’s refusal', async () => {
    const event = await deviceReports({ url: 'https://www.tiktok.com/', category: 'social-media' });
    const incident = await teacherRaises(event.id);

    const reception = (await harness.signIn('reception@demo.waymark.test')).page;
    await reception.goto(`/incidents/${incident.id}`);
    const refusal = reception.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(
      'The server refused to show this incident: no such incident.',
    );
    expect(await reception.getByText(incident.reference).count()).toBe(0);
    await reception.goto('/incidents');
    await reception.getByText(/Incidents shown: \d+/).waitFor();
    expect(await reception.getByRole('link', { name: incident.reference }).count()).toBe(0);

    // Year 2's own teacher opens it, ticks what she has done, but the status and outcome are the DSL's.
    const teacher = (await harness.signIn('teacher@demo.waymark.test')).page;
    await teacher.goto('/incidents');
    await openIncident(teacher, incident.reference);
    expect(await teacher.getByRole('radio', { name: 'Closed' }).count()).toBe(0);
    await teacher.getByRole('checkbox', { name: 'Refer to class teacher / tutor' }).check();
    await save(teacher, 2);
    expect(await teacher.getByRole('checkbox', { name: 'Refer to class teacher / tutor' }).isDisabled()).toBe(
      true,
    );
  });

  it('an illegal-category incident needs the deputy DSL’s countersignature before it closes', async () => {
    const event = await deviceReports({
      url: 'https://illegal-content.example/abuse',
      category: 'illegal-csam',
    });
    const incident = await teacherRaises(event.id);

    // The teacher sees that the address is hidden, and the procedure, but cannot countersign.
    const teacher = (await harness.signIn('teacher@demo.waymark.test')).page;
    await teacher.goto(`/incidents/${incident.id}`);
    await teacher.getByRole('heading', { name: 'Illegal-content procedure' }).waitFor();
    expect(await teacher.getByTestId('evidence-row').innerText()).toContain('Hidden: illegal content');
    expect(await teacher.content()).not.toContain('illegal-content.example');
    expect(await teacher.getByRole('button', { name: 'Countersign this record' }).count()).toBe(0);

    // The DSL sees the address (as text, never a link), takes the incident, records the police referral.
    const dsl = (await harness.signIn('dsl@demo.waymark.test')).page;
    await dsl.goto(`/incidents/${incident.id}`);
    await dsl.getByRole('heading', { name: 'Illegal-content procedure' }).waitFor();
    const evidence = await dsl.getByTestId('evidence-row').innerText();
    expect(evidence).toContain('https://illegal-content.example/abuse');
    expect(evidence).toContain('Do not open, copy or share this address.');
    expect(await dsl.locator('a[href*="illegal-content.example"]').count()).toBe(0);
    const steps = dsl.locator('.procedure-steps > li');
    expect(await steps.count()).toBe(4);
    expect(await steps.nth(0).innerText()).toContain('Do not view the content again');
    expect(await steps.nth(3).innerText()).toContain('Waiting for a second senior member of staff');

    await dsl.getByLabel('Owner').selectOption({ label: 'Mrs Helen Jones' });
    await dsl.getByRole('checkbox', { name: 'Refer to police' }).check();
    await dsl
      .getByLabel('Outcome')
      .fill('Referred to the police (reference 24/1187); device isolated in the office.');
    await save(dsl, 2);
    expect(await steps.nth(2).innerText()).toContain('Recorded: “Refer to police” is ticked');
    await dsl.getByText('You raised or own this incident').waitFor();

    // Closing before the countersignature: the console warns, and the server refuses.
    await dsl.getByRole('radio', { name: 'Closed' }).check();
    await dsl.getByText('it cannot close until a second senior member of staff countersigns it').waitFor();
    await dsl.getByRole('button', { name: 'Save changes' }).click();
    const refused = dsl.getByRole('alert');
    await refused.waitFor();
    expect(await refused.innerText()).toContain(
      'Not saved: an illegal-content incident needs a second senior member of staff to countersign before it closes.',
    );
    expect(await historyEntries(dsl).count()).toBe(2);
    expect(await axeViolations(dsl)).toEqual([]);
    await screenshot(dsl, 'incident-illegal-procedure');

    // The deputy DSL, a second senior member of staff, countersigns.
    const deputy = (await harness.signIn('deputy.dsl@demo.waymark.test')).page;
    await deputy.goto(`/incidents/${incident.id}`);
    const countersign = deputy.getByRole('button', { name: 'Countersign this record' });
    expect(await countersign.isDisabled()).toBe(true);
    await deputy.getByRole('checkbox', { name: /I have reviewed this record/ }).check();
    expect(await axeViolations(deputy)).toEqual([]);
    await screenshot(deputy, 'incident-countersign');
    await countersign.click();
    await deputy.getByText('Countersigned. The incident can now be closed.').waitFor();
    expect(await deputy.locator('.procedure-steps > li').nth(3).innerText()).toMatch(
      /Countersigned by Mr Gareth Lloyd, \d/,
    );

    // Two different people at every step: the countersigner is not offered as owner, and cannot close it.
    await deputy.reload();
    await deputy.getByRole('heading', { name: 'Illegal-content procedure' }).waitFor();
    await deputy
      .getByText('Mr Gareth Lloyd countersigned this illegal-content incident, so cannot own it or close it')
      .waitFor();
    expect(await deputy.getByLabel('Owner').locator('option', { hasText: 'Mr Gareth Lloyd' }).count()).toBe(
      0,
    );
    await deputy.getByRole('radio', { name: 'Closed' }).check();
    await deputy.getByRole('button', { name: 'Save changes' }).click();
    const apart = deputy.getByRole('alert');
    await apart.waitFor();
    expect(await apart.innerText()).toContain('who countersigned cannot close it');
    expect(await axeViolations(deputy)).toEqual([]);
    await screenshot(deputy, 'incident-countersigner-apart');

    // Now the DSL closes it.
    await dsl.reload();
    await dsl.getByRole('heading', { name: 'Illegal-content procedure' }).waitFor();
    await dsl.getByRole('radio', { name: 'Closed' }).check();
    await save(dsl, 4);
    await dsl.locator('.incident-badges').getByText('Closed').waitFor();
    const history = await historyEntries(dsl).allInnerTexts();
    expect(history[2]).toMatch(/Mr Gareth Lloyd[\s\S]*Countersigned the record \(Mr Gareth Lloyd\)/);
    expect(history[3]).toMatch(/Mrs Helen Jones[\s\S]*Status: Open → Closed/);
  });

  it('a teacher raises a staff incident from scratch; the screen works in Welsh and on a tablet', async () => {
    const { page } = await harness.signIn('teacher@demo.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await page.goto('/incidents');
    await page.getByRole('link', { name: 'New incident' }).click();
    await page.getByRole('heading', { level: 1, name: 'New incident' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Raise incident' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Say what happened.');

    await page.getByRole('radio', { name: 'Member of staff' }).check();
    await page.getByLabel('Name of the member of staff').fill('Supply teacher (Acme Agency)');
    await page.getByLabel('Category').selectOption('inappropriate-communication');
    await page.getByRole('radio', { name: 'High' }).check();
    await page
      .getByLabel('What happened')
      .fill(
        'A pupil showed me messages the supply teacher sent to her personal account asking to chat after school.',
      );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'incident-new');
    await page.getByRole('button', { name: 'Raise incident' }).click();

    await page.getByText(/Incident INC-\d{4}-\d{4} raised/).waitFor();
    expect(await page.locator('.incident-facts').innerText()).toContain('Supply teacher (Acme Agency)');
    // Staff incidents take their actions from the staff response matrix.
    await page.getByRole('checkbox', { name: 'Refer to line manager' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Inform parents / carers' }).count()).toBe(0);

    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { name: 'Hanes' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Cyfeirio at y rheolwr llinell' }).count()).toBe(1);
    await page.getByRole('link', { name: '← Log digwyddiadau' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log digwyddiadau' }).waitFor();
    await page.getByText(/Digwyddiadau a ddangosir: \d+/).waitFor();
    await page.locator('details.account summary').click(); // close the account menu
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'incident-log-cy-tablet');
  });
});
