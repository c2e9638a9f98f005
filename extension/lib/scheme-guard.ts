import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { refusedPageScheme } from './page-schemes';

export interface RefusedNavigation {
  tabId: number;
  url: string;
  rule: string;
}

/**
 * Each tab's last web page's origin (`<tabId>`) and the origin of the page that opened it
 * (`from:<tabId>`): a `blob:` page may open only where it was made. Kept across worker restarts.
 */
/** The events of one refused navigation count as one attempt for this long. */
const REPORT_ONCE_WITHIN_MS = 60_000;
/**
 * A navigation's start that arrives after one of its later events (the webNavigation and tabs
 * APIs are separate queues, and on a busy machine their order is not kept) within this long is
 * that navigation's own start, not a new attempt.
 */
const START_AFTER_LATER_MS = 15_000;

const tabOriginsItem = storage.defineItem<Record<string, string>>('session:tabOrigins', { fallback: {} });

/**
 * Sends a pupil's tab that opens a `data:`, `view-source:`, `filesystem:` or foreign `blob:` page
 * to the block page. DNR never sees these (no network request, or the request is the inner
 * page's), so the tab's own events are watched: `webNavigation` fires before a `data:` or
 * `filesystem:` page loads, only on commit for a `blob:` page, and only `tabs.onUpdated` shows
 * the `view-source:` prefix (checked in Chromium, docs/deploy.md).
 */
export function watchPageSchemes(
  guarded: () => Promise<boolean>,
  blockPage: () => string,
  onRefused: (refused: RefusedNavigation) => void,
): void {
  // One navigation shows up in two or three events (before it starts, when the tab's address
  // changes, when it commits), and on a busy machine they can come seconds apart. Each is refused
  // (a commit means the page loaded before the block page replaced it), but only a navigation's
  // start, or an event of a navigation not reported in the last minute, is reported: an attempt
  // counts once, and a pupil who tries again is reported again.
  const reported = new Map<string, number>();
  const recentlyReported = (key: string) => Date.now() - (reported.get(key) ?? 0) < REPORT_ONCE_WITHIN_MS;
  // Navigations reported from a later event whose start has not been seen yet, and when.
  const awaitingStart = new Map<string, number>();
  // Loaded once per worker start, then changed in place and written through.
  let origins: Promise<Record<string, string>> | null = null;
  const tabOrigins = () => (origins ??= tabOriginsItem.getValue().then((all) => ({ ...all })));
  const setOrigin = (key: string, origin: string | null) =>
    void tabOrigins().then((all) => {
      if ((all[key] ?? null) === origin) return;
      if (origin === null) delete all[key];
      else all[key] = origin;
      return tabOriginsItem.setValue(all);
    });

  async function check(tabId: number, url: string, event: 'start' | 'later') {
    if (url.startsWith(blockPage())) return;
    // Claimed before any wait, so two events of one navigation never both report it.
    const key = `${tabId} ${url}`;
    const before = reported.get(key);
    const lateStart = event === 'start' && Date.now() - (awaitingStart.get(key) ?? 0) < START_AFTER_LATER_MS;
    awaitingStart.delete(key);
    const report = event === 'start' ? !lateStart : !recentlyReported(key);
    if (report) reported.set(key, Date.now());
    if (report && event === 'later') awaitingStart.set(key, Date.now());
    const known = await tabOrigins();
    const rule = refusedPageScheme(url, {
      tab: known[tabId] ?? null,
      opener: known[`from:${tabId}`] ?? null,
    });
    if (rule === null || !(await guarded())) {
      if (report && before === undefined) reported.delete(key);
      else if (report && before !== undefined) reported.set(key, before);
      return;
    }
    for (const [k, at] of reported) if (Date.now() - at > REPORT_ONCE_WITHIN_MS) reported.delete(k);
    for (const [k, at] of awaitingStart) if (Date.now() - at > START_AFTER_LATER_MS) awaitingStart.delete(k);
    await browser.tabs.update(tabId, { url: `${blockPage()}#${url}` });
    if (report) onRefused({ tabId, url, rule });
  }
  const checked = (tabId: number, url: string, event: 'start' | 'later') =>
    void check(tabId, url, event).catch((error) => console.error('waymark: page scheme', error));

  browser.webNavigation.onBeforeNavigate.addListener((d) => {
    if (d.frameId === 0) checked(d.tabId, d.url, 'start');
  });
  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId !== 0) return;
    if (/^https?:/i.test(d.url)) return setOrigin(String(d.tabId), new URL(d.url).origin);
    checked(d.tabId, d.url, 'later');
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) checked(tabId, change.url, 'later');
  });
  // A page that opens a tab (window.open, a link to a new tab) lends it its origin; a tab the
  // pupil opened has none (Chromium gives it an openerTabId all the same, so that is no sign).
  browser.webNavigation.onCreatedNavigationTarget.addListener((d) => {
    void tabOrigins().then((all) => setOrigin(`from:${d.tabId}`, all[d.sourceTabId] ?? null));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    setOrigin(String(tabId), null);
    setOrigin(`from:${tabId}`, null);
  });
}
