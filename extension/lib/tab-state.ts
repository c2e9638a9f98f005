import { browser } from 'wxt/browser';
import {
  isIllegalCategory,
  TAB_LIMIT,
  TAB_STATE_PER_SECOND,
  TAB_TITLE_MAX,
  TAB_URL_MAX,
  type Category,
  type TabInfo,
  type TabState,
} from '@waymark/shared';

/** Seconds without input before `chrome.idle` calls the device idle. */
const IDLE_SECONDS = 60;
const MIN_GAP_MS = 1000 / TAB_STATE_PER_SECOND;

interface RawTab {
  id?: number;
  title?: string;
  url?: string;
  pendingUrl?: string;
  favIconUrl?: string;
  active?: boolean;
  windowId?: number;
}

/**
 * One tab as the teacher may see it, with its category (for the lesson's off-task categories).
 * The block page reports the address it blocked; an address in an illegal category (as the
 * device's lists say) never leaves the device, nor the page's title, nor its category.
 */
export function tabInfo(
  tab: RawTab,
  blockPage: string,
  categoryOf: (url: string) => Category | null,
): TabInfo | null {
  if (tab.id === undefined || tab.id < 0) return null;
  const shown = tab.url || tab.pendingUrl || '';
  const blocked = shown.startsWith(`${blockPage}#`);
  const url = blocked ? shown.slice(blockPage.length + 1) : shown;
  const icon = tab.favIconUrl && /^https?:\/\//i.test(tab.favIconUrl) ? tab.favIconUrl : null;
  const category = /^https?:\/\//i.test(url) ? categoryOf(url) : null;
  if (isIllegalCategory(category) || (icon && isIllegalCategory(categoryOf(icon))))
    return { id: tab.id, title: null, url: null, favIconUrl: null, blocked, category: null };
  return {
    id: tab.id,
    title: (tab.title ?? '').slice(0, TAB_TITLE_MAX),
    url: url ? url.slice(0, TAB_URL_MAX) : null,
    favIconUrl: icon && icon.length <= TAB_URL_MAX ? icon : null,
    blocked,
    category,
  };
}

/** The browser's tabs now, as a TabState (the active tab of the last-focused window first). */
export function buildTabState(input: {
  tabs: RawTab[];
  focusedWindowId: number | null;
  windowFocused: boolean;
  idle: TabState['idle'];
  blockPage: string;
  /** The category the device's category data names an address under (`categoryOfUrl`). */
  categoryOf: (url: string) => Category | null;
  reason: TabState['reason'];
  now: Date;
}): TabState {
  const active =
    input.tabs.find((t) => t.active && t.windowId === input.focusedWindowId) ??
    input.tabs.find((t) => t.active);
  const ordered = active ? [active, ...input.tabs.filter((t) => t !== active)] : input.tabs;
  const tabs = ordered
    .map((t) => tabInfo(t, input.blockPage, input.categoryOf))
    .filter((t): t is TabInfo => t !== null)
    .slice(0, TAB_LIMIT);
  return {
    reason: input.reason,
    activeTabId: active?.id !== undefined && active.id >= 0 ? active.id : null,
    tabs,
    windowFocused: input.windowFocused,
    idle: input.idle,
    at: input.now.toISOString(),
  };
}

/**
 * Reports the browser's tabs while (and only while) the server says the class is watched: a
 * snapshot when watching starts, then each change, at most TAB_STATE_PER_SECOND a second (changes
 * in between are folded into the next report). Listeners are registered at once (MV3: an event
 * that wakes the worker must find them), and do nothing while no one watches.
 */
export function watchTabs(deps: {
  send(state: TabState): void;
  /** Classifies addresses with the category data the device holds now. */
  categoryOf(): Promise<(url: string) => Category | null>;
  blockPage(): string;
}) {
  let watching = false;
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pendingReason: TabState['reason'] | null = null;

  async function sendNow() {
    timer = null;
    const reason = pendingReason ?? 'change';
    pendingReason = null;
    if (!watching) return;
    lastSent = Date.now();
    const [tabs, focused, idle, categoryOf] = await Promise.all([
      browser.tabs.query({}),
      browser.windows.getLastFocused().catch(() => null),
      browser.idle.queryState(IDLE_SECONDS).catch(() => 'active' as const),
      deps.categoryOf(),
    ]);
    if (!watching) return;
    deps.send(
      buildTabState({
        tabs,
        focusedWindowId: focused?.id ?? null,
        windowFocused: focused?.focused ?? false,
        idle,
        blockPage: deps.blockPage(),
        categoryOf,
        reason,
        now: new Date(),
      }),
    );
  }

  function schedule(reason: TabState['reason']) {
    if (!watching) return;
    if (reason === 'snapshot' || pendingReason === null) pendingReason = reason;
    if (timer !== null) return;
    const wait = Math.max(0, lastSent + MIN_GAP_MS - Date.now());
    timer = setTimeout(() => void sendNow().catch((e) => console.error('waymark: tab state', e)), wait);
  }

  const changed = () => schedule('change');
  browser.tabs.onCreated.addListener(changed);
  browser.tabs.onRemoved.addListener(changed);
  browser.tabs.onActivated.addListener(changed);
  browser.tabs.onUpdated.addListener((_id, info) => {
    if (info.url !== undefined || info.title !== undefined || info.favIconUrl !== undefined || info.status)
      changed();
  });
  browser.windows.onFocusChanged.addListener(changed);
  browser.idle.setDetectionInterval(IDLE_SECONDS);
  browser.idle.onStateChanged.addListener(changed);

  return {
    /** The server's word: watching started (send a snapshot) or stopped (send nothing more). */
    setWatching(on: boolean) {
      watching = on;
      if (on) schedule('snapshot');
      else if (timer !== null) {
        clearTimeout(timer);
        timer = null;
        pendingReason = null;
      }
    },
    get watching() {
      return watching;
    },
  };
}
