import { PROFILES, type Category, type ImportCategoryListBody, type Staff } from '@waymark/shared';
import type { LiveNotifier } from '../../sockets/live-notifier';
import type { PolicyService } from './policy-service';
import {
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
  /** From a Chrome policy: URLAllowlist entries, not put in any category. */
  allowEntries: string[];
}

/**
 * Imports a list into the school's category lists (every profile shares them), as one audited
 * change per profile, pushed to the devices at once.
 */
export function createImportService(deps: { policyService: PolicyService; live: LiveNotifier }) {
  return {
    async run(who: Staff, body: ImportCategoryListBody): Promise<ImportSummary> {
      let byCategory: Partial<Record<Category, string[]>>;
      let bad: BadLine[];
      let unmapped: string[] = [];
      let allowEntries: string[] = [];
      if (body.format === 'ut1') {
        ({ byCategory, bad, unmapped } = parseUt1(body.files));
      } else {
        if (body.format === 'chrome') {
          const parsed = parseChromePolicy(body.content);
          allowEntries = parsed.allow;
          byCategory = { [body.category]: parsed.filters };
          bad = parsed.bad;
        } else {
          const parsed =
            body.format === 'domains' ? parseDomainList(body.content) : parseHostsFile(body.content);
          byCategory = { [body.category]: parsed.filters };
          bad = parsed.bad;
        }
      }

      const categories: ImportSummary['categories'] = {};
      for (const profile of PROFILES) {
        const { body: current } = await deps.policyService.body(who.schoolId, profile);
        const lists = { ...current.categoryLists };
        for (const [category, filters] of Object.entries(byCategory) as Array<[Category, string[]]>) {
          const existing = new Set<string>((lists[category] as string[] | undefined) ?? []);
          const fresh = [...new Set(filters)].filter((f) => !existing.has(f));
          categories[category] = { added: fresh.length, alreadyListed: new Set(filters).size - fresh.length };
          lists[category] = [...((lists[category] as string[] | undefined) ?? []), ...fresh];
        }
        if (Object.values(categories).every((c) => c.added === 0)) continue;
        await deps.policyService.update(
          who,
          profile,
          { ...current, categoryLists: lists },
          `${body.reason} (import: ${body.format})`,
        );
        await deps.live.profilePolicyChanged(who.schoolId, profile);
      }
      return {
        format: body.format,
        categories,
        bad: bad.slice(0, 500),
        badCount: bad.length,
        unmapped,
        allowEntries,
      };
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
