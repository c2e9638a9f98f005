import type { UrlFilter } from '../url-filter/parse-filter';
import { evaluateUrl } from './evaluate';
import { alwaysAllowedEntries, planPolicy, type PolicyContext, type PolicyEntry } from './policy-entries';
import { SAFE_SEARCH_ENGINES, YOUTUBE } from './safe-search';
import type { Policy } from './schema';
import { appendAll } from '../util/append-all';

/** The subset of chrome.declarativeNetRequest.Rule that Waymark produces. */
type ResourceType = 'main_frame' | 'sub_frame' | 'xmlhttprequest' | 'script' | 'media' | 'other';

export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'allow' }
    | { type: 'redirect'; redirect: { regexSubstitution: string } }
    | {
        type: 'redirect';
        redirect: {
          transform: { queryTransform: { addOrReplaceParams: Array<{ key: string; value: string }> } };
        };
      }
    | { type: 'modifyHeaders'; requestHeaders: Array<{ header: string; operation: 'set'; value: string }> };
  condition: {
    requestDomains?: string[];
    regexFilter?: string;
    isUrlFilterCaseSensitive?: boolean;
    resourceTypes: ResourceType[];
  };
}

/** Chrome's limits for dynamic rules (chrome.declarativeNetRequest constants). */
export const DNR_LIMITS = {
  MAX_NUMBER_OF_DYNAMIC_RULES: 30_000,
  /** Redirect rules count as "unsafe" rules. */
  MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES: 5_000,
  MAX_NUMBER_OF_REGEX_RULES: 1_000,
  /** Query tokens are order-independent; beyond this the regex alternation grows too large. */
  MAX_QUERY_TOKENS: 3,
} as const;

export class PolicyCompileError extends Error {
  override name = 'PolicyCompileError';
}

export interface CompileOptions extends PolicyContext {
  /** The extension's block page, e.g. `chrome-extension://<id>/blocked.html`. */
  blockPage: string;
}

const FRAMES: DnrRule['condition']['resourceTypes'] = ['main_frame', 'sub_frame'];
/** Above any specificity priority: help sites and always-allowed hosts always win. */
export const ALWAYS_ALLOWED_PRIORITY = 100_000_000;
/** Above every allow rule, or an allow would stop the safe-search rewrite. */
export const SAFE_SEARCH_PRIORITY = ALWAYS_ALLOWED_PRIORITY + 1;
const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21 };

/** Mirrors Chrome's filter precedence (host length, exact host, path, query) as a DNR priority. */
export function specificityPriority(filter: UrlFilter): number {
  const host = filter.host.length * 2 + (filter.matchSubdomains ? 0 : 1);
  return 2 + (host * 2048 + Math.min(filter.path.length, 2047)) * 64 + Math.min(filter.query.length, 63);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isPlainDomain(filter: UrlFilter): boolean {
  return (
    filter.host !== '' &&
    filter.matchSubdomains &&
    filter.scheme === '' &&
    filter.port === 0 &&
    filter.path === '' &&
    filter.query.length === 0
  );
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** An RE2 regex (DNR's engine: no look-ahead) matching exactly the URLs the Chrome filter selects. */
export function filterToRegex(filter: UrlFilter): string {
  if (filter.query.length > DNR_LIMITS.MAX_QUERY_TOKENS) {
    throw new PolicyCompileError(
      `filter "${filter.source}" has ${filter.query.length} query tokens; Waymark can enforce at most ${DNR_LIMITS.MAX_QUERY_TOKENS} per filter`,
    );
  }
  const anyScheme = '[a-z][a-z0-9+.-]*';
  const userinfo = '(?:[^/?#@]*@)?';
  const host =
    filter.host === ''
      ? '[^/?#]*'
      : filter.matchSubdomains
        ? `(?:[^/?#@]*\\.)?${escapeRegex(filter.host)}`
        : escapeRegex(filter.host);
  let authority: string;
  if (filter.port === 0) {
    authority = `${filter.scheme === '' ? anyScheme : escapeRegex(filter.scheme)}://${userinfo}${host}(?::[0-9]+)?`;
  } else {
    // Chrome omits a scheme's default port from the URL, so `:80` must also match a bare http URL.
    const schemes = filter.scheme === '' ? Object.keys(DEFAULT_PORT) : [filter.scheme];
    const implicit = schemes.filter((s) => DEFAULT_PORT[s] === filter.port);
    const explicit = `${filter.scheme === '' ? anyScheme : escapeRegex(filter.scheme)}://${userinfo}${host}:${filter.port}`;
    authority =
      implicit.length > 0 ? `(?:(?:${implicit.join('|')})://${userinfo}${host}|${explicit})` : explicit;
  }
  const path = filter.path === '' ? '(?:[/?#]|$)' : escapeRegex(filter.path);
  let query = '';
  if (filter.query.length > 0) {
    const token = (t: UrlFilter['query'][number]) => {
      const key = escapeRegex(t.key);
      if (t.value === null) return t.prefix ? `${key}[^&#]*` : `${key}(?:=[^&#]*)?`;
      return `${key}=${escapeRegex(t.value)}${t.prefix ? '[^&#]*' : ''}`;
    };
    const orders = permutations(filter.query).map((order) =>
      order.map((t) => `(?:[^#]*&)?${token(t)}(?:[&#]|$)`).join(''),
    );
    query = `[^?#]*\\?(?:${orders.join('|')})`;
  }
  return `^${authority}${path}${query}.*$`;
}

interface Counter {
  next: number;
  /** Regex rules made so far: a list of paths past Chrome's limit is refused before compiling the rest. */
  regex: number;
}

function redirectAction(blockPage: string): DnrRule['action'] {
  return { type: 'redirect', redirect: { regexSubstitution: `${blockPage}#\\0` } };
}

function entriesToRules(
  list: PolicyEntry[],
  ids: Counter,
  blockPage: string,
  fixedPriority?: number,
): DnrRule[] {
  const rules: DnrRule[] = [];
  // Plain domains with the same action and priority share one rule (requestDomains).
  const groups = new Map<string, { allow: boolean; priority: number; domains: Set<string> }>();
  for (const { filter, allow } of list) {
    const priority = fixedPriority ?? specificityPriority(filter);
    if (isPlainDomain(filter)) {
      const key = `${allow}:${priority}`;
      const group = groups.get(key) ?? { allow, priority, domains: new Set<string>() };
      group.domains.add(filter.host);
      groups.set(key, group);
      continue;
    }
    if (++ids.regex > DNR_LIMITS.MAX_NUMBER_OF_REGEX_RULES) tooManyRegexRules(ids.regex, true);
    rules.push({
      id: ids.next++,
      priority,
      action: allow ? { type: 'allow' } : redirectAction(blockPage),
      condition: {
        regexFilter: filterToRegex(filter),
        isUrlFilterCaseSensitive: true,
        resourceTypes: FRAMES,
      },
    });
  }
  for (const group of groups.values()) {
    rules.push({
      id: ids.next++,
      priority: group.priority,
      action: group.allow ? { type: 'allow' } : redirectAction(blockPage),
      condition: {
        requestDomains: [...group.domains].sort(),
        ...(group.allow ? {} : { regexFilter: '^.*$' }),
        resourceTypes: FRAMES,
      },
    });
  }
  return rules;
}

function tooManyRegexRules(count: number, atLeast = false): never {
  throw new PolicyCompileError(
    `policy is too large for Chrome's rule limits: ${atLeast ? 'over ' : ''}${count - (atLeast ? 1 : 0)} regex rules (Chrome allows ${DNR_LIMITS.MAX_NUMBER_OF_REGEX_RULES}); use plain domains, not paths, ports or schemes, where you can`,
  );
}

function checkLimits(rules: DnrRule[]): void {
  const regex = rules.filter((r) => r.condition.regexFilter !== undefined).length;
  const unsafe = rules.filter(
    (r) => r.action.type === 'redirect' || r.action.type === 'modifyHeaders',
  ).length;
  const problems: string[] = [];
  if (rules.length > DNR_LIMITS.MAX_NUMBER_OF_DYNAMIC_RULES) {
    problems.push(`${rules.length} rules (Chrome allows ${DNR_LIMITS.MAX_NUMBER_OF_DYNAMIC_RULES})`);
  }
  if (unsafe > DNR_LIMITS.MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES) {
    problems.push(
      `${unsafe} redirect rules (Chrome allows ${DNR_LIMITS.MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES})`,
    );
  }
  if (regex > DNR_LIMITS.MAX_NUMBER_OF_REGEX_RULES) {
    problems.push(
      `${regex} regex rules (Chrome allows ${DNR_LIMITS.MAX_NUMBER_OF_REGEX_RULES}); use plain domains, not paths, ports or schemes, where you can`,
    );
  }
  if (problems.length > 0) {
    throw new PolicyCompileError(`policy is too large for Chrome's rule limits: ${problems.join('; ')}`);
  }
}

/**
 * Compiles a policy, for one user at one moment, into the dynamic declarativeNetRequest rules the
 * extension installs. Pure: same input, same rules. Throws PolicyCompileError past Chrome's limits.
 */
export function compilePolicy(policy: Policy, options: CompileOptions): DnrRule[] {
  const ids: Counter = { next: 1, regex: 0 };
  const { blockPage } = options;
  const rules = entriesToRules(alwaysAllowedEntries(policy), ids, blockPage, ALWAYS_ALLOWED_PRIORITY);
  const plan = planPolicy(policy, options);
  const catchAll = (): DnrRule => ({
    id: ids.next++,
    priority: 1,
    action: { type: 'redirect', redirect: { regexSubstitution: `${blockPage}#\\1` } },
    condition: { regexFilter: '^(.*)$', resourceTypes: FRAMES },
  });
  if (plan.kind === 'focus') {
    appendAll(rules, entriesToRules(plan.allow, ids, blockPage)).push(catchAll());
  } else {
    appendAll(rules, entriesToRules(plan.entries, ids, blockPage));
    if (plan.defaultBlocks) rules.push(catchAll());
  }
  if (policy.safeSearch) rules.push(...safeSearchRules(policy, options, ids));
  checkLimits(rules);
  return rules;
}

/**
 * Safe-search rules for the engines this policy lets the pupil use. A blocked engine gets none:
 * its block rule must decide, not a rewrite.
 */
function safeSearchRules(policy: Policy, ctx: PolicyContext, ids: Counter): DnrRule[] {
  const rules: DnrRule[] = [];
  for (const engine of SAFE_SEARCH_ENGINES) {
    if (evaluateUrl(policy, engine.probe, ctx).verdict !== 'allowed') continue;
    rules.push({
      id: ids.next++,
      priority: SAFE_SEARCH_PRIORITY,
      action: {
        type: 'redirect',
        redirect: { transform: { queryTransform: { addOrReplaceParams: [engine.param] } } },
      },
      condition: { regexFilter: engine.regexFilter, resourceTypes: ['main_frame', 'sub_frame'] },
    });
  }
  if (evaluateUrl(policy, YOUTUBE.probe, ctx).verdict === 'allowed') {
    rules.push({
      id: ids.next++,
      priority: SAFE_SEARCH_PRIORITY,
      action: { type: 'modifyHeaders', requestHeaders: [{ ...YOUTUBE.header, operation: 'set' }] },
      condition: {
        requestDomains: [...YOUTUBE.domains],
        resourceTypes: ['main_frame', 'sub_frame', 'xmlhttprequest', 'script', 'media', 'other'],
      },
    });
  }
  return rules;
}
