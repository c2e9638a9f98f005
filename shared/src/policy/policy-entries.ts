import { parseFilter, type UrlFilter } from '../url-filter/parse-filter';
import type { FilterEntry } from '../url-filter/match';
import { FilterSet, urlParts } from '../url-filter/match';
import { ILLEGAL_CATEGORIES, isIllegalCategory, type Category } from './categories';
import { HELP_SITES } from './help-sites';
import type { CategoryAction, LessonOverride, Policy } from './schema';
import { inTimeWindow } from './time-windows';
import { appendAll } from '../util/append-all';

/** Who is browsing and when: decides time windows, nominated users and active overrides. */
export interface PolicyContext {
  now: Date;
  /** The pupil's (or staff member's) e-mail, when known. */
  user?: string | null;
  /** The classes the user or device belongs to. */
  classIds?: readonly string[];
}

export type RuleSource =
  | 'always-allowed'
  | 'help-site'
  | 'focus'
  | 'override'
  | 'allow'
  | 'block'
  | 'category'
  | 'ip-address'
  | 'mirror';

interface RuleData {
  source: RuleSource;
  /** Human-readable reason, e.g. `category gambling: "bet365.com"`. */
  label: string;
  category: Category | null;
}

export type PolicyEntry = FilterEntry<RuleData>;

function entry(filterText: string, allow: boolean, data: RuleData): PolicyEntry | null {
  const parsed = parseFilter(filterText);
  return parsed.ok ? { filter: parsed.filter, allow, data } : null;
}

function entries(filters: readonly string[], allow: boolean, make: (f: string) => RuleData): PolicyEntry[] {
  return filters.flatMap((f) => entry(f, allow, make(f)) ?? []);
}

export function activeOverrides(policy: Policy, ctx: PolicyContext): LessonOverride[] {
  const now = ctx.now.toISOString();
  const classes = new Set(ctx.classIds ?? []);
  return policy.overrides.filter(
    (o) => o.startsAt <= now && now < o.endsAt && (classes.size === 0 || classes.has(o.classId)),
  );
}

/** Whether a category's action blocks it for this user at this moment. */
export function categoryBlocks(
  action: CategoryAction | undefined,
  policy: Policy,
  ctx: PolicyContext,
): boolean {
  switch (action?.action) {
    case undefined:
    case 'allow':
      return false;
    case 'block':
      return true;
    case 'allow-at-times':
      return !inTimeWindow(action.windows, ctx.now, policy.timeZone);
    case 'allow-for-nominated': {
      const who = new Set([ctx.user?.toLowerCase(), ...(ctx.classIds ?? [])]);
      return !action.nominated.some((n) => who.has(n.toLowerCase()) || who.has(n));
    }
  }
}

/**
 * The illegal categories' lists: blocked whatever the category's action says (or whether it is
 * set), above every allow, override, focus site, nominated user and always-allowed host
 * (docs/architecture.md, "Illegal content is always blocked").
 */
function illegalEntries(policy: Pick<Policy, 'categoryLists'>): PolicyEntry[] {
  return illegalLayer(policy).entries;
}

/** The illegal layer as a matcher, for deciding one address. */
export function illegalSet(policy: Pick<Policy, 'categoryLists'>): FilterSet<RuleData> {
  return illegalLayer(policy).set;
}

/** The illegal layer, parsed once per category-lists object (they are large, and never mutated). */
const illegalLayers = new WeakMap<object, { entries: PolicyEntry[]; set: FilterSet<RuleData> }>();

function illegalLayer(policy: Pick<Policy, 'categoryLists'>) {
  const cached = illegalLayers.get(policy.categoryLists);
  if (cached) return cached;
  const list = ILLEGAL_CATEGORIES.flatMap((category) =>
    entries(
      Object.hasOwn(policy.categoryLists, category) ? (policy.categoryLists[category] ?? []) : [],
      false,
      (f) => ({ source: 'category', label: `category ${category}: "${f}"`, category }),
    ),
  );
  const layer = { entries: list, set: new FilterSet(list) };
  illegalLayers.set(policy.categoryLists, layer);
  return layer;
}

/** Filters that win over every list but the illegal ones: help services and the policy's always-allowed hosts. */
export function alwaysAllowedEntries(policy: Policy): PolicyEntry[] {
  return dropIllegalAllows(policy, [
    ...HELP_SITES.flatMap(
      (site) =>
        entry(site.host, true, { source: 'help-site', label: `help site: ${site.name}`, category: null }) ??
        [],
    ),
    ...entries(policy.alwaysAllowed, true, (f) => ({
      source: 'always-allowed',
      label: `always allowed: "${f}"`,
      category: null,
    })),
  ]);
}

/** The address a filter names (its scheme, host and path), or null when it names no host. */
function filterUrl(filter: UrlFilter): string | null {
  if (filter.host === '') return null;
  return `${filter.scheme === 'http' ? 'http' : 'https'}://${filter.host}${filter.path || '/'}`;
}

/**
 * Leaves out every allow whose own address is on an illegal list: it could never open anything
 * but that site, and the illegal block outranks it anyway. A wider allow (a whole host the list
 * names one page of) stays, and loses to the illegal block where they meet.
 */
function dropIllegalAllows(policy: Pick<Policy, 'categoryLists'>, list: PolicyEntry[]): PolicyEntry[] {
  const { entries: illegal, set } = illegalLayer(policy);
  if (illegal.length === 0) return list;
  return list.filter((e) => {
    if (!e.allow) return true;
    const url = filterUrl(e.filter);
    const parts = url === null ? null : urlParts(url);
    return parts === null || set.match(parts) === null;
  });
}

type PolicyPlan =
  | { kind: 'focus'; illegal: PolicyEntry[]; allow: PolicyEntry[] }
  | { kind: 'lists'; illegal: PolicyEntry[]; defaultBlocks: boolean; entries: PolicyEntry[] };

/**
 * The filters in force for one user at one moment. Both the matcher (`evaluateUrl`) and the
 * DNR compiler (`compilePolicy`) work from this plan, so they cannot disagree.
 */
export function planPolicy(policy: Policy, ctx: PolicyContext): PolicyPlan {
  const illegal = illegalEntries(policy);
  const overrides = activeOverrides(policy, ctx);
  const focus = overrides.filter((o) => o.kind === 'focus');
  if (focus.length > 0) {
    return {
      kind: 'focus',
      illegal,
      allow: dropIllegalAllows(
        policy,
        focus.flatMap((o) =>
          entries(o.sites, true, (f) => ({ source: 'focus', label: `lesson focus: "${f}"`, category: null })),
        ),
      ),
    };
  }
  const list: PolicyEntry[] = [
    ...entries(policy.allow, true, (f) => ({
      source: 'allow',
      label: `${policy.profile} allow-list: "${f}"`,
      category: null,
    })),
    ...entries(policy.block, false, (f) => ({
      source: 'block',
      label: `${policy.profile} block-list: "${f}"`,
      category: null,
    })),
    ...overrides.flatMap((o) =>
      entries(o.sites, true, (f) => ({
        source: 'override',
        label: `opened for the lesson: "${f}"`,
        category: null,
      })),
    ),
  ];
  for (const [category, filters] of Object.entries(policy.categoryLists) as Array<[Category, string[]]>) {
    // The illegal lists are a layer of their own, above this one, whatever the action says.
    if (isIllegalCategory(category)) continue;
    if (!categoryBlocks(policy.categories[category], policy, ctx)) continue;
    appendAll(
      list,
      entries(filters, false, (f) => ({
        source: 'category',
        label: `category ${category}: "${f}"`,
        category,
      })),
    );
  }
  return {
    kind: 'lists',
    illegal,
    defaultBlocks: policy.mode === 'allow-list',
    entries: dropIllegalAllows(policy, list),
  };
}

export type { UrlFilter };
