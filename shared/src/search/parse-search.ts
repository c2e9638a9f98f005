import { urlParts } from '../url-filter/match';

export interface SearchQuery {
  engine: string;
  query: string;
}

interface Engine {
  name: string;
  /** Matches the host (without `www.`) */
  host: RegExp;
  path: RegExp;
  param: string;
}

const ENGINES: Engine[] = [
  { name: 'Google', host: /^google\.[a-z]{2,3}(\.[a-z]{2})?$/, path: /^\/search$/, param: 'q' },
  { name: 'Bing', host: /^bing\.com$/, path: /^\/(search|images\/search|videos\/search)$/, param: 'q' },
  {
    name: 'DuckDuckGo',
    host: /^(html\.|lite\.)?duckduckgo\.com$/,
    path: /^\/(html\/?|lite\/?)?$/,
    param: 'q',
  },
  { name: 'YouTube', host: /^(m\.)?youtube\.com$/, path: /^\/results$/, param: 'search_query' },
  { name: 'Yahoo', host: /^([a-z]{2}\.)?search\.yahoo\.com$/, path: /^\/search/, param: 'p' },
  { name: 'Ecosia', host: /^ecosia\.org$/, path: /^\/search$/, param: 'q' },
  { name: 'Kiddle', host: /^kiddle\.co$/, path: /^\/s\.php$/, param: 'q' },
];

/** The engine and the words searched for, from a search results URL; null for anything else. */
export function parseSearchUrl(url: string): SearchQuery | null {
  const parts = urlParts(url);
  if (!parts || !/^https?$/.test(parts.scheme)) return null;
  const host = parts.host.replace(/^www\./, '');
  const engine = ENGINES.find((e) => e.host.test(host) && e.path.test(parts.path));
  if (!engine) return null;
  let query: string | null;
  try {
    query = new URL(url).searchParams.get(engine.param);
  } catch {
    return null;
  }
  const trimmed = query?.trim() ?? '';
  return trimmed === '' ? null : { engine: engine.name, query: trimmed.slice(0, 2000) };
}
