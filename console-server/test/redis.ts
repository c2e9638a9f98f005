import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

/** The Redis the scale-out tests share rooms through (docs/architecture.md, "Scale-out"). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether Redis answers at TEST_REDIS_URL. As with PostgreSQL: skipped with a loud message on a
 * person's machine, a failure in CI (CI=true), where `.ci/run` starts one.
 */
export async function redisAvailable(): Promise<boolean> {
  const client = createClient({
    url: TEST_REDIS_URL,
    socket: { connectTimeout: 3000, reconnectStrategy: false },
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    const message = `Redis is not answering at ${TEST_REDIS_URL} (${(error as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${message}; CI machines must have it running`);
    console.warn(`\n!!! ${message}: the Redis tests are SKIPPED. Set TEST_REDIS_URL to run them.\n`);
    return false;
  } finally {
    if (client.isOpen) await client.close();
  }
}

/** A stream name no other run uses; `drop()` deletes the stream. */
export function freshRedisStream(): { name: string; drop(): Promise<void> } {
  const name = `waymark-test-${Date.now()}-${randomBytes(4).toString('hex')}`;
  return {
    name,
    async drop() {
      const client = createClient({ url: TEST_REDIS_URL });
      client.on('error', () => {});
      await client.connect();
      try {
        await client.del(name);
      } finally {
        await client.close();
      }
    },
  };
}
