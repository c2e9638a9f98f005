import { FilterSet, urlParts, type UrlParts } from '../url-filter/match';
import { parseFilter } from '../url-filter/parse-filter';
import { ILLEGAL_CATEGORIES, type Category } from './categories';
import {
  alwaysAllowedEntries,
  illegalSet,
  planPolicy,
  type PolicyContext,
  type RuleSource,
} from './policy-entries';
import { mirrorOf } from './mirrors';
import { addressAllowed, hostAddress } from './raw-address';
import type { Policy } from './schema';

export interface Decision {
  verdict: 'allowed' | 'blocked';
  /** Which rule decided, in words a DSL or technician can act on. */
  rule: string;
  source: RuleSource | 'default' | 'invalid-url';
  category: Category | null;
}

/** Mirrors of mirrors are followed this deep, then refused. */
const MIRROR_DEPTH = 3;

/** Decides one URL for one user at one moment: the "why is this blocked?" answer. Never throws. */
export function evaluateUrl(policy: Policy, url: string, ctx: PolicyContext, depth = 0): Decision {
  const parts = urlParts(url);
  if (parts === null) {
    return { verdict: 'blocked', rule: 'not a valid web address', source: 'invalid-url', category: null };
  }
  // Illegal content first: no mirror, help or always-allowed entry, allow-list, override, focus
  // site or nominated user opens it (docs/architecture.md, "Illegal content is always blocked").
  const illegal = illegalSet(policy).match(parts);
  if (illegal) {
    return {
      verdict: 'blocked',
      rule: illegal.data.label,
      source: 'category',
      category: illegal.data.category,
    };
  }
  // A mirror shows another site under its own address: it gets that site's verdict.
  const mirror = mirrorOf(url);
  if (mirror) {
    const blocked = (rule: string): Decision => ({
      verdict: 'blocked',
      rule,
      source: 'mirror',
      category: null,
    });
    if (policy.mirrors === 'block') return blocked(`mirror sites are blocked (${mirror.form.name})`);
    if (mirror.target !== null) {
      if (depth >= MIRROR_DEPTH) return blocked(`a mirror of a mirror (${mirror.form.name})`);
      const inner = evaluateUrl(policy, mirror.target, ctx, depth + 1);
      return { ...inner, rule: `${mirror.form.name} of ${mirror.target}: ${inner.rule}` };
    }
  }
  const always = new FilterSet(alwaysAllowedEntries(policy)).match(parts);
  if (always)
    return { verdict: 'allowed', rule: always.data.label, source: always.data.source, category: null };

  const plan = planPolicy(policy, ctx);
  if (plan.kind === 'focus') {
    const hit = new FilterSet(plan.allow).match(parts);
    return hit
      ? { verdict: 'allowed', rule: hit.data.label, source: 'focus', category: null }
      : {
          verdict: 'blocked',
          rule: 'lesson focus: only the lesson’s sites are open',
          source: 'focus',
          category: null,
        };
  }
  const hit = new FilterSet(plan.entries).match(parts);
  if (hit) {
    return {
      verdict: hit.allow ? 'allowed' : 'blocked',
      rule: hit.data.label,
      source: hit.data.source,
      category: hit.data.category,
    };
  }
  const address = hostAddress(parts.host);
  if (address) {
    if (addressAllowed(address, policy.allowedAddresses ?? [])) {
      return { verdict: 'allowed', rule: 'an address the school allows', source: 'allow', category: null };
    }
    if (!plan.defaultBlocks) {
      return {
        verdict: 'blocked',
        rule: 'a raw IP address, not a site’s name',
        source: 'ip-address',
        category: null,
      };
    }
  }
  return plan.defaultBlocks
    ? {
        verdict: 'blocked',
        rule: `not on the ${policy.profile} allow-list`,
        source: 'default',
        category: knownCategory(policy, parts),
      }
    : { verdict: 'allowed', rule: 'no rule blocks it', source: 'default', category: null };
}

/**
 * The category a site is known under, whatever the profile's action for it: an allow-list miss
 * on a gambling site is still reported (and counted) as gambling.
 */
function knownCategory(policy: Policy, parts: UrlParts): Category | null {
  const entries = (Object.entries(policy.categoryLists) as Array<[Category, string[]]>).flatMap(
    ([category, filters]) =>
      filters.flatMap((f) => {
        const parsed = parseFilter(f);
        return parsed.ok ? [{ filter: parsed.filter, allow: false, data: category }] : [];
      }),
  );
  return new FilterSet(entries).match(parts)?.data ?? null;
}

/**
 * The illegal category a URL is listed under in this policy's lists, whatever the device said:
 * a request or an override for such a site is never opened, and its address never leaves the DSL.
 */
export function illegalCategoryOf(policy: Pick<Policy, 'categoryLists'>, url: string): Category | null {
  return illegalMatcher(policy)(url);
}

/** `illegalCategoryOf` with the lists compiled once, for checking many addresses against one policy. */
export function illegalMatcher(policy: Pick<Policy, 'categoryLists'>): (url: string) => Category | null {
  const entries = ILLEGAL_CATEGORIES.flatMap((category) =>
    (Object.hasOwn(policy.categoryLists, category) ? (policy.categoryLists[category] ?? []) : []).flatMap(
      (f) => {
        const parsed = parseFilter(f);
        return parsed.ok ? [{ filter: parsed.filter, allow: false, data: category }] : [];
      },
    ),
  );
  const set = new FilterSet(entries);
  return (url) => {
    const parts = urlParts(url);
    return parts === null ? null : (set.match(parts)?.data ?? null);
  };
}

/**
 * The illegal category a lesson override would open a listed site of, if any: a site the lists
 * name, or a filter wide enough to cover one of their entries.
 */
export function overrideOpensIllegal(
  policy: Pick<Policy, 'categoryLists'>,
  sites: readonly string[],
): Category | null {
  const opened = sites.flatMap((f) => {
    const parsed = parseFilter(f);
    return parsed.ok ? [{ filter: parsed.filter, allow: true, data: null }] : [];
  });
  const urlOf = (filter: { scheme: string; host: string; path: string }) =>
    `${filter.scheme === 'http' ? 'http' : 'https'}://${filter.host}${filter.path || '/'}`;
  for (const { filter } of opened) {
    const listed = filter.host === '' ? null : illegalCategoryOf(policy, urlOf(filter));
    if (listed) return listed;
  }
  const openedSet = new FilterSet(opened);
  for (const category of ILLEGAL_CATEGORIES) {
    if (!Object.hasOwn(policy.categoryLists, category)) continue;
    for (const f of policy.categoryLists[category] ?? []) {
      const parsed = parseFilter(f);
      if (parsed.ok && parsed.filter.host !== '' && openedSet.match(urlOf(parsed.filter))) return category;
    }
  }
  return null;
}
