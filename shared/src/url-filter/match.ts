import { isIpAddress, parseFilter, type QueryToken, type UrlFilter } from './parse-filter';

export interface FilterEntry<T = unknown> {
  filter: UrlFilter;
  allow: boolean;
  data: T;
}

/** The parts of a URL that Chrome's filter format looks at. */
export interface UrlParts {
  scheme: string;
  host: string;
  port: number;
  path: string;
  query: Array<[string, string | null]>;
}

// A Map: the scheme is the URL's own (`constructor://host/` is a valid URL).
const DEFAULT_PORTS = new Map([
  ['http', 80],
  ['https', 443],
  ['ws', 80],
  ['wss', 443],
  ['ftp', 21],
]);

/** Splits a URL for matching; returns null for anything that is not a URL (never throws). */
export function urlParts(input: unknown): UrlParts | null {
  if (typeof input !== 'string') return null;
  let url: URL;
  let scheme: string;
  try {
    url = new URL(input.trim());
    scheme = url.protocol.slice(0, -1).toLowerCase();
    if (scheme === 'blob') {
      // Chrome matches blob: URLs by the origin they were made in.
      url = new URL(url.pathname);
      scheme = url.protocol.slice(0, -1).toLowerCase();
    } else if (scheme === 'filesystem') {
      // A filesystem: URL keeps its own scheme (`filesystem:*` matches it, `https://host` does not)
      // and is matched on the host, port and path of the origin it belongs to.
      url = new URL(url.pathname);
    }
  } catch {
    return null;
  }
  const portScheme = url.protocol.slice(0, -1).toLowerCase();
  let host = url.hostname.toLowerCase();
  while (host.endsWith('.')) host = host.slice(0, -1);
  const port = url.port ? Number(url.port) : (DEFAULT_PORTS.get(portScheme) ?? 0);
  const query = url.search
    .slice(1)
    .split('&')
    .filter((token) => token !== '')
    .map((token): [string, string | null] => {
      const eq = token.indexOf('=');
      return eq === -1 ? [token, null] : [token.slice(0, eq), token.slice(eq + 1)];
    });
  return { scheme, host, port, path: url.pathname, query };
}

function isUrlParts(value: unknown): value is UrlParts {
  return typeof value === 'object' && value !== null && typeof (value as UrlParts).host === 'string';
}

/**
 * A key=value token of a block filter matches when any occurrence of the key has the value; of an
 * allow filter, only when every occurrence has it (Chromium's MATCH_ALL), so a pupil cannot append
 * `&v=other` to an allowed `watch?v=…` address to have the last value win.
 */
function queryTokenMatches(token: QueryToken, query: UrlParts['query'], allow: boolean): boolean {
  if (token.value === null) {
    return query.some(([key]) => (token.prefix ? key.startsWith(token.key) : key === token.key));
  }
  const expected = token.value;
  const valueMatches = (value: string | null) =>
    value !== null && (token.prefix ? value.startsWith(expected) : value === expected);
  const values = query.filter(([key]) => key === token.key).map(([, value]) => value);
  return allow ? values.length > 0 && values.every(valueMatches) : values.some(valueMatches);
}

function filterMatches(entry: FilterEntry, url: UrlParts): boolean {
  const { filter } = entry;
  if (filter.scheme !== '' && filter.scheme !== url.scheme) return false;
  if (filter.port !== 0 && filter.port !== url.port) return false;
  if (filter.path !== '' && !url.path.startsWith(filter.path)) return false;
  return filter.query.every((token) => queryTokenMatches(token, url.query, entry.allow));
}

/** Chrome's precedence: longer host, then exact host, then longer path, then more query tokens, then allow. */
function takesPrecedence(a: FilterEntry, b: FilterEntry): boolean {
  if (a.filter.host.length !== b.filter.host.length) return a.filter.host.length > b.filter.host.length;
  if (a.filter.matchSubdomains !== b.filter.matchSubdomains) return !a.filter.matchSubdomains;
  if (a.filter.path.length !== b.filter.path.length) return a.filter.path.length > b.filter.path.length;
  if (a.filter.query.length !== b.filter.query.length) return a.filter.query.length > b.filter.query.length;
  return a.allow && !b.allow;
}

/** A set of allow and block filters, indexed by host so lists of thousands stay fast. */
export class FilterSet<T = unknown> {
  private readonly byHost = new Map<string, Array<FilterEntry<T>>>();
  readonly size: number;

  constructor(entries: Iterable<FilterEntry<T>>) {
    let size = 0;
    for (const entry of entries) {
      const list = this.byHost.get(entry.filter.host);
      if (list) list.push(entry);
      else this.byHost.set(entry.filter.host, [entry]);
      size++;
    }
    this.size = size;
  }

  /** The deciding filter for a URL, or null when none applies (Chrome then allows). */
  match(url: string | UrlParts): FilterEntry<T> | null {
    const parts = isUrlParts(url) ? url : urlParts(url);
    if (parts === null) return null;
    let best: FilterEntry<T> | null = null;
    const consider = (entry: FilterEntry<T>) => {
      if (filterMatches(entry, parts) && (best === null || takesPrecedence(entry, best))) best = entry;
    };
    const hosts = candidateHosts(parts.host);
    hosts.forEach((host, level) => {
      for (const entry of this.byHost.get(host) ?? []) {
        if (level === 0 || entry.filter.matchSubdomains) consider(entry);
      }
    });
    for (const entry of this.byHost.get('') ?? []) consider(entry);
    return best;
  }
}

/** The URL's host, then each parent domain ("a.b.c" → "a.b.c", "b.c", "c"). */
function candidateHosts(host: string): string[] {
  if (host === '') return [];
  if (isIpAddress(host)) return [host];
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

export interface ChromePolicyLists {
  URLBlocklist?: unknown;
  URLAllowlist?: unknown;
}

export interface ChromeListError {
  list: 'URLBlocklist' | 'URLAllowlist';
  index: number;
  filter: unknown;
  error: string;
}

/** Builds a FilterSet from a Chrome policy's URLBlocklist / URLAllowlist, reporting bad entries. */
export function chromePolicyFilterSet(policy: ChromePolicyLists): {
  set: FilterSet<{ list: 'URLBlocklist' | 'URLAllowlist' }>;
  errors: ChromeListError[];
} {
  const entries: Array<FilterEntry<{ list: 'URLBlocklist' | 'URLAllowlist' }>> = [];
  const errors: ChromeListError[] = [];
  for (const list of ['URLBlocklist', 'URLAllowlist'] as const) {
    const values = policy[list];
    if (values === undefined) continue;
    if (!Array.isArray(values)) {
      errors.push({ list, index: -1, filter: values, error: `${list} must be an array of strings` });
      continue;
    }
    values.forEach((value, index) => {
      const parsed = parseFilter(value);
      if (parsed.ok) entries.push({ filter: parsed.filter, allow: list === 'URLAllowlist', data: { list } });
      else errors.push({ list, index, filter: value, error: parsed.error });
    });
  }
  return { set: new FilterSet(entries), errors };
}
