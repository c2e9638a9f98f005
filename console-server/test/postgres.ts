import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * docs/architecture.md, "Storage": the PostgreSQL tests use TEST_DATABASE_URL, each run in a fresh
 * database it creates and drops.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Whether a PostgreSQL server answers at TEST_DATABASE_URL. When none does, the tests that need one
 * are skipped with a loud message on a person's machine, and fail in CI (CI=true), where one runs.
 */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await adminQuery('select 1');
    return true;
  } catch (error) {
    const message = `PostgreSQL is not answering at ${TEST_DATABASE_URL} (${(error as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${message}; CI machines must have it running`);
    console.warn(`\n!!! ${message}: the PostgreSQL tests are SKIPPED. Set TEST_DATABASE_URL to run them.\n`);
    return false;
  }
}

/** A new, empty database on the test server; `drop()` removes it, closing whatever is still connected. */
export async function freshDatabase(prefix = 'waymark_test'): Promise<FreshDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database "${name}"`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}
