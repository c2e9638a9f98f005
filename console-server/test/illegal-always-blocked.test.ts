import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  applyCategorySync,
  compilePolicy,
  evaluateUrl,
  mergeCategoryEntries,
  type PolicyBody,
} from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { simulateDnr } from '../../shared/test/dnr-simulator';
import { apiCall, connectDevice, login, openTestPglite, startTestServer, type TestServer } from './harness';

/** docs/architecture.md, "Illegal content is always blocked": the server's part. */

let server: TestServer;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['dsl', 'tech', 'teacher'])
    cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
});
afterAll(() => server.close());

const call = (method: string, url: string, who: string, body?: unknown) =>
  apiCall(server.url, cookies[who]!, method, url, body);

async function importIllegal(content: string) {
  const res = await call('POST', '/api/policies/category-lists/import', 'tech', {
    format: 'domains',
    category: 'illegal-csam',
    content,
    reason: 'the network filter provider’s test list',
  });
  return res;
}

async function edited(
  profile: string,
): Promise<{ body: Omit<PolicyBody, 'categoryLists'>; version: number }> {
  const { body } = await call('GET', `/api/policies/${profile}`, 'dsl');
  const { categoryLists: _lists, ...rest } = body.body as PolicyBody;
  return { body: rest, version: body.version };
}

describe('the server refuses every way to allow an illegal category', () => {
  it.each([
    { action: 'allow' },
    { action: 'allow-at-times', windows: [{ days: [1], start: '09:00', end: '10:00' }] },
    { action: 'allow-for-nominated', nominated: ['pupil@demo.waymark.test'] },
  ])('a profile edit setting an illegal category to "$action" is refused, with why', async (action) => {
    const { body, version } = await edited('KS4');
    const res = await call('PUT', '/api/policies/KS4', 'dsl', {
      policy: { ...body, categories: { ...body.categories, 'illegal-hate': action } },
      reason: 'trying to allow illegal content',
      expectedVersion: version,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/illegal-hate is illegal content: its only action is "block"/);
    expect((await edited('KS4')).version).toBe(version);
  });

  it('an allow-list entry naming a site on an illegal list is refused; a wider one is kept and never opens it', async () => {
    expect((await importIllegal('abuse.invalid\nhost.invalid/one-page')).status).toBe(200);
    const { body, version } = await edited('KS1');
    const refused = await call('PUT', '/api/policies/KS1', 'tech', {
      policy: { ...body, allow: [...body.allow, 'www.abuse.invalid'] },
      reason: 'a teacher asked for it',
      expectedVersion: version,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'illegal-category' });
    expect(refused.body.error).toMatch(/"www\.abuse\.invalid" is in an illegal category/);

    const wider = await call('PUT', '/api/policies/KS1', 'tech', {
      policy: { ...body, allow: [...body.allow, 'host.invalid'] },
      reason: 'the rest of this host is fine for KS1',
      expectedVersion: version,
    });
    expect(wider.status).toBe(200);
    const test = (url: string) => call('POST', '/api/policies/test-url', 'dsl', { profile: 'KS1', url });
    expect((await test('https://host.invalid/other')).body.decision.verdict).toBe('allowed');
    expect((await test('https://host.invalid/one-page')).body.decision).toMatchObject({
      verdict: 'blocked',
      category: 'illegal-csam',
    });
  });

  it('an import or an edit putting a help site on an illegal list is refused, and nothing is stored', async () => {
    const before = await edited('KS3');
    for (const content of ['childline.org.uk', 'www.samaritans.org', 'org.uk']) {
      const res = await importIllegal(`fine-entry.invalid\n${content}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/help sites every block page points to on an illegal list/);
    }
    const { body } = await call('GET', '/api/policies/KS3', 'dsl');
    expect(body.version).toBe(before.version);
    // The lists live in the category store: nothing of the refused file reached it.
    const fine = await call('POST', '/api/policies/test-url', 'dsl', {
      profile: 'KS3',
      url: 'https://fine-entry.invalid/',
    });
    expect(fine.status).toBe(200);
    expect(fine.body.decision.category).not.toBe('illegal-csam');
    const help = await call('POST', '/api/policies/category-lists/import', 'tech', {
      format: 'domains',
      category: 'illegal-terrorism',
      content: 'nhs.uk',
      reason: 'a list typed by hand',
    });
    expect(help.status).toBe(400);
    expect(help.body.error).toMatch(/"nhs\.uk" covers NHS mental health, illegal-terrorism/);

    const edit = await call('PUT', '/api/policies/KS3', 'dsl', {
      policy: {
        ...before.body,
        categoryLists: { ...body.body.categoryLists, 'illegal-terrorism': ['nhs.uk'] },
      },
      reason: 'a list typed by hand',
    });
    expect(edit.status).toBe(400);
    expect(edit.body.error).toMatch(/NHS mental health, a help site/);
  });

  it('an override or an allow made before the list named the site never opens it on the device', async () => {
    const opened = await call('POST', '/api/classes/class-year5/overrides', 'teacher', {
      kind: 'open',
      sites: ['later-listed.invalid'],
    });
    expect(opened.status).toBe(201);
    const { body, version } = await edited('KS2');
    expect(
      (
        await call('PUT', '/api/policies/KS2', 'tech', {
          policy: { ...body, allow: [...body.allow, 'later-allowed.invalid'] },
          reason: 'a site for the Year 5 topic',
          expectedVersion: version,
        })
      ).status,
    ).toBe(200);
    expect((await importIllegal('later-listed.invalid\nlater-allowed.invalid')).status).toBe(200);

    const device = await connectDevice(server.url, { enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5 });
    const message = await device.policy;
    // The lists reach the device as category data (the store's), joined to the policy to compile.
    const sync = await device.emitWithAck('category-sync', { held: [] });
    device.disconnect();
    if (!sync.ok) throw new Error(sync.error);
    const policy = {
      ...message.policy,
      categoryLists: mergeCategoryEntries(applyCategorySync([], sync.sync)),
    };
    expect(message.policy.overrides.map((o) => o.sites)).toContainEqual(['later-listed.invalid']);
    expect(message.policy.allow).toContain('later-allowed.invalid');
    const now = new Date();
    const blockPage = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/blocked.html';
    const rules = compilePolicy(policy, { now, classIds: message.classIds, blockPage });
    for (const url of ['https://later-listed.invalid/', 'https://later-allowed.invalid/x']) {
      expect(evaluateUrl(policy, url, { now, classIds: message.classIds })).toMatchObject({
        verdict: 'blocked',
        category: 'illegal-csam',
      });
      expect(simulateDnr(rules, url).action).toBe('redirect');
      expect(simulateDnr(rules, url, 'xmlhttprequest').action).toBe('block');
    }
  });
});

describe('migration 0019', () => {
  it('sets a stored illegal category that is not "block" to "block", and raises the version', async () => {
    const database = await openTestPglite();
    try {
      const body = {
        profile: 'KS3',
        mode: 'block-list',
        allow: [],
        block: [],
        categories: { 'illegal-csam': { action: 'allow' }, gambling: { action: 'allow' } },
        categoryLists: {},
      };
      await database.db.execute(
        sql`insert into schools (id, name) values ('s-old', 'Old School') on conflict do nothing`,
      );
      await database.db.execute(
        sql`insert into policies (school_id, profile, version, body) values ('s-old', 'KS3', 4, ${JSON.stringify(body)}::jsonb)`,
      );
      const migration = readFileSync(
        new URL('../drizzle/0019_incident_chain_full.sql', import.meta.url),
        'utf8',
      ).split('--> statement-breakpoint')[0]!;
      await database.db.execute(sql.raw(migration));
      const rows = await database.db.execute<{ body: PolicyBody; version: number }>(
        sql`select body, version from policies where school_id = 's-old'`,
      );
      const row = (rows as unknown as { rows: Array<{ body: PolicyBody; version: number }> }).rows[0]!;
      expect(row.version).toBe(5);
      expect(row.body.categories).toEqual({
        'illegal-csam': { action: 'block' },
        gambling: { action: 'allow' },
      });
    } finally {
      await database.close();
    }
  });
});
