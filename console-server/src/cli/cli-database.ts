import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase, type OpenDatabase } from '../db/open-database';
import { UsageError } from './io';

/** `--data-dir` and `--database-url`, as every command that opens the server's database takes them. */
export const DATABASE_OPTIONS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export const DATABASE_USAGE = `Without --data-dir or --database-url it opens the server's own database (WAYMARK_DATA_DIR or
DATABASE_URL). With PGlite the server must be stopped first; with PostgreSQL it may be running.`;

/** Opens the database the options (or the server's settings) name. */
export function openCliDatabase(values: {
  'data-dir'?: string;
  'database-url'?: string;
}): Promise<OpenDatabase> {
  if (values['data-dir'] && values['database-url'])
    throw new UsageError('give --data-dir or --database-url, not both');
  const config = loadConfig();
  return openDatabase({
    databaseUrl: values['database-url'] ?? (values['data-dir'] ? undefined : config.databaseUrl),
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : config.dataDir,
    loadDataDir: config.pgliteTemplate,
  });
}
