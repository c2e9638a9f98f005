import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase, postgresAvailable, type FreshDatabase } from './postgres';
import { freshRedisStream, redisAvailable, TEST_REDIS_URL } from './redis';
import { startServerProcess, type ServerProcess } from './server-process';

/** The ways two processes share rooms that answer on this machine (Redis beside PostgreSQL). */
export async function roomSharing() {
  const postgres = await postgresAvailable();
  const redis = postgres && (await redisAvailable());
  return [
    { adapter: 'PostgreSQL', available: postgres, redis: false },
    { adapter: 'Redis', available: redis, redis: true },
  ].filter((a) => a.available);
}

export interface ProcessPair {
  a: ServerProcess;
  b: ServerProcess;
  database: FreshDatabase;
  /** Stops both processes (one already stopped is fine) and drops the database and stream. */
  close(): Promise<void>;
}

/** Two server processes on one fresh PostgreSQL database, sharing rooms through it or through Redis. */
export async function startProcessPair(viaRedis: boolean): Promise<ProcessPair> {
  const database = await freshDatabase();
  const stream = freshRedisStream();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-pair-'));
  const env = {
    DATABASE_URL: database.url,
    ...(viaRedis ? { REDIS_URL: TEST_REDIS_URL, WAYMARK_REDIS_STREAM: stream.name } : {}),
  };
  const a = await startServerProcess(path.join(dataDir, 'a'), 0, env);
  const b = await startServerProcess(path.join(dataDir, 'b'), 0, env);
  return {
    a,
    b,
    database,
    async close() {
      await a.stop();
      await b.stop();
      await database.drop();
      if (viaRedis) await stream.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
