import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { PgliteThread } from './pglite-thread';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL's connection pool, which the Socket.IO adapter shares; none with PGlite. */
  pool?: pg.Pool;
  /**
   * Runs `task` while no other process of the deployment runs one (start-up work such as seeding
   * the demo school, when several processes start at once). PGlite has one process by definition.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
const LOCK_FILE = 'waymark.pid';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite leaves `postmaster.pid` behind after a crash (kill -9, power cut) and can then hang on
 * open. PGlite writes a fixed pid (-42) into it, so we keep our own lock file with the real pid:
 * if the process that held the folder is gone, the stale lock is ours to remove; if it is alive,
 * another server is using the folder and we refuse to share it.
 */
export function recoverDataFolder(dataDir: string): 'fresh' | 'clean' | 'recovered' {
  if (!fs.existsSync(dataDir)) return 'fresh';
  const lockPath = path.join(dataDir, LOCK_FILE);
  const postmasterPid = path.join(dataDir, 'postmaster.pid');
  const holder = fs.existsSync(lockPath) ? Number(fs.readFileSync(lockPath, 'utf8').trim()) : NaN;
  if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
    throw new Error(
      `the data folder ${dataDir} is in use by another Waymark server (pid ${holder}); stop it first`,
    );
  }
  if (!fs.existsSync(postmasterPid)) return 'clean';
  fs.rmSync(postmasterPid);
  return 'recovered';
}

interface PgliteOptions {
  /**
   * A PGlite dump (`dumpDataDir`) that a new database starts from instead of an empty one: the
   * tests' template, migrated once per run. Used only when the database is new (in memory, or a
   * data folder without a database yet); the migrations then run as always and apply whatever the
   * dump does not have yet.
   */
  loadDataDir?: string | undefined;
}

/** Whether `dataDir` already holds a PostgreSQL database (PGlite refuses to load a dump over one). */
function holdsDatabase(dataDir: string | null): boolean {
  return dataDir !== null && fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

export async function openPglite(
  dataDir: string | null,
  { loadDataDir }: PgliteOptions = {},
): Promise<OpenDatabase> {
  if (dataDir !== null) {
    const state = recoverDataFolder(dataDir);
    if (state === 'recovered') console.warn(`waymark: recovered ${dataDir} after an unclean stop`);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  // On its own thread: its queries run beside the sockets instead of stopping them.
  const client = new PgliteThread(dataDir, holdsDatabase(dataDir) ? undefined : loadDataDir);
  await client.waitReady;
  if (dataDir !== null) fs.writeFileSync(path.join(dataDir, LOCK_FILE), String(process.pid));
  // Drizzle's PGlite driver calls only the part of PGlite's API that PgliteThread has.
  const db = drizzlePglite({ client: client as unknown as PGlite, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    exclusive: (task) => task(),
    async close() {
      await client.close();
      if (dataDir !== null) fs.rmSync(path.join(dataDir, LOCK_FILE), { force: true });
    },
  };
}

/** Any fixed number: the key of the advisory lock under which one process at a time starts up. */
const STARTUP_LOCK = 0x5741594d; // "WAYM"

/** Runs `task` holding a session-level advisory lock on one connection of the pool. */
async function underStartupLock<T>(pool: pg.Pool, task: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await task(client);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => {});
    client.release();
  }
}

/**
 * PostgreSQL through `pg`, with the same Drizzle schema and migrations as PGlite. Several
 * processes may start at once against one database: they migrate one at a time, under an
 * advisory lock, so the second finds the work done.
 */
export async function openPostgres(connectionString: string, { poolSize = 20 } = {}): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection dropped by the server (a restart, a fail-over) is replaced on next use;
  // without a listener it would crash the process.
  pool.on('error', (error) => console.error('waymark: PostgreSQL connection lost:', error.message));
  try {
    await underStartupLock(pool, (client) =>
      migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS }),
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg({ client: pool, schema });
  return {
    db: db as unknown as Database,
    kind: 'postgres',
    pool,
    exclusive: (task) => underStartupLock(pool, () => task()),
    close: () => pool.end(),
  };
}

export function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string | null;
  poolSize?: number;
  /** PGlite only: see {@link PgliteOptions.loadDataDir}. */
  loadDataDir?: string | undefined;
}) {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, { poolSize: options.poolSize })
    : openPglite(options.dataDir, { loadDataDir: options.loadDataDir });
}
