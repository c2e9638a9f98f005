import { browser } from 'wxt/browser';
import { parseSearchUrl, type SearchQuery } from '@waymark/shared';
import { blockPageUrl } from './apply-policy';

interface CapturedSearch extends SearchQuery {
  url: string;
  blocked: boolean;
}

/** A committed top-level navigation, as a search when it is one (a blocked search commits as the block page). */
export function searchFromNavigation(url: string, blockPage: string): CapturedSearch | null {
  const blocked = url.startsWith(`${blockPage}#`);
  const target = blocked ? url.slice(blockPage.length + 1) : url;
  const search = parseSearchUrl(target);
  return search ? { ...search, url: target, blocked } : null;
}

/** Reports every search a pupil makes, allowed or blocked, once per committed results page. */
export function watchSearches(onSearch: (search: CapturedSearch) => void): void {
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0) return;
    const search = searchFromNavigation(details.url, blockPageUrl());
    if (search) onSearch(search);
  });
}
