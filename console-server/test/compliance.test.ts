import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { eq } from 'drizzle-orm';
import {
  COMPLIANCE_ITEMS,
  complianceReason,
  type ComplianceItem,
  type ComplianceReport,
  type DeviceEventInput,
} from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  alerts,
  filterCheckFollowUps,
  filterChecks,
  incidents,
  pupils,
  reviewPacks,
  staff,
} from '../src/db/schema';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
let governor: string;

const report = async (cookie = governor): Promise<ComplianceReport> => {
  const res = await apiCall(server.url, cookie, 'GET', '/api/compliance');
  expect(res.status).toBe(200);
  return res.body.report as ComplianceReport;
};
const itemOf = (r: ComplianceReport, id: ComplianceItem['id']) => r.items.find((i) => i.id === id)!;
const figure = (item: ComplianceItem, key: string) => item.figures.find((f) => f.key === key)?.value;

beforeAll(async () => {
  server = await startTestServer();
  governor = await login(server.url, 'governor@demo.waymark.test');
});
afterAll(() => server.close());

describe('the compliance screen’s evidence, computed from the database', () => {
  it('before any device enrolls: every requirement with its status and reason, honestly', async () => {
    const r = await report();
    expect(r.items.map((i) => i.id)).toEqual([...COMPLIANCE_ITEMS]);
    expect(itemOf(r, 'named-roles')).toMatchObject({ status: 'met', reason: 'named', fix: null });
    expect(figure(itemOf(r, 'named-roles'), 'seniorLeader')).toEqual(['Mrs Catherine Ellis']);
    expect(figure(itemOf(r, 'named-roles'), 'deputyDsl')).toEqual(['Mr Gareth Lloyd']);
    expect(itemOf(r, 'annual-review')).toMatchObject({
      status: 'not-met',
      reason: 'never',
      fix: '/compliance/review',
    });
    // No filtering checks are recorded anywhere yet: said so, not invented.
    expect(itemOf(r, 'filtering-checks')).toMatchObject({ status: 'not-met', reason: 'none-recorded' });
    expect(complianceReason('en', itemOf(r, 'filtering-checks'))).toBe('No filtering checks recorded.');
    expect(complianceReason('cy', itemOf(r, 'filtering-checks'))).toBe(
      'Does dim gwiriadau hidlo wedi’u cofnodi.',
    );
    expect(itemOf(r, 'devices-covered')).toMatchObject({
      status: 'not-met',
      reason: 'none-enrolled',
      fix: '/devices',
    });
    expect(itemOf(r, 'illegal-blocked')).toMatchObject({ status: 'met', reason: 'blocked' });
    expect(itemOf(r, 'safe-search-circumvention')).toMatchObject({ status: 'met', reason: 'locked' });
    expect(itemOf(r, 'blocked-attempts-recorded')).toMatchObject({ status: 'not-met', reason: 'no-devices' });
    expect(itemOf(r, 'alerts-acknowledged')).toMatchObject({ status: 'met', reason: 'none-raised' });
    expect(itemOf(r, 'incidents-recorded')).toMatchObject({ status: 'met', reason: 'recorded' });
    expect(itemOf(r, 'users-told')).toMatchObject({ status: 'not-met', reason: 'no-devices' });
  });

  it('follows what happens: blocked attempts with their IP and user, alerts waiting past their time, a policy turning SafeSearch off, a role left empty', async () => {
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'freya.green@pupils.demo.waymark.test',
    });
    await device.policy;
    const ks2 = { profile: 'KS2' as const, rule: 'not on the KS2 allow-list' };
    for (const url of ['https://www.bet365.com/', 'https://www.roblox.com/']) {
      expect(
        await device.emitWithAck('event', blockedEvent({ ...ks2, url, category: 'gambling' })),
      ).toMatchObject({
        ok: true,
      });
    }
    // A high-risk search raises an alert for the DSL.
    expect(
      await device.emitWithAck('event', {
        ...blockedEvent(ks2),
        id: uuidv7(),
        kind: 'search',
        url: 'https://www.google.co.uk/search?q=how+to+kill+myself',
        engine: 'Google',
        query: 'how to kill myself',
      } as DeviceEventInput),
    ).toMatchObject({ ok: true });
    const { db } = server.app.services;
    await expect.poll(async () => (await db.select().from(alerts)).length).toBe(1);

    let r = await report();
    const recorded = itemOf(r, 'blocked-attempts-recorded');
    expect(recorded).toMatchObject({ status: 'met', reason: 'recorded', fix: '/reports' });
    expect(figure(recorded, 'blocked')).toBe(2);
    expect(figure(recorded, 'withIp')).toBe(2);
    expect(figure(recorded, 'withUser')).toBe(2);
    expect(itemOf(r, 'devices-covered').figures).toContainEqual({ key: 'devices', value: 1 });
    expect(itemOf(r, 'users-told')).toMatchObject({ status: 'met', reason: 'told', fix: '/visitors' });
    // Raised, not yet due to escalate: in time so far.
    expect(itemOf(r, 'alerts-acknowledged')).toMatchObject({ status: 'met' });
    expect(figure(itemOf(r, 'alerts-acknowledged'), 'waiting')).toBe(1);

    // Its escalation time passes with nobody acknowledging it.
    await db.update(alerts).set({ escalateAt: new Date(Date.now() - 60_000) });
    r = await report();
    expect(itemOf(r, 'alerts-acknowledged')).toMatchObject({
      status: 'not-met',
      reason: 'overdue',
      fix: '/alerts',
    });

    // The DSL turns SafeSearch off for KS2.
    const dsl = await login(server.url, 'dsl@demo.waymark.test');
    const { body: ks2Policy } = await apiCall(server.url, dsl, 'GET', '/api/policies/KS2');
    const edit = await apiCall(server.url, dsl, 'PUT', '/api/policies/KS2', {
      policy: { ...ks2Policy.body, safeSearch: false },
      reason: 'Image search for the Victorians project',
    });
    expect(edit.status).toBe(200);
    r = await report();
    expect(itemOf(r, 'safe-search-circumvention')).toMatchObject({
      status: 'not-met',
      reason: 'safe-search-off',
      fix: '/policies',
    });
    expect(complianceReason('en', itemOf(r, 'safe-search-circumvention'))).toBe(
      'SafeSearch is off for: KS2.',
    );

    // The governor's account is disabled: no governor named.
    await db.update(staff).set({ disabledAt: new Date() }).where(eq(staff.role, 'governor'));
    const head = await login(server.url, 'head@demo.waymark.test');
    r = await report(head);
    expect(itemOf(r, 'named-roles')).toMatchObject({ status: 'not-met', reason: 'missing' });
    expect(complianceReason('en', itemOf(r, 'named-roles'))).toBe('Nobody is named as: governor.');
    expect(complianceReason('cy', itemOf(r, 'named-roles'))).toBe('Does neb wedi’i enwi fel: llywodraethwr.');
    await db.update(staff).set({ disabledAt: null }).where(eq(staff.role, 'governor'));

    // Figures only: no pupil is named anywhere in it (governors read it).
    const text = JSON.stringify(r);
    for (const p of await db.select({ name: pupils.name, email: pupils.email }).from(pupils)) {
      expect(text).not.toContain(p.email);
      expect(text).not.toContain(p.name);
    }
    device.disconnect();
  });

  it('at the edges: a review overdue or due soon, an alert acknowledged late, an incident past its follow-up', async () => {
    const { db } = server.app.services;
    const monthsAgo = (months: number) => new Date(Date.now() - months * 30.5 * 86_400_000);
    const signedPack = (year: number, signedAt: Date) => ({
      id: uuidv7(),
      schoolId: 'demo',
      year,
      status: 'signed' as const,
      content: '{}',
      contentHash: '0'.repeat(64),
      preparedBy: 'staff-dsl',
      preparedByName: 'Mrs Helen Jones',
      preparedAt: signedAt,
      signedAt,
    });
    await db.insert(reviewPacks).values(signedPack(2020, monthsAgo(13)));
    let r = await report();
    expect(itemOf(r, 'annual-review')).toMatchObject({ status: 'not-met', reason: 'overdue' });
    await db.insert(reviewPacks).values(signedPack(2021, monthsAgo(11.5)));
    r = await report();
    expect(itemOf(r, 'annual-review')).toMatchObject({ status: 'at-risk', reason: 'due-soon' });
    expect(complianceReason('en', itemOf(r, 'annual-review'))).toMatch(
      /^The next review is due by \d+ \w+ \d{4}\.$/,
    );

    // The waiting alert is acknowledged, but only after it had escalated to the deputy.
    await db.update(alerts).set({
      acknowledgedAt: new Date(),
      acknowledgedBy: 'staff-deputy-dsl',
      acknowledgedByName: 'Mr Gareth Lloyd',
      escalateAt: null,
      escalations: [{ to: 'deputy-dsl', at: new Date().toISOString() }],
    });
    r = await report();
    expect(itemOf(r, 'alerts-acknowledged')).toMatchObject({ status: 'at-risk', reason: 'late' });
    expect(figure(itemOf(r, 'alerts-acknowledged'), 'late')).toBe(1);

    const dsl = await login(server.url, 'dsl@demo.waymark.test');
    const raised = await apiCall(server.url, dsl, 'POST', '/api/incidents', {
      subject: 'staff',
      personName: 'A supply teacher',
      category: 'other',
      severity: 'low',
      description: 'Shared a password with a pupil.',
    });
    expect(raised.status).toBe(201);
    await db
      .update(incidents)
      .set({ followUpDate: '2020-01-06' })
      .where(eq(incidents.id, raised.body.incident.id));
    r = await report();
    expect(itemOf(r, 'incidents-recorded')).toMatchObject({ status: 'at-risk', reason: 'follow-up-overdue' });
    expect(figure(itemOf(r, 'incidents-recorded'), 'open')).toBe(1);
  });

  it('filtering checks: from the checks the school ran, a failure open until a follow-up resolves it, none this term', async () => {
    const { db } = server.app.services;
    const [dsl] = await db.select().from(staff).where(eq(staff.email, 'dsl@demo.waymark.test'));
    const check = async (startedAt: Date, failures: number) => {
      const id = uuidv7();
      await db.insert(filterChecks).values({
        id,
        schoolId: dsl!.schoolId,
        staffId: dsl!.id,
        staffName: dsl!.name,
        target: { kind: 'profile', profile: 'KS2' },
        targetLabel: 'KS2',
        addresses: [],
        devices: [],
        failures,
        startedAt,
        finishedAt: startedAt,
      });
      return id;
    };
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

    const failing = await check(daysAgo(3), 1);
    let item = itemOf(await report(), 'filtering-checks');
    expect(item).toMatchObject({ status: 'not-met', reason: 'failures-open', fix: '/checks' });
    expect(figure(item, 'openFailures')).toBe(1);
    expect(complianceReason('en', item)).toContain('1 filtering check(s) found a device allowing');

    await db.insert(filterCheckFollowUps).values({
      id: uuidv7(),
      checkId: failing,
      schoolId: dsl!.schoolId,
      staffId: dsl!.id,
      staffName: dsl!.name,
      note: 'The Chromebook had been offline for a week; it took the policy on reconnecting.',
      resolved: true,
    });
    item = itemOf(await report(), 'filtering-checks');
    expect(item).toMatchObject({ status: 'met', reason: 'recorded' });
    expect(figure(item, 'checks')).toBe(1);
    expect(figure(item, 'checksWithFailures')).toBe(1);
    expect(complianceReason('cy', item)).toContain('gwiriad yn y 90 diwrnod diwethaf');

    // Only checks older than a term: at risk, with the last one's date.
    await db
      .update(filterChecks)
      .set({ startedAt: daysAgo(120) })
      .where(eq(filterChecks.id, failing));
    item = itemOf(await report(), 'filtering-checks');
    expect(item).toMatchObject({ status: 'at-risk', reason: 'none-this-term' });
    expect(figure(item, 'checks')).toBe(0);
  });

  it('the DSL and the senior leader read it; teachers, technicians and the admin do not', async () => {
    for (const email of ['dsl@demo.waymark.test', 'head@demo.waymark.test']) {
      expect(
        (await apiCall(server.url, await login(server.url, email), 'GET', '/api/compliance')).status,
      ).toBe(200);
    }
    for (const email of ['teacher@demo.waymark.test', 'tech@demo.waymark.test', 'admin@demo.waymark.test']) {
      expect(
        (await apiCall(server.url, await login(server.url, email), 'GET', '/api/compliance')).status,
      ).toBe(403);
    }
    expect((await apiCall(server.url, '', 'GET', '/api/compliance')).status).toBe(401);
  });
});
