import { and, asc, eq, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import {
  describeZodError,
  ExpectedDeviceRowSchema,
  type ExpectedDevice,
  type ImportProblem,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { expectedDevices } from '../../db/schema';

/** A school's asset register is a few thousand devices; a file far bigger than that is a mistake. */
const MAX_EXPECTED_DEVICES = 20_000;
/** Problems reported back per import: enough to fix a file, not a wall of text. */
const MAX_PROBLEMS = 100;

type ExpectedDevicesImport =
  { ok: true; imported: number } | { ok: false; problems: ImportProblem[]; problemCount: number };

interface ParsedRecord {
  record: Record<string, string | undefined>;
  info: { lines: number };
  raw: string;
}

/** `Asset Tag`, `asset-tag` and `ASSET_TAG` are the same column. */
const columnName = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The line a record starts on (csv-parse counts the line it ends on; a quoted cell may span lines). */
function startLine({ info, raw }: ParsedRecord): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return info.lines - (body.match(/\n/g)?.length ?? 0);
}

/**
 * The school's expected devices, from its asset register as CSV: a header row with `asset_tag`
 * and `name` (other columns are ignored, so a full asset-register export can be used as it is).
 * An import replaces the inventory, and only a file with no problems is imported: a half-imported
 * register would show devices as missing that are not.
 */
export function createExpectedDevices({ db }: { db: Database }) {
  function check(csv: string): {
    rows: Array<{ assetTag: string; name: string }>;
    problems: ImportProblem[];
  } {
    const problems: ImportProblem[] = [];
    let records: ParsedRecord[];
    try {
      records = parse(csv.replace(/\r\n?/g, '\n'), {
        columns: (headers: string[]) => headers.map(columnName),
        skip_empty_lines: true,
        trim: true,
        bom: true,
        info: true,
        raw: true,
        relax_column_count: true,
      }) as unknown as ParsedRecord[];
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 1;
      return { rows: [], problems: [{ line, error: `not a CSV file: ${(error as Error).message}` }] };
    }
    const header = Object.keys(records[0]?.record ?? {});
    if (records.length === 0) {
      return {
        rows: [],
        problems: [{ line: 1, error: 'no devices: the file needs a header row and a row per device' }],
      };
    }
    const missing = ['asset_tag', 'name'].filter((c) => !header.includes(c));
    if (missing.length > 0) {
      return {
        rows: [],
        problems: [
          {
            line: 1,
            error: `the header row needs ${missing.join(' and ')} (found: ${header.join(', ')})`,
          },
        ],
      };
    }
    if (records.length > MAX_EXPECTED_DEVICES) {
      return {
        rows: [],
        problems: [{ line: 1, error: `more than ${MAX_EXPECTED_DEVICES} devices in one file` }],
      };
    }
    const seen = new Map<string, number>();
    const rows: Array<{ assetTag: string; name: string }> = [];
    for (const parsed of records) {
      const line = startLine(parsed);
      const row = ExpectedDeviceRowSchema.safeParse({
        asset_tag: parsed.record.asset_tag ?? '',
        name: parsed.record.name ?? '',
      });
      if (!row.success) {
        problems.push({ line, error: describeZodError(row.error) });
        continue;
      }
      const key = row.data.asset_tag.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ line, error: `asset_tag ${row.data.asset_tag} is also on line ${first}` });
        continue;
      }
      seen.set(key, line);
      rows.push({ assetTag: row.data.asset_tag, name: row.data.name });
    }
    return { rows, problems };
  }

  return {
    async list(schoolId: string): Promise<ExpectedDevice[]> {
      const rows = await db
        .select()
        .from(expectedDevices)
        .where(eq(expectedDevices.schoolId, schoolId))
        .orderBy(asc(expectedDevices.assetTag));
      return rows.map((r) => ({
        assetTag: r.assetTag,
        name: r.name,
        importedAt: r.importedAt.toISOString(),
      }));
    },

    async import(schoolId: string, csv: string, now = new Date()): Promise<ExpectedDevicesImport> {
      const { rows, problems } = check(csv);
      if (problems.length > 0) {
        return { ok: false, problems: problems.slice(0, MAX_PROBLEMS), problemCount: problems.length };
      }
      // PGlite has one connection: nothing may query `db` while this transaction is open.
      await db.transaction(async (tx) => {
        await tx.delete(expectedDevices).where(eq(expectedDevices.schoolId, schoolId));
        for (let i = 0; i < rows.length; i += 1000) {
          await tx
            .insert(expectedDevices)
            .values(rows.slice(i, i + 1000).map((r) => ({ ...r, schoolId, importedAt: now })));
        }
      });
      return { ok: true, imported: rows.length };
    },

    /** Takes one device off the inventory (written off, sold); asset tags match whatever their case. */
    async remove(schoolId: string, assetTag: string): Promise<boolean> {
      const removed = await db
        .delete(expectedDevices)
        .where(
          and(
            eq(expectedDevices.schoolId, schoolId),
            sql`lower(${expectedDevices.assetTag}) = lower(${assetTag})`,
          ),
        )
        .returning();
      return removed.length > 0;
    },
  };
}
export type ExpectedDevicesService = ReturnType<typeof createExpectedDevices>;
