import {
  FilterSet,
  HELP_SITE_HOSTS,
  parseFilter,
  urlParts,
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

/**
 * A web page outside the lesson's sites. The block page, a hidden address, a help site and the
 * browser's own pages (a new tab) are not off task: the pupil is on none of the lesson's rivals.
 */
export function isOffTask(tab: TabInfo, sites: LessonSites | undefined): boolean {
  if (!sites || tab.blocked || tab.url === null || !/^https?:\/\//i.test(tab.url)) return false;
  const parts = urlParts(tab.url);
  return parts !== null && sites.match(parts) === null && HELP.match(parts) === null;
}
