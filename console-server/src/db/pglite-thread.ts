import { Worker } from 'node:worker_threads';

interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** Drizzle passes parsers that return a type's text unchanged (dates, intervals): their type ids. */
  parsers?: Record<number, (value: string) => unknown>;
}

interface QueryResult {
  rows: unknown[];
  fields: Array<{ name: string; dataTypeID: number }>;
  affectedRows?: number;
}

type Request =
  | { op: 'query'; sql: string; params: unknown[]; rowMode?: 'array' | 'object'; rawTypes?: number[] }
  | { op: 'exec'; sql: string }
  | { op: 'close' };

type Reply =
  | { ready: true }
  | { ready: false; error: SerializedError }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: SerializedError };

type SerializedError = { name: string; message: string } & Record<string, unknown>;

/** The database's error as it was thrown on the other thread: message, SQLSTATE code, detail. */
function revive(error: SerializedError): Error {
  const { name, message, ...fields } = error;
  return Object.assign(new Error(message), { name }, fields);
}

/** What a query inside a transaction is given: the same calls, without waiting for the transaction. */
interface ThreadTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
  exec(sql: string): Promise<QueryResult[]>;
}

/**
 * PGlite on a worker thread, with the part of PGlite's API that Drizzle and the ingest use
 * (`waitReady`, `query`, `exec`, `transaction`, `close`). PGlite runs PostgreSQL in WebAssembly
 * synchronously, so on the server's own thread every query stopped the sockets for as long as it
 * ran; here the database works beside them, on the machine's other core.
 *
 * PGlite has one connection, so as in PGlite itself a transaction has it to itself: queries from
 * outside wait until it ends. Queries are sent as soon as they are made and answered in order,
 * so a burst is not slowed by a round trip per query.
 */
export class PgliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private openTransaction: Promise<void> | null = null;
  private transactions: Promise<unknown> = Promise.resolve();
  private failure: Error | null = null;

  /** `loadDataDir`: a dump file (PGlite's `dumpDataDir`) the new database starts from. */
  constructor(dataDir: string | null, loadDataDir?: string) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir, loadDataDir },
    });
    this.waitReady = new Promise((resolve, reject) => {
      this.worker.on('message', (reply: Reply) => {
        if ('ready' in reply) return reply.ready ? resolve() : reject(revive(reply.error));
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if (reply.ok) waiting.resolve(reply.result);
        else waiting.reject(revive(reply.error));
      });
      const fail = (error: Error) => {
        this.failure = error;
        reject(error);
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      };
      this.worker.on('error', fail);
      this.worker.on('exit', (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));
    });
  }

  private send<T>(request: Request): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, ...request });
    });
  }

  private sendQuery(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    const rawTypes = options.parsers ? Object.keys(options.parsers).map(Number) : undefined;
    return this.send({ op: 'query', sql, params, rowMode: options.rowMode, rawTypes });
  }

  /** Outside a transaction: waits while one is open. */
  private async outside<T>(call: () => Promise<T>): Promise<T> {
    while (this.openTransaction) await this.openTransaction;
    return call();
  }

  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult> {
    return this.outside(() => this.sendQuery(sql, params, options));
  }

  exec(sql: string): Promise<QueryResult[]> {
    return this.outside(() => this.send({ op: 'exec', sql }));
  }

  transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const run = this.transactions.then(() =>
      this.outside(async () => {
        let end!: () => void;
        this.openTransaction = new Promise<void>((resolve) => (end = resolve));
        try {
          await this.send({ op: 'exec', sql: 'BEGIN' });
          const tx: ThreadTransaction = {
            query: (sql, params, options) => this.sendQuery(sql, params, options),
            exec: (sql) => this.send({ op: 'exec', sql }),
          };
          try {
            const result = await callback(tx);
            await this.send({ op: 'exec', sql: 'COMMIT' });
            return result;
          } catch (error) {
            await this.send({ op: 'exec', sql: 'ROLLBACK' }).catch(() => undefined);
            throw error;
          }
        } finally {
          this.openTransaction = null;
          end();
        }
      }),
    );
    this.transactions = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    await this.outside(() => this.send({ op: 'close' }));
    await exited;
  }
}
