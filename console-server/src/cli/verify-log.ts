import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { verifyLog } from '../features/incidents';
import { type CliIo, EXIT, UsageError } from './io';

export const VERIFY_LOG_USAGE = `Usage: waymark verify-log [--data-dir <folder> | --database-url <url>] [--json]

Checks the online-safety incident log: every entry's hash chain, and that each incident matches
its history. Exit codes: 0 the log is intact, 1 tampering or damage found, 2 bad arguments.
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
  if (values['data-dir'] && values['database-url'])
    throw new UsageError('give --data-dir or --database-url, not both');
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: values['database-url'] ?? (values['data-dir'] ? undefined : config.databaseUrl),
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : config.dataDir,
    loadDataDir: config.pgliteTemplate,
  });
  try {
    const result = await verifyLog(database.db);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ok: result.problems.length === 0, ...result })}\n`);
    } else if (result.problems.length === 0) {
      io.stdout.write(
        `The incident log is intact: ${result.entries} entries, ${result.incidents} incidents.\n`,
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
