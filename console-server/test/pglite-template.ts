import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PGLITE_PACKAGE = path.join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Where the template for these migrations and this PGlite lives: the key hashes every migration
 * file (SQL and journal) and PGlite's version, so a new migration or a PGlite upgrade makes a new one.
 */
export function pgliteTemplateFile(): string {
  const hash = crypto.createHash('sha256');
  hash.update(
    `pglite ${(JSON.parse(fs.readFileSync(PGLITE_PACKAGE, 'utf8')) as { version: string }).version}\n`,
  );
  for (const file of filesUnder(MIGRATIONS)) {
    hash.update(`${path.relative(MIGRATIONS, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  const key = hash.digest('hex').slice(0, 16);
  return path.join(REPO_ROOT, 'node_modules/.cache', `waymark-pglite-template-${key}`);
}

/**
 * A PGlite database with every migration applied, dumped (`dumpDataDir`) to a file once per set of
 * migrations: tests start their databases from it (`openPglite(dir, { loadDataDir })`) instead of
 * creating a PostgreSQL cluster and migrating it each time, which costs seconds per database.
 */
export async function makePgliteTemplate(): Promise<string> {
  const file = pgliteTemplateFile();
  if (fs.existsSync(file)) return file;
  const database = new PGlite();
  try {
    await migrate(drizzle({ client: database }), { migrationsFolder: MIGRATIONS });
    const dump = await database.dumpDataDir('none');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: two projects' set-ups may make it at once, and a reader never
    // sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await database.close();
  }
  return file;
}
