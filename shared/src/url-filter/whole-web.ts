import { FilterSet } from './match';
import { parseFilter, type UrlFilter } from './parse-filter';

const WEB_SCHEMES = new Set(['http', 'https', 'ws', 'wss']);

function randomLabel(): string {
  return `wm${Math.random().toString(36).slice(2, 12)}`;
}

/** Hosts nobody would name in a lesson, under several top-level domains and as addresses. */
function unrelatedHosts(): string[] {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  return [
    `${randomLabel()}.com`,
    `www.${randomLabel()}.org`,
    `${randomLabel()}.co.uk`,
    `${randomLabel()}.${randomLabel()}.net`,
    `${randomLabel()}.example`,
    `198.51.100.${octet()}`,
    `[2001:db8::${octet().toString(16)}]`,
  ];
}

/** A URL at `host` that meets everything else the filter asks for (scheme, port, path, query). */
function probeUrl(filter: UrlFilter, host: string): string {
  const scheme = WEB_SCHEMES.has(filter.scheme) ? filter.scheme : 'https';
  const port = filter.port === 0 ? '' : `:${filter.port}`;
  const query = filter.query
    .map((t) =>
      t.value === null ? `${t.key}${t.prefix ? 'x' : ''}` : `${t.key}=${t.value}${t.prefix ? 'x' : ''}`,
    )
    .join('&');
  return `${scheme}://${host}${port}${filter.path || '/'}${query ? `?${query}` : ''}`;
}

/**
 * Whether a filter opens sites far beyond any it names: the matcher itself (the one the device
 * and the "why is this blocked?" answer use) is asked about hosts nobody would name, each with
 * the filter's own scheme, port, path and query. `*`, `*.`, `https://*`, `*:443/x?y`, `com` all do.
 */
export function matchesUnrelatedHosts(filterText: string): boolean {
  const parsed = parseFilter(filterText);
  if (!parsed.ok) return false;
  const set = new FilterSet([{ filter: parsed.filter, allow: true, data: null }]);
  return unrelatedHosts().some((host) => set.match(probeUrl(parsed.filter, host)) !== null);
}
