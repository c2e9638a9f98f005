import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import type pg from 'pg';
import { createClient } from 'redis';
import type { Server } from 'socket.io';

type Adapter = Parameters<Server['adapter']>[0];

interface ClusterAdapter {
  /** What the processes share rooms through, for the start-up banner. */
  kind: 'redis' | 'postgres' | 'none';
  adapter: Adapter | undefined;
  close(): Promise<void>;
}

const onError = (error: Error) => console.error('waymark: Socket.IO adapter:', error.message);

/**
 * How the processes of one deployment share rooms and broadcasts: a Redis stream when `REDIS_URL`
 * is set (it rides out a short Redis outage without losing packets: a process reads on from its
 * last offset), PostgreSQL's NOTIFY otherwise, and nothing with PGlite (one process).
 */
export async function openClusterAdapter(options: {
  redisUrl: string | undefined;
  redisStream: string;
  pool: pg.Pool | undefined;
}): Promise<ClusterAdapter> {
  if (options.redisUrl) {
    const client = createClient({ url: options.redisUrl });
    client.on('error', onError);
    await client.connect();
    return {
      kind: 'redis',
      adapter: createRedisStreamsAdapter(client, { streamName: options.redisStream }),
      close: async () => {
        await client.close();
      },
    };
  }
  if (options.pool) {
    return {
      kind: 'postgres',
      adapter: createPostgresAdapter(options.pool, { errorHandler: onError }),
      close: async () => {},
    };
  }
  return { kind: 'none', adapter: undefined, close: async () => {} };
}
