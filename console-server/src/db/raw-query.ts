import type { Database } from './open-database';
import { PgliteThread } from './pglite-thread';

type RawQuery = <Row extends Record<string, unknown>>(
  text: string,
  params: unknown[],
) => Promise<{ rows: Row[]; affected: number }>;

/** PGlite's `query` answers `affectedRows`, pg's `rowCount`. */
interface DriverClient {
  query(
    text: string,
    params: unknown[],
  ): Promise<{ rows: unknown[]; affectedRows?: number; rowCount?: number | null }>;
}

/**
 * A parameterised statement straight through the driver (PGlite, or `pg`'s pool), for the one
 * place where Drizzle's query building costs more than the query: a multi-row INSERT of hundreds
 * of events, whose statement text is the same for every batch of that size. Both drivers take
 * `query(text, params)` and parse timestamps and JSON the same way.
 */
export function rawQuery(db: Database): RawQuery {
  const client = (db as unknown as { $client?: DriverClient }).$client;
  if (!client || typeof client.query !== 'function') throw new Error('this database has no driver client');
  return async <Row extends Record<string, unknown>>(text: string, params: unknown[]) => {
    const result = await client.query(text, params);
    return { rows: result.rows as Row[], affected: result.affectedRows ?? result.rowCount ?? 0 };
  };
}

/**
 * How many writes may be in flight at once: on PostgreSQL several (each commit's WAL flush then
 * overlaps the next statement); on PGlite two, so the next batch is made ready and queued on the
 * database's thread while the current one is written (it still writes them one after the other).
 */
export function concurrentWrites(db: Database): number {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof PgliteThread) return 2;
  return typeof (client as { totalCount?: unknown } | undefined)?.totalCount === 'number' ? 4 : 1;
}
