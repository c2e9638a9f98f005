import { browser } from 'wxt/browser';

/**
 * Takes a new version as soon as Chrome has downloaded it. Chrome installs an update only when
 * the extension is idle, and Waymark's worker never is (its websocket keeps it running), so
 * without this a device would stay on the old version until the browser restarts. Nothing is
 * lost in the reload: the outbox is in IndexedDB, and dynamic rules and storage survive updates.
 * Registered first, synchronously, so the event that wakes the worker is not missed.
 */
export function applyUpdatesWhenReady(): void {
  browser.runtime.onUpdateAvailable.addListener(() => browser.runtime.reload());
}
