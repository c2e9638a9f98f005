import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../src';
import { rawQuery } from '../src/db/raw-query';
import { makePgliteTemplate } from './pglite-template';

const journal = JSON.parse(
  fs.readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: Array<{ tag: string }> };

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-template-'));
  dirs.push(dir);
  return dir;
}

/** Every table's columns, the indexes and the constraints: what the migrations make. */
async function schemaOf(db: Database): Promise<unknown[]> {
  const query = rawQuery(db);
  const columns = await query(
    `select table_name, column_name, data_type, is_nullable, column_default
     from information_schema.columns where table_schema in ('public', 'drizzle')
     order by table_name, column_name`,
    [],
  );
  const indexes = await query(
    `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
     order by tablename, indexname`,
    [],
  );
  const constraints = await query(
    `select conrelid::regclass::text as on_table, conname, pg_get_constraintdef(oid) as definition
     from pg_constraint where connamespace = 'public'::regnamespace order by on_table, conname`,
    [],
  );
  expect(columns.rows.length).toBeGreaterThan(50);
  return [columns.rows, indexes.rows, constraints.rows];
}

async function appliedMigrations(db: Database): Promise<number> {
  const result = await rawQuery(db)<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
    [],
  );
  return result.rows[0]!.n;
}

describe('the migrated PGlite template', () => {
  it('holds what the real migrations make from an empty database', async () => {
    const fromEmpty = await openPglite(null);
    const fromTemplate = await openPglite(null, { loadDataDir: await makePgliteTemplate() });
    try {
      expect(await appliedMigrations(fromEmpty.db)).toBe(journal.entries.length);
      expect(await appliedMigrations(fromTemplate.db)).toBe(journal.entries.length);
      expect(await schemaOf(fromTemplate.db)).toEqual(await schemaOf(fromEmpty.db));
    } finally {
      await fromEmpty.close();
      await fromTemplate.close();
    }
    // Creating a database and running every migration is the slow path the template saves.
  }, 120_000);

  it('starts a new data folder, which keeps its rows and is never loaded over when opened again', async () => {
    const template = await makePgliteTemplate();
    const dir = tempDir();
    const first = await openPglite(dir, { loadDataDir: template });
    await rawQuery(first.db)(`insert into schools (id, name) values ('kept', 'Kept School')`, []);
    await first.close();
    const again = await openPglite(dir, { loadDataDir: template });
    try {
      const result = await rawQuery(again.db)(`select name from schools where id = 'kept'`, []);
      expect(result.rows).toEqual([{ name: 'Kept School' }]);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('is what a new database starts from, in memory and in a data folder (not a fresh one)', async () => {
    // A dump with a mark of its own in it: only a database made from this dump has the mark.
    const marked = new PGlite();
    await marked.exec(
      'create table template_mark (made_by text); insert into template_mark values ($$this dump$$)',
    );
    const dump = path.join(tempDir(), 'marked-dump');
    fs.writeFileSync(dump, Buffer.from(await (await marked.dumpDataDir('none')).arrayBuffer()));
    await marked.close();
    for (const dataDir of [null, path.join(tempDir(), 'data')]) {
      const database = await openPglite(dataDir, { loadDataDir: dump });
      try {
        const mark = await rawQuery(database.db)('select made_by from template_mark', []);
        expect(mark.rows).toEqual([{ made_by: 'this dump' }]);
        // And the migrations ran on top of it as usual.
        expect(await appliedMigrations(database.db)).toBe(journal.entries.length);
      } finally {
        await database.close();
      }
    }
  }, 120_000);

  it('is named by the migrations and the PGlite version, and made once', async () => {
    const file = await makePgliteTemplate();
    expect(path.basename(file)).toMatch(/^waymark-pglite-template-[0-9a-f]{16}$/);
    const made = fs.statSync(file).mtimeMs;
    expect(await makePgliteTemplate()).toBe(file);
    expect(fs.statSync(file).mtimeMs).toBe(made);
  });
});
