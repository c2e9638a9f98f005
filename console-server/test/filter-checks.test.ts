import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateUrl,
  HIDDEN_TEST_ADDRESS,
  isIllegalCategory,
  STARTER_TEST_ADDRESSES,
  type FilterCheckRecord,
  type FilterCheckRequest,
  type PolicyMessage,
} from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  apiCall,
  connectDevice,
  login,
  startTestServer,
  type DeviceClient,
  type TestServer,
} from './harness';

let server: TestServer;
let dsl: string;
let tech: string;
let teacher: string;

beforeAll(async () => {
  server = await startTestServer(null, { filterCheckAnswerMs: 5000 });
  [dsl, tech, teacher] = await Promise.all([
    login(server.url, 'dsl@demo.waymark.test'),
    login(server.url, 'tech@demo.waymark.test'),
    login(server.url, 'teacher@demo.waymark.test'),
  ]);
});
afterAll(() => server.close());

/**
 * A device that answers checks as the extension does: the same evaluator, on the policy it holds.
 * `freeze()` stops it taking new policies (a device whose pushes never arrive).
 */
async function checkableDevice(
  name: string,
  token: string = DEMO_ENROLLMENT_TOKENS.year2,
  protocolVersion = 3,
) {
  const socket: DeviceClient = await connectDevice(server.url, {
    enrollmentToken: token,
    deviceName: name,
    protocolVersion,
  });
  const { deviceId } = await socket.enrolled;
  let held: PolicyMessage = await socket.policy;
  let frozen = false;
  const versions: number[] = [held.policy.version];
  socket.on('policy', (message) => {
    versions.push(message.policy.version);
    if (!frozen) held = message;
  });
  const asked: FilterCheckRequest[] = [];
  socket.on('filter-check', (request, ack) => {
    asked.push(request);
    ack({
      ok: true,
      policyVersion: held.policy.version,
      profile: held.policy.profile,
      results: request.urls.map((url) => {
        const d = evaluateUrl(held.policy, url, { now: new Date(), classIds: held.classIds });
        return { url, verdict: d.verdict, rule: d.rule, category: d.category };
      }),
    });
  });
  return {
    socket,
    deviceId,
    asked,
    freeze: () => (frozen = true),
    held: () => held,
    /** Resolves once the device has been sent this policy version (applied or not). */
    sent: (version: number) =>
      new Promise<void>((resolve) => {
        const look = () => (versions.includes(version) ? resolve() : setTimeout(look, 20));
        look();
      }),
  };
}

async function editKs1(change: (allow: string[]) => string[], reason: string): Promise<number> {
  const current = await apiCall(server.url, dsl, 'GET', '/api/policies/KS1');
  const { body, version } = current.body as { body: { allow: string[] }; version: number };
  const res = await apiCall(server.url, dsl, 'PUT', '/api/policies/KS1', {
    policy: { ...body, allow: change(body.allow) },
    reason,
    expectedVersion: version,
  });
  expect(res.status).toBe(200);
  return res.body.version as number;
}

async function offline(deviceId: string) {
  for (;;) {
    const { body } = await apiCall(server.url, tech, 'GET', '/api/filter-checks/targets');
    const found = (body.devices as Array<{ id: string; online: boolean }>).find((d) => d.id === deviceId);
    if (found && !found.online) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const YOUTUBE = 'https://www.youtube.com/';

describe('filtering checks', () => {
  let stale: Awaited<ReturnType<typeof checkableDevice>>;
  let first: FilterCheckRecord;

  it('asks each device what it does with each test address, and catches the one holding a stale policy', async () => {
    const a = await checkableDevice('Owls A');
    stale = await checkableDevice('Owls B');
    const old = await checkableDevice('Owls C (old extension)', DEMO_ENROLLMENT_TOKENS.year2, 2);
    const gone = await checkableDevice('Owls D');
    gone.socket.disconnect();
    await offline(gone.deviceId);

    // YouTube opened on KS1 for a while, then closed again; Owls B never hears of the closing.
    const opened = await editKs1((allow) => [...allow, 'youtube.com'], 'a video topic this half-term');
    await Promise.all([a.sent(opened), stale.sent(opened)]);
    stale.freeze();
    const closed = await editKs1((allow) => allow.filter((h) => h !== 'youtube.com'), 'the topic is over');
    await Promise.all([a.sent(closed), stale.sent(closed)]);

    const res = await apiCall(server.url, tech, 'POST', '/api/filter-checks', {
      target: { kind: 'class', classId: 'class-year2' },
    });
    expect(res.status).toBe(201);
    first = res.body.check as FilterCheckRecord;
    expect(first).toMatchObject({
      staffName: 'Mr Sam Patel',
      scheduled: false,
      targetLabel: 'Year 2 (Owls)',
    });
    // The technician reads every result, but an illegal-category address is the DSL's only.
    expect(first.addresses.map((x) => x.url)).toEqual(
      STARTER_TEST_ADDRESSES.map((x) => (isIllegalCategory(x.category) ? HIDDEN_TEST_ADDRESS : x.url)),
    );
    const by = Object.fromEntries(first.devices.map((d) => [d.deviceName, d]));

    expect(by['Owls A']).toMatchObject({
      status: 'checked',
      policyVersion: closed,
      serverPolicyVersion: closed,
    });
    expect(by['Owls A']!.results.every((r) => r.outcome === 'pass' && r.verdict === 'blocked')).toBe(true);
    expect(by['Owls A']!.results.find((r) => r.category === 'illegal-csam')?.rule).toBeTruthy();

    expect(by['Owls B']).toMatchObject({
      status: 'checked',
      policyVersion: opened,
      serverPolicyVersion: closed,
    });
    const failing = by['Owls B']!.results.filter((r) => r.outcome !== 'pass');
    expect(failing).toEqual([
      expect.objectContaining({
        url: YOUTUBE,
        category: 'video',
        verdict: 'allowed',
        expected: 'blocked',
        outcome: 'fail',
      }),
    ]);

    expect(by['Owls C (old extension)']).toMatchObject({ status: 'update-needed', results: [] });
    expect(old.asked).toEqual([]);
    expect(by['Owls D']).toMatchObject({ status: 'offline', results: [] });
    expect(first).toMatchObject({ failures: 1, gaps: 0, notChecked: 2, open: true });

    // Kept: the history lists it, and it reads back the same.
    const list = await apiCall(server.url, tech, 'GET', '/api/filter-checks');
    expect((list.body.checks as FilterCheckRecord[])[0]).toEqual(first);
    const dslView = (await apiCall(server.url, dsl, 'GET', `/api/filter-checks/${first.id}`)).body
      .check as FilterCheckRecord;
    expect(dslView.addresses.map((x) => x.url)).toEqual(STARTER_TEST_ADDRESSES.map((x) => x.url));
    for (const d of [a, old]) d.socket.disconnect();
  });

  it('records what was done about a failure; resolved, the failure is no longer open', async () => {
    const note = await apiCall(server.url, dsl, 'POST', `/api/filter-checks/${first.id}/follow-ups`, {
      note: 'Owls B restarted and took the new policy.',
    });
    expect(note.status).toBe(201);
    expect(note.body.check).toMatchObject({
      open: true,
      followUps: [{ staffName: 'Mrs Helen Jones', resolved: false }],
    });
    const year = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
    expect(await server.app.services.filterChecks.summary('demo', year.from, year.to)).toMatchObject({
      checks: 1,
      scheduledChecks: 0,
      checksWithFailures: 1,
      openFailures: 1,
    });
    const done = await apiCall(server.url, tech, 'POST', `/api/filter-checks/${first.id}/follow-ups`, {
      note: 'Checked again: blocked now.',
      resolved: true,
    });
    expect(done.body.check).toMatchObject({ open: false });
    expect(done.body.check.followUps).toHaveLength(2);
    expect(await server.app.services.filterChecks.summary('demo', year.from, year.to)).toMatchObject({
      openFailures: 0,
    });
    // Outside the period: not counted (failures open are counted whenever found).
    expect(
      await server.app.services.filterChecks.summary('demo', new Date('2020-01-01'), new Date('2020-02-01')),
    ).toMatchObject({ checks: 0, openFailures: 0 });
  });

  it('keeps the school’s own test addresses beside the starter set, and checks them too', async () => {
    const added = await apiCall(server.url, dsl, 'POST', '/api/filter-checks/addresses', {
      url: 'https://testpage.filter-provider.example/iwf',
      category: 'illegal-csam',
      note: 'Our network filter provider’s IWF test page',
    });
    expect(added.status).toBe(201);
    const again = await apiCall(server.url, dsl, 'POST', '/api/filter-checks/addresses', {
      url: 'https://testpage.filter-provider.example/iwf',
      category: 'illegal-csam',
      note: 'twice',
    });
    expect(again.status).toBe(409);
    const starter = await apiCall(server.url, dsl, 'POST', '/api/filter-checks/addresses', {
      url: STARTER_TEST_ADDRESSES[3]!.url,
      category: 'extremism',
      note: 'the starter one',
    });
    expect(starter.status).toBe(409);
    const listed = await apiCall(server.url, tech, 'GET', '/api/filter-checks/addresses');
    expect(listed.body.addresses.at(-1)).toMatchObject({ source: 'school', addedBy: 'Mrs Helen Jones' });

    // KS1 is an allow-list: the provider's test page is blocked there, as its policy says.
    const res = await apiCall(server.url, dsl, 'POST', '/api/filter-checks', {
      target: { kind: 'devices', deviceIds: [stale.deviceId] },
    });
    const own = (res.body.check as FilterCheckRecord).devices[0]!.results.at(-1);
    expect(own).toMatchObject({ category: 'illegal-csam', verdict: 'blocked', outcome: 'pass' });

    // Illegal-category test addresses go to the DSL only: the technician reads the result, not the address.
    const techView = await apiCall(server.url, tech, 'GET', `/api/filter-checks/${res.body.check.id}`);
    const hidden = (techView.body.check as FilterCheckRecord).devices[0]!.results.at(-1)!;
    expect(hidden).toMatchObject({ category: 'illegal-csam', verdict: 'blocked', outcome: 'pass' });
    expect(JSON.stringify(techView.body)).not.toContain('filter-provider.example');
    expect(JSON.stringify(techView.body)).not.toContain('filter-test.waymark.invalid');
    expect(
      JSON.stringify((await apiCall(server.url, tech, 'GET', '/api/filter-checks/addresses')).body),
    ).not.toContain('filter-provider.example');
    expect(JSON.stringify(res.body)).toContain('filter-provider.example');

    // A profile: every device enforcing it (by record, or connected as it now), no other.
    const byProfile = await apiCall(server.url, tech, 'POST', '/api/filter-checks', {
      target: { kind: 'profile', profile: 'KS1' },
    });
    expect(byProfile.body.check.targetLabel).toBe('KS1 devices');
    expect((byProfile.body.check as FilterCheckRecord).devices.map((d) => d.deviceName)).toEqual([
      'Owls A',
      'Owls B',
      'Owls C (old extension)',
      'Owls D',
    ]);

    const removed = await apiCall(
      server.url,
      dsl,
      'DELETE',
      `/api/filter-checks/addresses/${added.body.address.id}`,
    );
    expect(removed.status).toBe(200);
    const starterGone = await apiCall(server.url, dsl, 'DELETE', '/api/filter-checks/addresses/starter-0');
    expect(starterGone.status).toBe(404);
  });

  it('refuses roles without the capability, and bodies that are not a target', async () => {
    expect((await apiCall(server.url, teacher, 'GET', '/api/filter-checks')).status).toBe(403);
    expect(
      (
        await apiCall(server.url, teacher, 'POST', '/api/filter-checks', {
          target: { kind: 'profile', profile: 'KS1' },
        })
      ).status,
    ).toBe(403);
    for (const body of [{}, { target: { kind: 'class' } }, { target: { kind: 'devices', deviceIds: [] } }]) {
      expect((await apiCall(server.url, dsl, 'POST', '/api/filter-checks', body)).status).toBe(400);
    }
    expect(
      (
        await apiCall(server.url, dsl, 'POST', '/api/filter-checks', {
          target: { kind: 'class', classId: 'nope' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await apiCall(server.url, dsl, 'POST', '/api/filter-checks/addresses', {
          url: 'javascript:alert(1)',
          category: 'gaming',
          note: 'not a web address',
        })
      ).status,
    ).toBe(400);
  });

  it('lists as not checked a device whose answer is not valid', async () => {
    const liar = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      deviceName: 'Kestrels liar',
      protocolVersion: 3,
    });
    const { deviceId } = await liar.enrolled;
    await liar.policy;
    liar.on('filter-check', (_request, ack) =>
      ack({ ok: true, policyVersion: -1, profile: 'KS9', results: 'all fine' } as never),
    );
    const res = await apiCall(server.url, dsl, 'POST', '/api/filter-checks', {
      target: { kind: 'devices', deviceIds: [deviceId] },
    });
    expect(res.body.check.devices[0]).toMatchObject({ status: 'no-answer', results: [] });
    expect(res.body.check.devices[0].error).toMatch(/not a valid answer/);
    liar.disconnect();
    await offline(deviceId);
  });

  it('runs on schedule in school hours on online devices, once a week, and raises an alert for a failure', async () => {
    const { runScheduledFilterChecks } = server.app.services;
    // Saturday: not in school hours.
    expect(await runScheduledFilterChecks(new Date('2026-12-05T10:00:00Z'))).toEqual([]);
    const monday = new Date('2026-12-07T10:00:00Z');
    const [ran, ...others] = await runScheduledFilterChecks(monday);
    expect(others).toEqual([]);
    expect(ran!.check).toMatchObject({ scheduled: true, staffName: null, failures: 1 });
    expect(ran!.check.devices.map((d) => d.deviceName)).toEqual(['Owls B']);
    expect(ran!.raised).toEqual([
      expect.objectContaining({ kind: 'tamper', deviceId: stale.deviceId, severity: 'high' }),
    ]);
    expect(ran!.raised[0]!.details.what).toBe('filter-check');
    await expect
      .poll(async () => (await apiCall(server.url, dsl, 'GET', '/api/alerts')).body.alerts.length)
      .toBeGreaterThan(0);
    // The week is not over: not again.
    expect(await runScheduledFilterChecks(new Date('2026-12-09T10:00:00Z'))).toEqual([]);
    expect((await runScheduledFilterChecks(new Date('2026-12-14T10:00:00Z'))).length).toBe(1);
  });
});
