import { FilterSet } from '../url-filter/match';
import { parseFilter } from '../url-filter/parse-filter';
import { ILLEGAL_CATEGORIES, type Category } from './categories';
import { illegalCategoryOf } from './evaluate';
import { HELP_SITES } from './help-sites';
import type { Policy } from './schema';

/**
 * The edit guards for the illegal lists (docs/architecture.md, "Illegal content is always
 * blocked"): what the server refuses before it stores a list or an allow-list. Devices enforce
 * the stored lists as they are; these checks keep a mistake from being stored at all.
 */

interface HelpSiteOnIllegalList {
  category: Category;
  filter: string;
  helpSite: string;
}

/**
 * Help sites an illegal list would block: an entry on a help site, or one wide enough to cover
 * one. A block page's help link must never lead to another block page, and the illegal lists
 * outrank every allow, help sites included, so such a list is refused.
 */
export function helpSitesOnIllegalLists(lists: Policy['categoryLists']): HelpSiteOnIllegalList[] {
  const found: HelpSiteOnIllegalList[] = [];
  for (const category of ILLEGAL_CATEGORIES) {
    if (!Object.hasOwn(lists, category)) continue;
    for (const filter of lists[category] ?? []) {
      const parsed = parseFilter(filter);
      if (!parsed.ok) continue;
      const covers = new FilterSet([{ filter: parsed.filter, allow: false, data: null }]);
      const host = parsed.filter.host.toLowerCase().replace(/\.$/, '');
      const site = HELP_SITES.find(
        (s) =>
          host === s.host ||
          host.endsWith(`.${s.host}`) ||
          covers.match(`https://${s.host}/`) !== null ||
          covers.match(`https://www.${s.host}/`) !== null,
      );
      if (site) found.push({ category, filter, helpSite: site.name });
    }
  }
  return found;
}

/**
 * The allow entries that name a site on an illegal list (the site, or a page of it): such an
 * entry could open nothing, since the illegal block outranks it. A wider entry (a whole host the
 * list names one page of) is not one of these: it is a real allow, and loses only where they meet.
 */
export function allowsNamingIllegal(
  policy: Pick<Policy, 'categoryLists'>,
  filters: readonly string[],
): Array<{ filter: string; category: Category }> {
  return filters.flatMap((filter) => {
    const parsed = parseFilter(filter);
    if (!parsed.ok || parsed.filter.host === '') return [];
    const f = parsed.filter;
    const url = `${f.scheme === 'http' ? 'http' : 'https'}://${f.host}${f.path || '/'}`;
    const category = illegalCategoryOf(policy, url);
    return category ? [{ filter, category }] : [];
  });
}
