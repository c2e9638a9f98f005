import { browser } from 'wxt/browser';
import type { Detection, DeviceEventInput, PolicyMessage, Profile } from '@waymark/shared';
import { eventMatches } from '@waymark/shared';
import { eventBase } from './pupil-events';

interface SeenTitle {
  source: 'page' | 'video';
  title: string;
}

/** Titles are matched for KS2 and older pupils (younger pupils only reach allow-listed sites). */
export const TITLE_PROFILES: ReadonlySet<Profile> = new Set(['KS2', 'KS3', 'KS4', 'KS5']);

const YOUTUBE = /^(www\.|m\.)?youtube\.com$/;

/**
 * A tab's title as the pupil reads it, with where it came from; null for titles that say nothing
 * of what the pupil chose (none, the address itself, browser and extension pages). YouTube's
 * notification count "(3)" and " - YouTube" are taken off a video's title.
 */
export function titleOf(url: string, raw: string): SeenTitle | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  let title = raw.trim();
  if (title === '' || title === url || url.includes(title)) return null;
  const video =
    (YOUTUBE.test(parsed.hostname) &&
      (parsed.pathname === '/watch' || parsed.pathname.startsWith('/shorts/'))) ||
    parsed.hostname === 'youtu.be';
  if (YOUTUBE.test(parsed.hostname)) title = title.replace(/^\(\d+\)\s*/, '').replace(/\s*-\s*YouTube$/, '');
  if (title === '' || title === 'YouTube') return null;
  return { source: video ? 'video' : 'page', title: title.slice(0, 500) };
}

/**
 * The report for a title, or null: only a flagged title leaves the device, with what matched and
 * nothing else of the page (no address, no contents).
 */
export function flaggedTitleEvent(
  policy: PolicyMessage,
  seen: SeenTitle,
  detection: Detection,
): DeviceEventInput | null {
  if (!TITLE_PROFILES.has(policy.policy.profile) || !detection.flagged) return null;
  return {
    ...eventBase(policy),
    kind: 'flagged-title',
    source: seen.source,
    title: seen.title,
    flags: detection.categories,
    matches: eventMatches(detection),
  };
}

/** Calls back once for each new title a tab shows (a page loading, a YouTube video changing). */
export function watchTitles(onTitle: (seen: SeenTitle) => void): void {
  const lastByTab = new Map<number, string>();
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.title === undefined || !tab.url) return;
    const seen = titleOf(tab.url, change.title);
    if (!seen || lastByTab.get(tabId) === seen.title) return;
    lastByTab.set(tabId, seen.title);
    onTitle(seen);
  });
  browser.tabs.onRemoved.addListener((tabId) => lastByTab.delete(tabId));
}
