import {
  FilterSet,
  HELP_SITE_HOSTS,
  parseFilter,
  urlParts,
  type Category,
  type LessonOverride,
  type TabInfo,
} from '@waymark/shared';

/** The lesson's sites now: a tab on none of them is off task. Null when the lesson names none. */
export type LessonSites = FilterSet<null> | null;

/** The sites of the lesson's open and focus overrides in force at `now`, as one matcher. */
export function lessonSites(overrides: readonly LessonOverride[], now = new Date()): LessonSites {
  const current = overrides.filter(
    (o) => Date.parse(o.startsAt) <= now.getTime() && now.getTime() < Date.parse(o.endsAt),
  );
  const entries = current.flatMap((o) =>
    o.sites.flatMap((site) => {
      const parsed = parseFilter(site);
      return parsed.ok ? [{ filter: parsed.filter, allow: true, data: null }] : [];
    }),
  );
  return entries.length > 0 ? new FilterSet(entries) : null;
}

/** Help sites are never off task: a pupil looking for help is never marked for it. */
const HELP = new FilterSet(
  HELP_SITE_HOSTS.flatMap((host) => {
    const parsed = parseFilter(host);
    return parsed.ok ? [{ filter: parsed.filter, allow: true, data: null }] : [];
  }),
);

/** Why a tab is off task: a category the teacher marked for the lesson, or outside the lesson's sites. */
export type OffTaskReason = { kind: 'category'; category: Category } | { kind: 'site' };

/**
 * Whether a tab is off task, and why. The block page, a hidden address, a help site and the
 * browser's own pages (a new tab) are not: the pupil is on none of the lesson's rivals. A site the
 * lesson opens is never off task, whatever its category (the teacher opened it); elsewhere, a
 * category the teacher marked for the lesson is, and so is any site outside the lesson's sites.
 */
export function offTaskReason(
  tab: TabInfo,
  sites: LessonSites | undefined,
  categories: ReadonlySet<Category> = new Set(),
): OffTaskReason | null {
  if (tab.blocked || tab.url === null || !/^https?:\/\//i.test(tab.url)) return null;
  const parts = urlParts(tab.url);
  if (parts === null || HELP.match(parts) !== null) return null;
  if (sites && sites.match(parts) !== null) return null;
  if (tab.category && categories.has(tab.category)) return { kind: 'category', category: tab.category };
  return sites ? { kind: 'site' } : null;
}

/** A web page outside the lesson's sites, or in a category marked off task for the lesson. */
export function isOffTask(
  tab: TabInfo,
  sites: LessonSites | undefined,
  categories?: ReadonlySet<Category>,
): boolean {
  return offTaskReason(tab, sites, categories) !== null;
}
