/**
 * Chrome's URLBlocklist / URLAllowlist filter format, as Chrome documents it:
 *   [scheme://][.]host[:port][/path][?query]
 * https://support.google.com/chrome/a/answer/9942583 and chromium.org "URL Blocklist filter format".
 */

const STANDARD_SCHEMES = new Set([
  'about',
  'blob',
  'content',
  'chrome',
  'cid',
  'data',
  'file',
  'filesystem',
  'ftp',
  'gopher',
  'http',
  'https',
  'javascript',
  'mailto',
  'ws',
  'wss',
]);

export interface QueryToken {
  key: string;
  /** null for a key-only token such as `?debug`. */
  value: string | null;
  /** The token ended with `*`: the last part (value, or key when there is no value) is a prefix. */
  prefix: boolean;
}

export interface UrlFilter {
  /** The filter exactly as written. */
  source: string;
  /** Lower-case scheme, or '' for any scheme. */
  scheme: string;
  /** Canonical host (lower case, punycode, no trailing dot), or '' for the `*` wildcard. */
  host: string;
  /** False when the host had a leading '.', or is an IP address. */
  matchSubdomains: boolean;
  /** 0 for any port. */
  port: number;
  /** Path prefix, or '' for any path. */
  path: string;
  query: QueryToken[];
}

type ParseFilterResult = { ok: true; filter: UrlFilter } | { ok: false; error: string };

const SCHEME_PREFIX = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;
const SCHEME_WILDCARD = /^([a-zA-Z][a-zA-Z0-9+.-]*):(\/\/)?\*$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[');
}

/** Canonicalises a host the way a browser's URL parser does (lower case, IDN → punycode, IPs). */
export function canonicalHost(host: string): string | null {
  if (host === '' || /[\s/?#@\\*]/.test(host)) return null;
  try {
    const hostname = new URL(`http://${host}/`).hostname;
    return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  } catch {
    return null;
  }
}

function parseQuery(query: string): QueryToken[] {
  return query
    .split('&')
    .filter((token) => token !== '')
    .map((token) => {
      const prefix = token.endsWith('*');
      const body = prefix ? token.slice(0, -1) : token;
      const eq = body.indexOf('=');
      return eq === -1
        ? { key: body, value: null, prefix }
        : { key: body.slice(0, eq), value: body.slice(eq + 1), prefix };
    });
}

export function parseFilter(input: unknown): ParseFilterResult {
  if (typeof input !== 'string') return { ok: false, error: 'a filter must be a string' };
  const source = input;
  let rest = input.trim();
  if (rest === '') return { ok: false, error: 'empty filter' };
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(0, hash);

  // `scheme:*` and `scheme://*` match every URL of that scheme, standard (`data:*`, `file:*`,
  // `ftp:*`) or custom: Chromium checks this form before anything else in a filter.
  const custom = SCHEME_WILDCARD.exec(rest);
  if (custom) {
    const scheme = custom[1]!.toLowerCase();
    return {
      ok: true,
      filter: { source, scheme, host: '', matchSubdomains: true, port: 0, path: '', query: [] },
    };
  }

  let scheme = '';
  const schemeMatch = SCHEME_PREFIX.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
    if (!STANDARD_SCHEMES.has(scheme)) {
      return rest === '*'
        ? {
            ok: true,
            filter: { source, scheme, host: '', matchSubdomains: true, port: 0, path: '', query: [] },
          }
        : { ok: false, error: `custom scheme "${scheme}" only allows ${scheme}://* or ${scheme}:*` };
    }
  }

  const queryAt = rest.indexOf('?');
  const query = queryAt === -1 ? [] : parseQuery(rest.slice(queryAt + 1));
  if (queryAt !== -1) rest = rest.slice(0, queryAt);

  const slash = rest.indexOf('/');
  let authority = slash === -1 ? rest : rest.slice(0, slash);
  let path = slash === -1 ? '' : rest.slice(slash);

  if (scheme === 'file') {
    // file:// filters have no host: everything after the scheme is the path.
    const filePath = `${authority}${path}`;
    return {
      ok: true,
      filter: {
        source,
        scheme,
        host: '',
        matchSubdomains: true,
        port: 0,
        path: filePath === '*' ? '' : filePath,
        query,
      },
    };
  }

  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1); // user:pass is ignored

  let port = 0;
  const portMatch = /:(\d*|\*)$/.exec(
    authority.startsWith('[') ? authority.slice(authority.indexOf(']')) : authority,
  );
  if (portMatch) {
    authority = authority.slice(0, authority.length - portMatch[0].length);
    if (portMatch[1] !== '*' && portMatch[1] !== '') {
      port = Number(portMatch[1]);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        return { ok: false, error: `port ${portMatch[1]} is not between 1 and 65535` };
      }
    }
  }

  let matchSubdomains = true;
  if (authority.startsWith('.')) {
    matchSubdomains = false;
    authority = authority.slice(1);
  }
  while (authority.endsWith('.')) authority = authority.slice(0, -1);

  let host: string;
  if (authority === '*') {
    host = '';
    matchSubdomains = true;
  } else {
    const canonical = canonicalHost(authority);
    if (canonical === null) return { ok: false, error: `"${authority}" is not a valid host` };
    host = canonical;
    if (isIpAddress(host)) matchSubdomains = false;
  }

  if (path === '/') path = '';
  if (path !== '') {
    try {
      path = new URL(`http://h${path}`).pathname;
    } catch {
      return { ok: false, error: `"${path}" is not a valid path` };
    }
  }

  return { ok: true, filter: { source, scheme, host, matchSubdomains, port, path, query } };
}
