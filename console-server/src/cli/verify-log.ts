import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { verifyLog } from '../features/incidents';
import { type CliIo, EXIT, UsageError } from './io';

export const VERIFY_LOG_USAGE = `Usage: waymark verify-log [--data-dir <folder> | --database-url <url>] [--since-anchor <hash>] [--json]

Checks the online-safety incident log: every entry's hash chain, every purge against the
retention rules, and that each incident (every field, every event link) matches its history.
--since-anchor <hash>: a chain head printed outside the database (the weekly digest e-mail, the
review pack); the check also proves the chain still passes through it, so nothing before it was
rewritten. Exit codes: 0 the log is intact, 1 tampering or damage found, 2 bad arguments.
Without options it checks the server's own database (WAYMARK_DATA_DIR or DATABASE_URL).
`;

export async function verifyLogCommand(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        json: { type: 'boolean', default: false },
        'since-anchor': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    io.stdout.write(VERIFY_LOG_USAGE);
    return EXIT.ok;
  }
  const anchor = values['since-anchor'];
  if (anchor !== undefined && !/^[0-9a-f]{64}$/i.test(anchor))
    throw new UsageError('--since-anchor takes a chain head: 64 hexadecimal characters');
  if (values['data-dir'] && values['database-url'])
    throw new UsageError('give --data-dir or --database-url, not both');
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: values['database-url'] ?? (values['data-dir'] ? undefined : config.databaseUrl),
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : config.dataDir,
    loadDataDir: config.pgliteTemplate,
  });
  try {
    const result = await verifyLog(database.db, { sinceAnchor: anchor });
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ok: result.problems.length === 0, ...result })}\n`);
    } else if (result.problems.length === 0) {
      io.stdout.write(
        `The incident log is intact: ${result.entries} entries, ${result.incidents} incidents.\n`,
      );
      if (result.anchor)
        io.stdout.write(
          `The chain passes through the anchor ${result.anchor.hash} (school ${result.anchor.schoolId}, entry ${result.anchor.entryId}): nothing before it was rewritten.\n`,
        );
    } else {
      io.stdout.write(
        `The incident log has been tampered with or damaged (${result.problems.length} problems):\n`,
      );
      for (const p of result.problems) {
        io.stdout.write(
          `  school ${p.schoolId}${p.entryId ? `, entry ${p.entryId}` : ''}${p.incidentId ? `, incident ${p.incidentId}` : ''}: ${p.problem}\n`,
        );
      }
    }
    return result.problems.length === 0 ? EXIT.ok : EXIT.badInput;
  } finally {
    await database.close();
  }
}
