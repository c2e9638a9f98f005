import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyMessage } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { apiCall, connectDevice, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['teacher', 'dsl', 'tech', 'governor'])
    cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
});
afterAll(() => server.close());

const call = (method: string, url: string, who: string, body?: unknown) =>
  apiCall(server.url, cookies[who]!, method, url, body);

describe('editing policies', () => {
  it('the DSL adds a site with a reason: the version goes up and KS1 devices get it at once', async () => {
    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2 });
    expect((await device.policy).policy.version).toBe(1);
    const { body: current } = await call('GET', '/api/policies/KS1', 'dsl');
    const pushed = new Promise<PolicyMessage>((resolve) => device.once('policy', resolve));
    const res = await call('PUT', '/api/policies/KS1', 'dsl', {
      policy: { ...current.body, allow: [...current.body.allow, 'scratch.mit.edu'] },
      reason: 'Year 2 are starting Scratch Junior projects',
    });
    expect(res).toMatchObject({
      status: 200,
      body: { version: 2, summary: ['allow-list: added scratch.mit.edu'] },
    });
    const message = await pushed;
    expect(message.policy.version).toBe(2);
    expect(message.policy.allow).toContain('scratch.mit.edu');
    device.disconnect();
  });

  it('keeps the change-control log, readable by governors', async () => {
    const log = await call('GET', '/api/policies/changes', 'governor');
    expect(log.status).toBe(200);
    expect(log.body.changes[0]).toMatchObject({
      profile: 'KS1',
      version: 2,
      changedByName: 'Mrs Helen Jones',
      reason: 'Year 2 are starting Scratch Junior projects',
      summary: ['allow-list: added scratch.mit.edu'],
    });
  });

  it('only the DSL and technician edit; every edit needs a reason and valid filters', async () => {
    const { body: current } = await call('GET', '/api/policies/KS3', 'tech');
    expect((await call('GET', '/api/policies/KS3', 'teacher')).status).toBe(403);
    expect(
      (await call('PUT', '/api/policies/KS3', 'governor', { policy: current.body, reason: 'because I can' }))
        .status,
    ).toBe(403);
    const noReason = await call('PUT', '/api/policies/KS3', 'tech', { policy: current.body, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatch(/say why/);
    const badFilter = await call('PUT', '/api/policies/KS3', 'tech', {
      policy: { ...current.body, block: ['exa mple.com'] },
      reason: 'testing a bad filter',
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error).toMatch(/invalid filter "exa mple.com"/);
    const mismatch = await call('PUT', '/api/policies/KS4', 'tech', {
      policy: current.body,
      reason: 'wrong profile here',
    });
    expect(mismatch.status).toBe(400);
    expect((await call('GET', '/api/policies/KS9', 'tech')).status).toBe(404);
    const ok = await call('PUT', '/api/policies/KS3', 'tech', {
      policy: {
        ...current.body,
        categories: {
          ...current.body.categories,
          gaming: { action: 'allow-at-times', windows: [{ days: [5], start: '15:00', end: '16:00' }] },
        },
      },
      reason: 'Friday games club after school',
    });
    expect(ok.body.summary).toEqual(['category gaming: block → allow at 15:00–16:00 on days 5']);
  });

  it('“test a URL” says allowed or blocked and which rule decided; help sites are never blocked', async () => {
    const blocked = await call('POST', '/api/policies/test-url', 'dsl', {
      profile: 'KS1',
      url: 'https://www.bet365.com/',
    });
    expect(blocked.body.decision).toMatchObject({
      verdict: 'blocked',
      rule: 'not on the KS1 allow-list',
      category: 'gambling',
    });
    const { body: ks4 } = await call('GET', '/api/policies/KS4', 'dsl');
    await call('PUT', '/api/policies/KS4', 'dsl', {
      policy: { ...ks4.body, block: ['childline.org.uk'] },
      reason: 'testing that help stays open',
    });
    const help = await call('POST', '/api/policies/test-url', 'dsl', {
      profile: 'KS4',
      url: 'https://www.childline.org.uk/',
    });
    expect(help.body.decision).toMatchObject({ verdict: 'allowed', rule: 'help site: Childline' });
    expect(
      (await call('POST', '/api/policies/test-url', 'dsl', { profile: 'KS4', url: 'nope' })).status,
    ).toBe(400);
  });
});
