/**
 * Locked safe search, enforced by the extension so a pupil cannot turn it off. Search pages get
 * the engine's strict parameter added (a DNR query transform); YouTube gets the
 * `YouTube-Restrict: Strict` request header Google documents for Restricted Mode.
 */
interface SafeSearchEngine {
  name: string;
  /** A search URL on the engine: the rule is only installed when the policy lets this URL load. */
  probe: string;
  regexFilter: string;
  param: { key: string; value: string };
}

const PORT = '(?::[0-9]+)?';

export const SAFE_SEARCH_ENGINES: readonly SafeSearchEngine[] = [
  {
    name: 'Google',
    probe: 'https://www.google.com/search?q=waymark',
    regexFilter: `^https?://([a-z0-9-]+\\.)*google\\.[a-z]{2,3}(\\.[a-z]{2})?${PORT}/search\\?`,
    param: { key: 'safe', value: 'active' },
  },
  {
    name: 'Bing',
    probe: 'https://www.bing.com/search?q=waymark',
    regexFilter: `^https?://([a-z0-9-]+\\.)*bing\\.com${PORT}/search\\?`,
    param: { key: 'adlt', value: 'strict' },
  },
  {
    name: 'DuckDuckGo',
    probe: 'https://duckduckgo.com/?q=waymark',
    regexFilter: `^https?://([a-z0-9-]+\\.)*duckduckgo\\.com${PORT}/(html/?|lite/?)?\\?`,
    param: { key: 'kp', value: '1' },
  },
];

export const YOUTUBE = {
  probe: 'https://www.youtube.com/',
  domains: ['youtube.com', 'youtube-nocookie.com', 'youtubei.googleapis.com', 'youtube.googleapis.com'],
  header: { header: 'YouTube-Restrict', value: 'Strict' },
} as const;
