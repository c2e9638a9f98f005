import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
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

export async function openPglite(dataDir: string | null): Promise<OpenDatabase> {
  if (dataDir !== null) {
    const state = recoverDataFolder(dataDir);
    if (state === 'recovered') console.warn(`waymark: recovered ${dataDir} after an unclean stop`);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await client.waitReady;
  if (dataDir !== null) fs.writeFileSync(path.join(dataDir, LOCK_FILE), String(process.pid));
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    async close() {
      await client.close();
      if (dataDir !== null) fs.rmSync(path.join(dataDir, LOCK_FILE), { force: true });
    },
  };
}

export async function openPostgres(connectionString: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const db = drizzlePg({ client: pool, schema });
  await migratePg(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Database, kind: 'postgres', close: () => pool.end() };
}

export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string | null }) {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
