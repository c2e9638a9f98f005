import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ReviewPackContentSchema, type ReviewPack, type ReviewPackContent } from '@waymark/shared';
import { DEMO_SCHOOL_ID } from '../src';
import { canonicalJson, sha256Hex } from '../src/features/compliance';
import { chainHead } from '../src/features/incidents';
import { rawQuery } from '../src/db/raw-query';
import { pupils, reviewPacks, staff } from '../src/db/schema';
import { apiCall, login, startTestServer, type TestServer } from './harness';

let server: TestServer;
const cookies: Record<string, string> = {};
const as = (who: string, method: string, path: string, body?: unknown) =>
  apiCall(server.url, cookies[who]!, method, path, body);

beforeAll(async () => {
  server = await startTestServer();
  for (const [who, email] of [
    ['dsl', 'dsl@demo.waymark.test'],
    ['head', 'head@demo.waymark.test'],
    ['governor', 'governor@demo.waymark.test'],
    ['teacher', 'teacher@demo.waymark.test'],
  ]) {
    cookies[who!] = await login(server.url, email!);
  }
});
afterAll(() => server.close());

async function read(who: string, id: string): Promise<{ pack: ReviewPack; content: ReviewPackContent }> {
  const res = await as(who, 'GET', `/api/compliance/review-packs/${id}`);
  expect(res.status).toBe(200);
  return res.body as { pack: ReviewPack; content: ReviewPackContent };
}

describe('the annual review pack', () => {
  let pack: ReviewPack;

  it('the DSL prepares a year’s pack: its content is the evidence for the year, hashed with SHA-256', async () => {
    // A change to filtering in the year, with its reason.
    const { body: ks1 } = await as('dsl', 'GET', '/api/policies/KS1');
    await as('dsl', 'PUT', '/api/policies/KS1', {
      policy: { ...ks1.body, allow: [...ks1.body.allow, 'www.literacyshed.com'] },
      reason: 'Literacy Shed videos for Year 2 writing',
    });
    const year =
      new Date().getUTCMonth() >= 8 ? new Date().getUTCFullYear() : new Date().getUTCFullYear() - 1;
    const res = await as('dsl', 'POST', '/api/compliance/review-packs', {
      year,
      notes: 'Record a filtering check every half term.',
    });
    expect(res.status).toBe(201);
    pack = res.body.pack;
    expect(pack).toMatchObject({ year, status: 'draft', preparedBy: 'Mrs Helen Jones', signatures: [] });

    const { content } = await read('governor', pack.id);
    expect(ReviewPackContentSchema.parse(content)).toEqual(content);
    expect(sha256Hex(canonicalJson(content))).toBe(pack.contentHash);
    expect(content.from).toBe(`${year}-09-01`);
    expect(content.roles.seniorLeader).toEqual(['Mrs Catherine Ellis']);
    expect(content.roles.governor).toEqual(['Dr Rhian Evans']);
    expect(content.policyChanges).toEqual([
      expect.objectContaining({
        profile: 'KS1',
        by: 'Mrs Helen Jones',
        reason: 'Literacy Shed videos for Year 2 writing',
      }),
    ]);
    expect(content.checks).toMatchObject({
      id: 'filtering-checks',
      status: 'not-met',
      reason: 'none-recorded',
    });
    expect(content.gaps.map((g) => g.id)).toEqual(
      expect.arrayContaining(['annual-review', 'filtering-checks', 'devices-covered']),
    );
    expect(content.notes).toBe('Record a filtering check every half term.');
    // The incident log's anchor goes out with the pack, to prove later that the log was not rewritten.
    const head = await chainHead(server.app.services.db, DEMO_SCHOOL_ID);
    expect(content.incidentLog).toEqual({ anchor: head.hash, entries: head.entries });
    const text = JSON.stringify(content);
    for (const p of await server.app.services.db.select({ name: pupils.name }).from(pupils)) {
      expect(text).not.toContain(p.name);
    }
  });

  it('a year not yet begun, a governor preparing and a teacher reading are refused', async () => {
    expect((await as('dsl', 'POST', '/api/compliance/review-packs', { year: 2099 })).status).toBe(400);
    expect((await as('governor', 'POST', '/api/compliance/review-packs', { year: 2024 })).status).toBe(403);
    expect((await as('teacher', 'GET', '/api/compliance/review-packs')).status).toBe(403);
    expect((await as('teacher', 'GET', `/api/compliance/review-packs/${pack.id}`)).status).toBe(403);
    expect(
      (
        await as('dsl', 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
          contentHash: pack.contentHash,
        })
      ).status,
    ).toBe(403);
    expect((await as('governor', 'GET', '/api/compliance/review-packs/not-a-uuid')).status).toBe(400);
    const junk = await as('head', 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
      contentHash: 'xyz',
    });
    expect(junk.status).toBe(400);
    expect(junk.body.error).toMatch(/contentHash/);
  });

  it('signed against the hash the signer read; preparing it again withdraws a signature; the same person cannot sign twice', async () => {
    const stale = await as('head', 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
      contentHash: 'a'.repeat(64),
    });
    expect(stale.status).toBe(409);

    const first = await as('head', 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
      contentHash: pack.contentHash,
    });
    expect(first.status).toBe(201);
    expect(first.body.pack).toMatchObject({
      status: 'draft',
      signatures: [{ role: 'senior-leader', name: 'Mrs Catherine Ellis', contentHash: pack.contentHash }],
    });
    expect(
      (
        await as('head', 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
          contentHash: pack.contentHash,
        })
      ).status,
    ).toBe(409);

    // The DSL prepares it again (new notes): a new hash, and the signature on the old content is gone.
    const again = await as('dsl', 'POST', '/api/compliance/review-packs', {
      year: pack.year,
      notes: 'Record a filtering check every half term; name a second governor.',
    });
    expect(again.status).toBe(201);
    expect(again.body.pack.id).toBe(pack.id);
    expect(again.body.pack.contentHash).not.toBe(pack.contentHash);
    expect(again.body.pack.signatures).toEqual([]);
    pack = again.body.pack;
    // Prepared again with no notes: the draft keeps its notes.
    const kept = await as('dsl', 'POST', '/api/compliance/review-packs', { year: pack.year });
    expect((await read('dsl', kept.body.pack.id)).content.notes).toBe(
      'Record a filtering check every half term; name a second governor.',
    );
    pack = kept.body.pack;

    // The senior leader signs; her account is then made a governor's: still the same person.
    expect(
      (
        await as('head', 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
          contentHash: pack.contentHash,
        })
      ).status,
    ).toBe(201);
    const { db } = server.app.services;
    await db.update(staff).set({ role: 'governor' }).where(eq(staff.id, 'staff-head'));
    const sameHead = await login(server.url, 'head@demo.waymark.test');
    const twice = await apiCall(
      server.url,
      sameHead,
      'POST',
      `/api/compliance/review-packs/${pack.id}/signatures`,
      {
        contentHash: pack.contentHash,
      },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatch(/already signed/);
    await db.update(staff).set({ role: 'senior-leader' }).where(eq(staff.id, 'staff-head'));
  });

  it('the governor’s signature completes it: frozen, refused edits, and the compliance screen counts the review', async () => {
    const signed = await as('governor', 'POST', `/api/compliance/review-packs/${pack.id}/signatures`, {
      contentHash: pack.contentHash,
    });
    expect(signed.status).toBe(201);
    expect(signed.body.pack).toMatchObject({ status: 'signed', contentHash: pack.contentHash });
    expect(signed.body.pack.signatures.map((s: { role: string }) => s.role)).toEqual([
      'senior-leader',
      'governor',
    ]);
    expect(signed.body.pack.signedAt).not.toBeNull();

    const edit = await as('dsl', 'POST', '/api/compliance/review-packs', {
      year: pack.year,
      notes: 'changed',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatch(/signed/);
    expect((await read('dsl', pack.id)).pack.contentHash).toBe(pack.contentHash);

    // The database itself refuses to change or delete a signed pack, or its signatures.
    const query = rawQuery(server.app.services.db);
    await expect(query(`update review_packs set content = '{}' where id = $1`, [pack.id])).rejects.toThrow(
      /signed/,
    );
    await expect(query(`delete from review_pack_signatures where pack_id = $1`, [pack.id])).rejects.toThrow(
      /signed/,
    );
    await expect(query(`delete from review_packs where id = $1`, [pack.id])).rejects.toThrow(/signed/);

    const compliance = await as('governor', 'GET', '/api/compliance');
    const review = compliance.body.report.items.find((i: { id: string }) => i.id === 'annual-review');
    expect(review).toMatchObject({ status: 'met', reason: 'in-date' });
  });

  it('the PDF, in English and Welsh, carries the content’s hash', async () => {
    for (const lang of ['en', 'cy']) {
      const res = await fetch(`${server.url}/api/compliance/review-packs/${pack.id}/pdf?lang=${lang}`, {
        headers: { cookie: cookies.governor! },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-sha256')).toBe(pack.contentHash);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.toString('latin1')).toContain(`sha256:${pack.contentHash}`);
      expect(bytes.toString('latin1')).toContain(`/Lang (${lang}-GB)`);
    }
    const bad = await fetch(`${server.url}/api/compliance/review-packs/${pack.id}/pdf?lang=fr`, {
      headers: { cookie: cookies.governor! },
    });
    expect(bad.status).toBe(400);
  });

  it('two signatures at the same moment: both kept, and the pack is frozen once', async () => {
    const draft = (await as('dsl', 'POST', '/api/compliance/review-packs', { year: 2022 })).body
      .pack as ReviewPack;
    const [head, governor] = await Promise.all(
      ['head', 'governor'].map((who) =>
        as(who, 'POST', `/api/compliance/review-packs/${draft.id}/signatures`, {
          contentHash: draft.contentHash,
        }),
      ),
    );
    expect([head!.status, governor!.status]).toEqual([201, 201]);
    const { pack: signed } = await read('governor', draft.id);
    expect(signed.status).toBe('signed');
    expect(signed.signatures.map((s) => s.role).sort()).toEqual(['governor', 'senior-leader']);
    expect(signed.signedAt).toBe(signed.signatures.map((s) => s.signedAt).sort()[1]);
  });

  it('content that no longer matches its hash is never served, signed or draft', async () => {
    const { db } = server.app.services;
    const query = rawQuery(db);
    // A signed pack altered behind the trigger's back (someone with the database's owner rights).
    await query('alter table review_packs disable trigger review_packs_frozen', []);
    await db
      .update(reviewPacks)
      .set({
        content: (await db.select().from(reviewPacks).where(eq(reviewPacks.id, pack.id)))[0]!.content.replace(
          '"format":1',
          '"format":1 ',
        ),
      })
      .where(eq(reviewPacks.id, pack.id));
    await query('alter table review_packs enable trigger review_packs_frozen', []);
    for (const path of [
      `/api/compliance/review-packs/${pack.id}`,
      `/api/compliance/review-packs/${pack.id}/pdf`,
    ]) {
      const res = await as('governor', 'GET', path);
      expect(res.status).toBe(500);
      expect(res.body.error).toMatch(/altered/);
    }

    // A draft edited in the database.
    const draft = (await as('dsl', 'POST', '/api/compliance/review-packs', { year: 2024 })).body
      .pack as ReviewPack;
    const [row] = await db.select().from(reviewPacks).where(eq(reviewPacks.id, draft.id));
    await db
      .update(reviewPacks)
      .set({ content: row!.content.replace('"year":2024', '"year":2023') })
      .where(eq(reviewPacks.id, draft.id));
    expect((await as('governor', 'GET', `/api/compliance/review-packs/${draft.id}`)).status).toBe(500);
  });
});
