import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The storage baseline: rows shaped like Waymark's stored events, inserted straight through the
 * driver in multi-row INSERTs of `batch`, one after another on one connection, for `seconds`.
 * No validation, no ORM, no sockets: the ceiling for our storage path. Into the same database the
 * server used (its schema, indexes and devices), after the server has stopped.
 */
const COLUMNS = [
  'id',
  'school_id',
  'kind',
  'severity',
  'occurred_at',
  'device_id',
  'device_name',
  'user_email',
  'pupil_name',
  'ip',
  'class_id',
  'class_name',
  'profile',
  'url',
  'category',
  'rule',
  'details',
];

function insertStatement(rows: number): string {
  const values = Array.from(
    { length: rows },
    (_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`,
  );
  return `insert into events (${COLUMNS.join(', ')}) values ${values.join(', ')} on conflict (id) do nothing`;
}

function params(rows: number, device: { id: string; classId: string }, n: number): unknown[] {
  const out: unknown[] = [];
  for (let r = 0; r < rows; r++) {
    out.push(
      randomUUID(),
      'demo',
      'blocked',
      'low',
      new Date().toISOString(),
      device.id,
      'Load Chromebook',
      null,
      null,
      '127.0.0.1',
      device.classId,
      'Load class',
      'KS2',
      `https://site${(n + r) % 5000}.example/page`,
      null,
      'not on the KS2 allow-list',
      JSON.stringify({ frame: 'main_frame', repeats: 1, policyVersion: 1 }),
    );
  }
  return out;
}

async function timedInserts(
  query: (sql: string, values: unknown[]) => Promise<unknown>,
  device: { id: string; classId: string },
  { batch, seconds }: { batch: number; seconds: number },
): Promise<number> {
  const statement = insertStatement(batch);
  const started = performance.now();
  let rows = 0;
  while (performance.now() - started < seconds * 1000) {
    await query(statement, params(batch, device, rows));
    rows += batch;
  }
  return Math.round(rows / ((performance.now() - started) / 1000));
}

/** Rows per second into PGlite in `dataDir`. */
export async function pgliteInsertRate(dataDir: string, options: { batch: number; seconds: number }) {
  const db = new PGlite(dataDir);
  try {
    const { rows } = await db.query<{ id: string; class_id: string }>(
      'select id, class_id from devices limit 1',
    );
    const device = { id: rows[0]!.id, classId: rows[0]!.class_id };
    return await timedInserts((sql, values) => db.query(sql, values), device, options);
  } finally {
    await db.close();
  }
}

/** Rows per second into PostgreSQL at `url`. */
export async function postgresInsertRate(url: string, options: { batch: number; seconds: number }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; class_id: string }>(
      'select id, class_id from devices limit 1',
    );
    const device = { id: rows[0]!.id, classId: rows[0]!.class_id };
    return await timedInserts((sql, values) => client.query(sql, values), device, options);
  } finally {
    await client.end();
  }
}
