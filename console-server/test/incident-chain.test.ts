import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS, type Database } from '../src';
import { main } from '../src/cli/main';
import { incidentEvents, incidentHistory, incidents } from '../src/db/schema';
import { chainHead } from '../src/features/incidents';
import {
  contentDigest,
  entryHash,
  entryHashV2,
  GENESIS,
  storedEntryHash,
  type EntryFacts,
  type Tombstone,
} from '../src/features/incidents/hash-chain';
import { verifyLog } from '../src/features/incidents/verify-log';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';

/**
 * docs/architecture.md, "Incidents": the hash chain covers every stored field of an incident and
 * its event links, purges are checked against the retention rules, and an anchor kept outside the
 * database catches a rewrite of the whole chain. Every tamper runs in a transaction rolled back
 * afterwards, so each starts from the same intact log.
 */

let server: TestServer;
let dataDir: string;
const cookies: Record<string, string> = {};
let illegalId: string;
let evidenceId: string;
let openId: string;
let anchorBefore: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-chain-'));
  server = await startTestServer(dataDir);
  for (const who of ['teacher', 'dsl', 'deputy.dsl'])
    cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
  const call = (method: string, url: string, who: string, body?: unknown) =>
    apiCall(server.url, cookies[who]!, method, url, body);

  const device = await connectDevice(server.url, {
    enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    user: 'harry.lewis@pupils.demo.waymark.test',
  });
  const illegal = blockedEvent({ url: 'https://illegal.example/x', category: 'illegal-csam' });
  const first = blockedEvent({ url: 'https://www.roblox.com/a', category: 'gaming' });
  const second = blockedEvent({ url: 'https://www.roblox.com/b', category: 'gaming' });
  for (const e of [illegal, first, second]) await device.emitWithAck('event', e);
  device.disconnect();

  illegalId = (await call('POST', '/api/incidents/from-events', 'teacher', { eventIds: [illegal.id] })).body
    .incident.id;
  await call('POST', `/api/incidents/${illegalId}/changes`, 'dsl', {
    ownerId: 'staff-dsl',
    addActions: ['refer-police'],
    outcome: 'Referred to police.',
    followUpDate: '2030-01-01',
  });
  expect((await call('POST', `/api/incidents/${illegalId}/countersign`, 'deputy.dsl')).status).toBe(200);
  expect(
    (await call('POST', `/api/incidents/${illegalId}/changes`, 'dsl', { status: 'closed' })).status,
  ).toBe(200);
  anchorBefore = (await chainHead(server.app.services.db, 'demo')).hash;
  evidenceId = (
    await call('POST', '/api/incidents/from-events', 'teacher', { eventIds: [first.id, second.id] })
  ).body.incident.id;
  openId = (
    await call('POST', '/api/incidents', 'dsl', {
      subject: 'staff',
      personName: 'A member of staff',
      category: 'other',
      severity: 'low',
      description: 'Still being looked into.',
    })
  ).body.incident.id;
  await call('POST', `/api/incidents/${openId}/changes`, 'dsl', { note: 'Spoke to them.' });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const db = () => server.app.services.db;

class Rollback extends Error {}

/** The problems verify-log finds after `tamper`, which is then undone. */
function problemsAfter(tamper: (tx: Database) => Promise<unknown>, now?: Date): Promise<string[]> {
  return problemsIn(db(), tamper, now);
}

async function problemsIn(
  database: Database,
  tamper: (tx: Database) => Promise<unknown>,
  now?: Date,
): Promise<string[]> {
  let found: string[] = [];
  await database
    .transaction(async (tx) => {
      await tamper(tx as unknown as Database);
      found = (await verifyLog(tx as unknown as Database, { now })).problems.map((p) => p.problem);
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return found;
}

/** Appends an entry to the demo school's chain as a forger would: a valid hash on a made-up entry. */
async function forge(
  tx: Database,
  entry: {
    change: Record<string, unknown>;
    facts: EntryFacts;
    at?: Date;
    version?: 1 | 2;
    incidentId?: string;
    actorId?: string;
  },
) {
  const [last] = await tx
    .select()
    .from(incidentHistory)
    .where(eq(incidentHistory.schoolId, 'demo'))
    .orderBy(desc(incidentHistory.id))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    schoolId: 'demo',
    incidentId: entry.incidentId ?? null,
    at: entry.at ?? new Date(),
    actorId: entry.actorId ?? 'retention-job',
    actorName: 'Retention job',
    change: entry.change,
    facts: entry.version === 1 ? null : (entry.facts as unknown as Record<string, unknown>),
    version: entry.version ?? 2,
    prevHash,
  };
  const hash =
    entry.version === 1 ? entryHash(prevHash, row) : entryHashV2(prevHash, { ...row, facts: entry.facts });
  await tx.insert(incidentHistory).values({ ...row, hash });
}

/** Deletes an incident whole, as a forger would, and returns the tombstones its entries would leave. */
async function deleteIncident(tx: Database, id: string): Promise<Tombstone[]> {
  const rows = await tx
    .select()
    .from(incidentHistory)
    .where(eq(incidentHistory.incidentId, id))
    .orderBy(asc(incidentHistory.id));
  await tx.delete(incidentHistory).where(eq(incidentHistory.incidentId, id));
  await tx.delete(incidentEvents).where(eq(incidentEvents.incidentId, id));
  await tx.delete(incidents).where(eq(incidents.id, id));
  return rows.map((r) => ({
    v: 2,
    id: r.id,
    schoolId: r.schoolId,
    incidentId: r.incidentId,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    facts: r.facts as unknown as EntryFacts,
    content: contentDigest(r.change),
    prevHash: r.prevHash,
    hash: r.hash,
  }));
}

describe('the incident log’s hash chain', () => {
  it('is intact as the service wrote it', async () => {
    expect((await verifyLog(db())).problems).toEqual([]);
  });

  const fields: Array<[keyof typeof incidents.$inferInsert, unknown]> = [
    ['reference', 'INC-1999-9999'],
    ['subject', 'staff'],
    ['pupilEmail', 'someone.else@pupils.demo.waymark.test'],
    ['personName', 'Someone Else'],
    ['classId', 'class-year5'],
    ['deviceId', 'another-device'],
    ['category', 'other'],
    ['severity', 'low'],
    ['status', 'open'],
    ['description', 'Nothing happened.'],
    ['actions', []],
    ['outcome', 'No further action.'],
    ['ownerId', 'staff-teacher'],
    ['followUpDate', null],
    ['illegal', false],
    ['countersignedBy', 'staff-dsl'],
    ['occurredAt', new Date('2020-01-01T00:00:00Z')],
    ['createdBy', 'staff-dsl'],
    ['createdAt', new Date('2020-01-01T00:00:00Z')],
  ];
  it.each(fields)('catches an incident whose %s was edited in place', async (field, value) => {
    const found = await problemsAfter((tx) =>
      tx
        .update(incidents)
        .set({ [field]: value })
        .where(eq(incidents.id, illegalId)),
    );
    expect(found).toContain(`${field} differs from its history (the incident was edited in place)`);
  });

  const entryFields: Array<[string, (tx: Database, id: number) => Promise<unknown>]> = [
    [
      'at',
      (tx, id) =>
        tx
          .update(incidentHistory)
          .set({ at: new Date(0) })
          .where(eq(incidentHistory.id, id)),
    ],
    [
      'actor',
      (tx, id) => tx.update(incidentHistory).set({ actorId: 'staff-dsl' }).where(eq(incidentHistory.id, id)),
    ],
    [
      'actor’s name',
      (tx, id) => tx.update(incidentHistory).set({ actorName: 'X' }).where(eq(incidentHistory.id, id)),
    ],
    [
      'change',
      (tx, id) =>
        tx
          .update(incidentHistory)
          .set({ change: sql`jsonb_set(change, '{state,illegal}', 'false')` })
          .where(eq(incidentHistory.id, id)),
    ],
    [
      'facts',
      (tx, id) =>
        tx
          .update(incidentHistory)
          .set({ facts: { type: 'created', status: 'closed' } })
          .where(eq(incidentHistory.id, id)),
    ],
    [
      'incident',
      (tx, id) => tx.update(incidentHistory).set({ incidentId: openId }).where(eq(incidentHistory.id, id)),
    ],
    [
      'chain version',
      (tx, id) => tx.update(incidentHistory).set({ version: 1 }).where(eq(incidentHistory.id, id)),
    ],
  ];
  it.each(entryFields)('catches a history entry whose %s was edited', async (_, tamper) => {
    const [created] = await db()
      .select({ id: incidentHistory.id })
      .from(incidentHistory)
      .where(eq(incidentHistory.incidentId, illegalId))
      .orderBy(asc(incidentHistory.id))
      .limit(1);
    const found = await problemsAfter((tx) => tamper(tx, created!.id));
    expect(found).toContain('its content does not match its hash (the entry was edited)');
  });

  it('catches a deleted event link, and an added one', async () => {
    const [link] = await db().select().from(incidentEvents).where(eq(incidentEvents.incidentId, evidenceId));
    expect(
      await problemsAfter((tx) =>
        tx.delete(incidentEvents).where(sql`${incidentEvents.eventId} = ${link!.eventId}`),
      ),
    ).toContain('is missing an event link its history made (a link was deleted)');
    expect(
      await problemsAfter((tx) =>
        tx.insert(incidentEvents).values({ incidentId: openId, eventId: link!.eventId }),
      ),
    ).toContain('has an event link its history never made (a link was added)');
  });

  it('catches a deleted history entry', async () => {
    const [entry] = await db()
      .select({ id: incidentHistory.id })
      .from(incidentHistory)
      .where(eq(incidentHistory.incidentId, illegalId))
      .orderBy(desc(incidentHistory.id))
      .limit(1);
    expect(
      await problemsAfter((tx) => tx.delete(incidentHistory).where(eq(incidentHistory.id, entry!.id))),
    ).toContain('does not follow the entry before it (an entry was removed or reordered)');
  });

  it('catches an open incident deleted with a forged purge entry', async () => {
    const found = await problemsAfter(async (tx) => {
      const removed = await deleteIncident(tx, openId);
      await forge(tx, {
        change: {
          type: 'purge',
          olderThan: new Date().toISOString(),
          retentionDays: 0,
          references: ['x'],
          incidents: [{ id: openId, reference: 'x' }],
          removed,
        },
        facts: { type: 'purge' },
      });
    });
    expect(found).toContain(
      'is a purge of an incident that was open, not closed (only closed incidents are purged)',
    );
  });

  it('catches a forged purge whose removed entries claim the incident was closed', async () => {
    const found = await problemsAfter(async (tx) => {
      const removed = (await deleteIncident(tx, openId)).map((t) =>
        t.v === 2 ? { ...t, facts: { ...t.facts, status: 'closed' } } : t,
      );
      await forge(tx, {
        change: {
          type: 'purge',
          olderThan: new Date().toISOString(),
          retentionDays: 0,
          incidents: [{ id: openId, reference: 'x' }],
          removed,
        },
        facts: { type: 'purge' },
      });
    });
    expect(found).toContain('is a purge whose record of a removed entry does not match that entry’s hash');
  });

  it('catches a purge that records chain-2 entries it removed without their facts', async () => {
    const found = await problemsAfter(async (tx) => {
      const removed = (await deleteIncident(tx, illegalId)).map(({ id, incidentId, prevHash, hash }) => ({
        v: 1,
        id,
        incidentId,
        prevHash,
        hash,
      }));
      await forge(tx, {
        change: {
          type: 'purge',
          olderThan: new Date().toISOString(),
          retentionDays: 0,
          incidents: [{ id: illegalId, reference: 'x' }],
          removed,
        },
        facts: { type: 'purge' },
      });
    });
    expect(found).toContain('a purge recorded a removed chain-2 entry without its facts');
    expect(found).toContain('is a purge of an incident the chain cannot show was closed and old enough');
  });

  it('catches a purge in the old chain format written after the new one', async () => {
    const found = await problemsAfter(async (tx) => {
      const removed = (await deleteIncident(tx, openId)).map(({ id, prevHash, hash }) => ({
        id,
        prevHash,
        hash,
      }));
      await forge(tx, {
        version: 1,
        change: { type: 'purge', olderThan: new Date().toISOString(), references: ['x'], removed },
        facts: { type: 'purge' },
      });
    });
    expect(found).toContain('is written in the old chain format after the new one (it was added by hand)');
  });

  it('catches a purge of a closed incident the retention period did not yet allow, or dated in the future', async () => {
    const purge = (at: Date, olderThan: Date, retentionDays: number) => async (tx: Database) => {
      const removed = await deleteIncident(tx, illegalId);
      await forge(tx, {
        at,
        change: {
          type: 'purge',
          olderThan: olderThan.toISOString(),
          retentionDays,
          incidents: [{ id: illegalId, reference: 'x' }],
          removed,
        },
        facts: { type: 'purge' },
      });
    };
    const now = new Date();
    expect(await problemsAfter(purge(now, now, 2190))).toContain(
      'is a purge whose cutoff is less than its 2190-day retention period before it',
    );
    expect(await problemsAfter(purge(now, new Date(now.getTime() - 86_400_000), 1))).toContain(
      'is a purge of an incident raised after the cutoff (too recent to purge)',
    );
    const later = new Date(now.getTime() + 7 * 365 * 86_400_000);
    expect(await problemsAfter(purge(later, new Date(later.getTime() - 2190 * 86_400_000), 2190))).toContain(
      'is a purge dated in the future',
    );
    // The same purge, done by the retention job in seven years' time, is accepted.
    expect(
      await problemsAfter(purge(later, new Date(later.getTime() - 2190 * 86_400_000), 2190), later),
    ).toEqual([]);
  });

  it('catches a well-hashed entry that makes the countersigner the owner (the two-person rule)', async () => {
    const found = await problemsAfter(async (tx) => {
      await forge(tx, {
        incidentId: illegalId,
        actorId: 'staff-dsl',
        change: { ownerId: 'staff-deputy-dsl' },
        facts: { type: 'change', status: 'closed' },
      });
      await tx.update(incidents).set({ ownerId: 'staff-deputy-dsl' }).where(eq(incidents.id, illegalId));
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^breaks the two-person rule: the member of staff who countersigned cannot become its owner/,
      ),
    ]);
  });

  it('an anchor catches the chain rewritten from the start with every hash recomputed', async () => {
    const head = (await chainHead(db(), 'demo')).hash;
    expect((await verifyLog(db(), { sinceAnchor: anchorBefore })).anchor).toMatchObject({ found: true });
    let withoutAnchor: string[] = [];
    let withAnchor: string[] = [];
    await db()
      .transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(incidentHistory)
          .where(eq(incidentHistory.schoolId, 'demo'))
          .orderBy(asc(incidentHistory.id));
        let prevHash = GENESIS;
        for (const row of rows) {
          const change =
            row.incidentId === illegalId && row.change.type === 'created'
              ? { ...row.change, state: { ...(row.change.state as object), illegal: false } }
              : row.change;
          const hash = storedEntryHash({ ...row, change, prevHash });
          await tx
            .update(incidentHistory)
            .set({ change, prevHash, hash })
            .where(eq(incidentHistory.id, row.id));
          prevHash = hash;
        }
        await tx.update(incidents).set({ illegal: false }).where(eq(incidents.id, illegalId));
        withoutAnchor = (await verifyLog(tx as unknown as Database)).problems.map((p) => p.problem);
        withAnchor = (await verifyLog(tx as unknown as Database, { sinceAnchor: head })).problems.map(
          (p) => p.problem,
        );
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    // A rewrite with every hash recomputed is consistent in itself: only the anchor catches it.
    expect(withoutAnchor).toEqual([]);
    expect(withAnchor).toEqual([
      `the anchor ${head} is in no school's chain: the log up to it was rewritten (or the anchor was mistyped)`,
    ]);
  });

  it('npx waymark verify-log --since-anchor: exit 0 through the anchor, 1 for an anchor not in the chain', async () => {
    const head = (await chainHead(db(), 'demo')).hash;
    await server.close();
    const run = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await main(['verify-log', '--data-dir', dataDir, ...args], {
        stdout: { write: (t: string) => (out += t) },
        stderr: { write: (t: string) => (err += t) },
      });
      return { code, out, err };
    };
    try {
      const through = await run(['--since-anchor', head]);
      expect(through.code).toBe(0);
      expect(through.out).toContain(`The chain passes through the anchor ${head}`);
      const elsewhere = await run(['--since-anchor', 'f'.repeat(64)]);
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.out).toContain('is in no school');
      expect((await run(['--since-anchor', 'nope'])).code).toBe(2);
    } finally {
      server = await startTestServer(dataDir);
    }
  });
});

describe('a log written before chain version 2', () => {
  let legacy: TestServer;
  const LEGACY_CLOSED = '01890000-0000-7000-8000-000000000001';
  const LEGACY_OPEN = '01890000-0000-7000-8000-000000000002';
  beforeAll(async () => {
    legacy = await startTestServer();
    const ldb = legacy.app.services.db;
    // Two incidents and their history as the chain-1 service wrote them, in 2019.
    let prevHash = GENESIS;
    const v1 = async (incidentId: string, at: string, change: Record<string, unknown>) => {
      const entry = {
        schoolId: 'demo',
        incidentId,
        at: new Date(at),
        actorId: 'staff-dsl',
        actorName: 'Mrs Helen Jones',
        change,
      };
      const hash = entryHash(prevHash, entry);
      await ldb.insert(incidentHistory).values({ ...entry, prevHash, hash });
      prevHash = hash;
    };
    for (const [id, reference] of [
      [LEGACY_CLOSED, 'INC-2019-0001'],
      [LEGACY_OPEN, 'INC-2019-0002'],
    ] as const) {
      const state = {
        subject: 'staff' as const,
        pupilEmail: null,
        personName: 'A member of staff',
        classId: null,
        deviceId: null,
        category: 'other' as const,
        severity: 'low' as const,
        status: 'open' as const,
        description: `Legacy ${reference}`,
        actions: [],
        outcome: null,
        ownerId: null,
        followUpDate: null,
        illegal: false,
        countersignedBy: null,
        occurredAt: '2019-03-01T09:00:00.000Z',
        evidence: [],
      };
      await ldb.insert(incidents).values({
        ...state,
        id,
        schoolId: 'demo',
        reference,
        occurredAt: new Date(state.occurredAt),
        createdBy: 'staff-dsl',
        createdAt: new Date('2019-03-01T09:05:00.000Z'),
      });
      await v1(id, '2019-03-01T09:05:00.000Z', { type: 'created', state: { ...state, notes: [] } });
    }
    await v1(LEGACY_CLOSED, '2019-04-01T10:00:00.000Z', { outcome: 'Resolved.', status: 'closed' });
    await ldb
      .update(incidents)
      .set({ outcome: 'Resolved.', status: 'closed' })
      .where(eq(incidents.id, LEGACY_CLOSED));
  });
  afterAll(() => legacy.close());

  it('verifies as it is', async () => {
    expect((await verifyLog(legacy.app.services.db)).problems).toEqual([]);
  });

  it('gets a checkpoint before its first chain-2 entry, and still verifies', async () => {
    const dsl = await login(legacy.url, 'dsl@demo.waymark.test');
    expect(
      (await apiCall(legacy.url, dsl, 'POST', `/api/incidents/${LEGACY_OPEN}/changes`, { note: 'Reviewed.' }))
        .status,
    ).toBe(200);
    const rows = await legacy.app.services.db.select().from(incidentHistory).orderBy(asc(incidentHistory.id));
    expect(rows.map((r) => [r.version, r.change.type ?? 'change'])).toEqual([
      [1, 'created'],
      [1, 'created'],
      [1, 'change'],
      [2, 'checkpoint'],
      [2, 'change'],
    ]);
    expect(rows[3]!.change.incidents).toEqual([
      { id: LEGACY_CLOSED, status: 'closed', raisedAt: '2019-03-01T09:05:00.000Z' },
      { id: LEGACY_OPEN, status: 'open', raisedAt: '2019-03-01T09:05:00.000Z' },
    ]);
    expect((await verifyLog(legacy.app.services.db)).problems).toEqual([]);
  });

  it('a lying checkpoint is caught; a chain-1 incident is purged, checked against the checkpoint', async () => {
    const { incidentService, db: ldb } = legacy.app.services;
    const [checkpoint] = await ldb
      .select()
      .from(incidentHistory)
      .where(sql`${incidentHistory.change}->>'type' = 'checkpoint'`);
    const lying = await problemsIn(ldb, async (tx) => {
      const claimed = (checkpoint!.change.incidents as Array<{ id: string; status: string }>).map((i) => ({
        ...i,
        status: 'closed',
      }));
      const change = { ...checkpoint!.change, incidents: claimed };
      // Even with its own hash made good, the checkpoint must match the chain-1 history before it.
      await tx
        .update(incidentHistory)
        .set({ change, hash: storedEntryHash({ ...checkpoint!, change }) })
        .where(eq(incidentHistory.id, checkpoint!.id));
    });
    expect(lying).toContain('the checkpoint does not match the history before it');

    const days = 365;
    const purged = await incidentService.purgeClosed('demo', new Date(Date.now() - days * 86_400_000), days);
    expect(purged.references).toEqual(['INC-2019-0001']);
    expect((await verifyLog(ldb)).problems).toEqual([]);
    // The open one cannot go the same way: a forged purge of it is checked against the checkpoint.
    const forged = await problemsIn(ldb, async (tx) => {
      const rows = await tx.select().from(incidentHistory).where(eq(incidentHistory.incidentId, LEGACY_OPEN));
      await tx.delete(incidentHistory).where(eq(incidentHistory.incidentId, LEGACY_OPEN));
      await tx.delete(incidents).where(eq(incidents.id, LEGACY_OPEN));
      const removed = rows.map((r) =>
        r.version >= 2
          ? {
              v: 2,
              id: r.id,
              schoolId: r.schoolId,
              incidentId: r.incidentId,
              at: r.at.toISOString(),
              actorId: r.actorId,
              actorName: r.actorName,
              facts: r.facts,
              content: contentDigest(r.change),
              prevHash: r.prevHash,
              hash: r.hash,
            }
          : { v: 1, id: r.id, incidentId: r.incidentId, prevHash: r.prevHash, hash: r.hash },
      );
      await forge(tx, {
        change: {
          type: 'purge',
          olderThan: new Date(Date.now() - days * 86_400_000).toISOString(),
          retentionDays: days,
          incidents: [{ id: LEGACY_OPEN, reference: 'INC-2019-0002' }],
          removed,
        },
        facts: { type: 'purge' },
      });
    });
    expect(forged).toContain(
      'is a purge of an incident that was open, not closed (only closed incidents are purged)',
    );
  });
});
