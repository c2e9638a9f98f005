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
  // The same navigation shows up in two or three events: act once.
  const handled = new Map<string, number>();
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

  async function check(tabId: number, url: string) {
    const key = `${tabId} ${url}`;
    const recently = () => Date.now() - (handled.get(key) ?? 0) < 5_000;
    if (recently() || url.startsWith(blockPage())) return;
    const known = await tabOrigins();
    const rule = refusedPageScheme(url, {
      tab: known[tabId] ?? null,
      opener: known[`from:${tabId}`] ?? null,
    });
    if (rule === null || !(await guarded())) return;
    if (recently()) return;
    handled.set(key, Date.now());
    for (const [k, at] of handled) if (Date.now() - at > 5_000) handled.delete(k);
    await browser.tabs.update(tabId, { url: `${blockPage()}#${url}` });
    onRefused({ tabId, url, rule });
  }
  const checked = (tabId: number, url: string) =>
    void check(tabId, url).catch((error) => console.error('waymark: page scheme', error));

  browser.webNavigation.onBeforeNavigate.addListener((d) => {
    if (d.frameId === 0) checked(d.tabId, d.url);
  });
  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId !== 0) return;
    if (/^https?:/i.test(d.url)) return setOrigin(String(d.tabId), new URL(d.url).origin);
    checked(d.tabId, d.url);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) checked(tabId, change.url);
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
