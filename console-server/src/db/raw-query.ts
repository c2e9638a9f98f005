import type { Database } from './open-database';

export type RawQuery = <Row extends Record<string, unknown>>(
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
 * How many writes the database takes at once: PostgreSQL's pool several (each commit's WAL flush
 * then overlaps the next statement), PGlite one (one connection, its engine on this thread).
 */
export function concurrentWrites(db: Database): number {
  const client = (db as unknown as { $client?: { totalCount?: unknown } }).$client;
  return typeof client?.totalCount === 'number' ? 4 : 1;
}
