import {
  helpSitesOnIllegalLists,
  isIllegalCategory,
  type Category,
  type ImportCategoryListBody,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { categorySources } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import { recordCategoryChange, type CategoryStore } from '../category-data';
import {
  HELP_SITE_LINE,
  parseChromePolicy,
  parseDomainList,
  parseHostsFile,
  parseUt1,
  type BadLine,
} from './category-importers';

interface ImportSummary {
  format: ImportCategoryListBody['format'];
  categories: Partial<Record<Category, { added: number; alreadyListed: number }>>;
  /** Lines that were not imported, by number (the first 500; `badCount` has them all). */
  bad: BadLine[];
  badCount: number;
  unmapped: string[];
  /** UT1 folders named after an illegal category: illegal lists are imported one list at a time. */
  illegal: string[];
  /** From a Chrome policy: URLAllowlist entries, not put in any category. */
  allowEntries: string[];
  /** The uploads source's version after the import. */
  version: number;
}

/** The school's source for uploaded lists (each upload adds to it). */
function uploadsSourceId(schoolId: string): string {
  return `uploads-${schoolId}`;
}

/**
 * Imports an uploaded list into the school's category store (the "Uploaded lists" source, added
 * to), as one new version with a change-control entry; devices are told to sync. No policy changes.
 */
export function createImportService(deps: {
  db: Database;
  store: CategoryStore;
  categoriesChanged: (schoolId: string) => Promise<void>;
}) {
  return {
    async run(who: Staff, body: ImportCategoryListBody): Promise<ImportSummary> {
      let byCategory: Map<Category, string[]>;
      let bad: BadLine[];
      let unmapped: string[] = [];
      let illegal: string[] = [];
      let allowEntries: string[] = [];
      if (body.format === 'ut1') {
        ({ byCategory, bad, unmapped, illegal } = parseUt1(body.files));
      } else if (body.format === 'chrome') {
        const parsed = parseChromePolicy(body.content);
        allowEntries = parsed.allow;
        byCategory = new Map([[body.category, parsed.filters]]);
        bad = parsed.bad;
      } else {
        const parsed =
          body.format === 'domains' ? parseDomainList(body.content) : parseHostsFile(body.content);
        byCategory = new Map([[body.category, parsed.filters]]);
        bad = parsed.bad;
      }

      // docs/architecture.md, "Illegal content is always blocked": help sites are never on those lists.
      // A help site in a list meant for illegal content means the file is wrong: none of it is taken.
      const skippedHelp = bad.filter((b) => b.error === HELP_SITE_LINE).map((b) => b.text.trim());
      const help = helpSitesOnIllegalLists({
        ...Object.fromEntries(byCategory),
        ...(body.format !== 'ut1' && isIllegalCategory(body.category)
          ? { [body.category]: [...(byCategory.get(body.category) ?? []), ...skippedHelp] }
          : {}),
      });
      if (help.length > 0)
        throw new DomainError(
          'invalid',
          `this import would put help sites every block page points to on an illegal list (${help
            .slice(0, 5)
            .map((h) => `"${h.filter}" covers ${h.helpSite}, ${h.category}`)
            .join(
              '; ',
            )}); nothing was imported: take ${help.length === 1 ? 'that line' : 'those lines'} out of the file`,
        );

      const id = uploadsSourceId(who.schoolId);
      await deps.db
        .insert(categorySources)
        .values({
          id,
          schoolId: who.schoolId,
          name: 'Uploaded lists',
          kind: 'manual',
          format: 'mixed',
          createdBy: who.id,
        })
        .onConflictDoNothing();
      await deps.store.adoptLegacy(who.schoolId);
      const source = (await deps.store.source(who.schoolId, id))!;
      const before: Record<string, number> = source.counts ?? {};
      const rows = [...byCategory].map(([category, filters]) =>
        filters.map((entry) => ({ category, entry })),
      );
      const staged = await deps.store.stage(id, source.version + 1, rows, {
        version: source.version,
        categories: Object.keys(before),
      });

      const categories: ImportSummary['categories'] = {};
      for (const [category, filters] of byCategory) {
        const added = (staged.counts[category] ?? 0) - (before[category] ?? 0);
        categories[category] = { added, alreadyListed: new Set(filters).size - added };
      }
      if (staged.count === source.entryCount && source.version > 0) {
        await deps.store.discard(id, staged.version);
        staged.version = source.version;
      } else {
        const changes = await deps.store.compare(id, source.version, staged.version, {
          from: Object.keys(before),
          to: Object.keys(staged.counts),
        });
        await deps.store.swap(id, staged, changes);
        await recordCategoryChange(deps.db, {
          schoolId: who.schoolId,
          staffId: who.id,
          staffName: who.name,
          source: { id, name: source.name },
          version: staged.version,
          reason: `${body.reason} (import: ${body.format})`,
          changes,
        });
        await deps.categoriesChanged(who.schoolId);
      }
      return {
        format: body.format,
        categories,
        bad: bad.slice(0, 500),
        badCount: bad.length,
        unmapped,
        illegal,
        allowEntries,
        version: staged.version,
      };
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
