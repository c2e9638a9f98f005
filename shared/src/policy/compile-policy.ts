import type { UrlFilter } from '../url-filter/parse-filter';
import { evaluateUrl } from './evaluate';
import { alwaysAllowedEntries, planPolicy, type PolicyContext, type PolicyEntry } from './policy-entries';
import { SAFE_SEARCH_ENGINES, YOUTUBE } from './safe-search';
import { MIRROR_FORMS } from './mirrors';
import { addressRangeRegex, parseAddressRange, RAW_ADDRESS_REGEX } from './raw-address';
import type { Policy } from './schema';
import { appendAll } from '../util/append-all';

/** chrome.declarativeNetRequest.ResourceType. */
export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'object'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'webtransport'
  | 'webbundle'
  | 'other';

/** The subset of chrome.declarativeNetRequest.Rule that Waymark produces. */
export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'allow' }
    | { type: 'block' }
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

interface CompileOptions extends PolicyContext {
  /** The extension's block page, e.g. `chrome-extension://<id>/blocked.html`. */
  blockPage: string;
}

/**
 * What a block redirects to the block page: navigations, and `<object>`/`<embed>` loads (DNR's
 * `object`), which otherwise show a blocked site inside an allowed page.
 */
export const NAVIGATIONS: ResourceType[] = ['main_frame', 'sub_frame', 'object'];
/**
 * Everything else a page can load. The school's block list and blocked categories refuse these too
 * (a page must not pull a blocked site's content in by fetch, image, script or socket); an
 * allow-list's default does not, so the CDNs allowed pages use keep working.
 */
export const SUBRESOURCES: ResourceType[] = [
  'stylesheet',
  'script',
  'image',
  'font',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'webtransport',
  'webbundle',
  'other',
];
/** Allow rules are exceptions to blocks of every kind, so they cover every resource type. */
const ALL_TYPES: ResourceType[] = [...NAVIGATIONS, ...SUBRESOURCES];
/** Above any specificity priority: help sites and always-allowed hosts always win. */
export const ALWAYS_ALLOWED_PRIORITY = 100_000_000;
/**
 * Mirrors go to the block page whatever else allows them; there the device reads the site they
 * carry and, when the policy allows that site, lets this one mirror URL through for that tab (a
 * session rule at this priority; allow wins at equal priority).
 */
export const MIRROR_PRIORITY = ALWAYS_ALLOWED_PRIORITY + 1;
/** Above every allow rule, or an allow would stop the safe-search rewrite. */
export const SAFE_SEARCH_PRIORITY = ALWAYS_ALLOWED_PRIORITY + 2;
/**
 * Illegal categories' lists: above every other rule this compiler, the lock, the visitor notice
 * or a mirror pass makes, so no allow of any kind can outrank them (docs/architecture.md,
 * "Illegal content is always blocked").
 */
export const ILLEGAL_PRIORITY = ALWAYS_ALLOWED_PRIORITY + 1_000;
/** The school's allowed addresses, above the refusal of raw addresses and an allow-list's default. */
const ADDRESS_PRIORITY = 2;
const DEFAULT_PORT = new Map([
  ['http', 80],
  ['https', 443],
  ['ws', 80],
  ['wss', 443],
  ['ftp', 21],
]);

/** Mirrors Chrome's filter precedence (host length, exact host, path, query) as a DNR priority. */
export function specificityPriority(filter: UrlFilter): number {
  const host = filter.host.length * 2 + (filter.matchSubdomains ? 0 : 1);
  return 2 + (host * 2048 + Math.min(filter.path.length, 2047)) * 64 + Math.min(filter.query.length, 63);
}

/** Escapes text for an RE2 regex (a DNR `regexFilter`). */
export const escapeRegexText = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeRegex = escapeRegexText;

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
function filterToRegex(filter: UrlFilter): string {
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
    const schemes = filter.scheme === '' ? [...DEFAULT_PORT.keys()] : [filter.scheme];
    const implicit = schemes.filter((s) => DEFAULT_PORT.get(s) === filter.port);
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
    // A block is two regex rules (redirect and block), an allow one.
    const regexRules = allow ? 1 : 2;
    if (ids.regex + regexRules > DNR_LIMITS.MAX_NUMBER_OF_REGEX_RULES) {
      tooManyRegexRules(DNR_LIMITS.MAX_NUMBER_OF_REGEX_RULES + 1, true);
    }
    ids.regex += regexRules;
    const regexFilter = filterToRegex(filter);
    if (allow) {
      rules.push({
        id: ids.next++,
        priority,
        action: { type: 'allow' },
        condition: { regexFilter, isUrlFilterCaseSensitive: true, resourceTypes: ALL_TYPES },
      });
      continue;
    }
    rules.push({
      id: ids.next++,
      priority,
      action: redirectAction(blockPage),
      condition: { regexFilter, isUrlFilterCaseSensitive: true, resourceTypes: NAVIGATIONS },
    });
    rules.push({
      id: ids.next++,
      priority,
      action: { type: 'block' },
      condition: { regexFilter, isUrlFilterCaseSensitive: true, resourceTypes: SUBRESOURCES },
    });
  }
  for (const group of groups.values()) {
    const requestDomains = [...group.domains].sort();
    if (group.allow) {
      rules.push({
        id: ids.next++,
        priority: group.priority,
        action: { type: 'allow' },
        condition: { requestDomains, resourceTypes: ALL_TYPES },
      });
      continue;
    }
    rules.push({
      id: ids.next++,
      priority: group.priority,
      action: redirectAction(blockPage),
      condition: { requestDomains, regexFilter: '^.*$', resourceTypes: NAVIGATIONS },
    });
    rules.push({
      id: ids.next++,
      priority: group.priority,
      action: { type: 'block' },
      condition: { requestDomains, resourceTypes: SUBRESOURCES },
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
  appendAll(rules, entriesToRules(plan.illegal, ids, blockPage, ILLEGAL_PRIORITY));
  const catchAll = (): DnrRule => ({
    id: ids.next++,
    priority: 1,
    action: { type: 'redirect', redirect: { regexSubstitution: `${blockPage}#\\1` } },
    condition: { regexFilter: '^(.*)$', resourceTypes: NAVIGATIONS },
  });
  for (const form of MIRROR_FORMS) {
    rules.push({
      id: ids.next++,
      priority: MIRROR_PRIORITY,
      action: redirectAction(blockPage),
      condition: { regexFilter: form.regex, resourceTypes: NAVIGATIONS },
    });
  }
  for (const entry of policy.allowedAddresses ?? []) {
    const range = parseAddressRange(entry);
    if (!range) continue;
    rules.push({
      id: ids.next++,
      priority: ADDRESS_PRIORITY,
      action: { type: 'allow' },
      condition: { regexFilter: addressRangeRegex(range), resourceTypes: ALL_TYPES },
    });
  }
  if (plan.kind === 'focus') {
    appendAll(rules, entriesToRules(plan.allow, ids, blockPage)).push(catchAll());
  } else {
    appendAll(rules, entriesToRules(plan.entries, ids, blockPage));
    if (plan.defaultBlocks) rules.push(catchAll());
    // A raw address skips every domain rule: a block-list refuses it unless the school allows it.
    else {
      rules.push({
        id: ids.next++,
        priority: 1,
        action: redirectAction(blockPage),
        condition: { regexFilter: RAW_ADDRESS_REGEX, resourceTypes: NAVIGATIONS },
      });
    }
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
