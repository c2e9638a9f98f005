import {
  helpSitesOnIllegalLists,
  isIllegalCategory,
  PolicyBodySchema,
  PROFILES,
  type Category,
  type ImportCategoryListBody,
  type PolicyBody,
  type Profile,
  type Staff,
} from '@waymark/shared';
import { DomainError } from '../../errors/domain-error';
import type { LiveNotifier } from '../../sockets/live-notifier';
import type { PolicyService } from './policy-service';
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
      let byCategory: Map<Category, string[]>;
      let bad: BadLine[];
      let unmapped: string[] = [];
      let allowEntries: string[] = [];
      if (body.format === 'ut1') {
        ({ byCategory, bad, unmapped } = parseUt1(body.files));
      } else {
        if (body.format === 'chrome') {
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
      const categories: ImportSummary['categories'] = {};
      const changed: Array<{ profile: Profile; body: PolicyBody }> = [];
      for (const profile of PROFILES) {
        const { body: current } = await deps.policyService.body(who.schoolId, profile);
        const lists = { ...current.categoryLists };
        for (const [category, filters] of byCategory) {
          const listed = Object.hasOwn(lists, category) ? (lists[category] ?? []) : [];
          const existing = new Set<string>(listed);
          const fresh = [...new Set(filters)].filter((f) => !existing.has(f));
          categories[category] = { added: fresh.length, alreadyListed: new Set(filters).size - fresh.length };
          lists[category] = [...listed, ...fresh];
        }
        if (Object.values(categories).every((c) => c.added === 0)) continue;
        // Devices are sent what this schema accepts: a list it refuses, once stored, would stop delivery.
        const checked = PolicyBodySchema.shape.categoryLists.safeParse(lists);
        if (!checked.success)
          throw new DomainError(
            'invalid',
            `the imported lists are not valid: ${checked.error.issues[0]!.message}`,
          );
        changed.push({ profile, body: { ...current, categoryLists: checked.data } });
      }
      for (const { profile, body: next } of changed) {
        await deps.policyService.update(who, profile, next, `${body.reason} (import: ${body.format})`);
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
