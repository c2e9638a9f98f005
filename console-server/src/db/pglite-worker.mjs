// PGlite on a thread of its own (see pglite-thread.ts). Plain JavaScript, so it starts the same
// under tsx, Vitest and plain Node: it only opens the database and answers, one message at a time.
import { Blob } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** A new database starts as a copy of the dump `loadDataDir` names, when one is given. */
async function open({ dataDir, loadDataDir }) {
  const options = loadDataDir ? { loadDataDir: new Blob([await readFile(loadDataDir)]) } : {};
  // PGlite takes its options first when there is no data folder (a missing first argument would
  // drop them).
  const database = dataDir === null ? new PGlite(options) : new PGlite(dataDir, options);
  await database.waitReady;
  return database;
}

let db;

/** What an error from the database carries (DatabaseError's fields), in a form that crosses threads. */
function describe(error) {
  const out = { name: error?.name ?? 'Error', message: String(error?.message ?? error) };
  for (const key of [
    'code',
    'severity',
    'detail',
    'hint',
    'position',
    'schema',
    'table',
    'column',
    'constraint',
    'routine',
  ]) {
    if (error && error[key] !== undefined) out[key] = error[key];
  }
  return out;
}

/** Parsers that hand a type's text back untouched (what Drizzle asks for dates and intervals). */
function identityParsers(oids) {
  if (!oids) return undefined;
  return Object.fromEntries(oids.map((oid) => [oid, (value) => value]));
}

async function answer(message) {
  switch (message.op) {
    case 'query': {
      const result = await db.query(message.sql, message.params, {
        rowMode: message.rowMode,
        parsers: identityParsers(message.rawTypes),
      });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'exec':
      return (await db.exec(message.sql)).map((r) => ({
        rows: r.rows,
        fields: r.fields,
        affectedRows: r.affectedRows,
      }));
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

// Messages are answered in the order they came: the database has one connection.
let queue = open(workerData).then(
  (database) => {
    db = database;
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ ready: false, error: describe(error) }),
);
parentPort.on('message', (message) => {
  queue = queue.then(async () => {
    try {
      parentPort.postMessage({ id: message.id, ok: true, result: await answer(message) });
    } catch (error) {
      parentPort.postMessage({ id: message.id, ok: false, error: describe(error) });
    }
    if (message.op === 'close') parentPort.close();
  });
});
