import { browser } from 'wxt/browser';
import {
  HELP_SITE_HOSTS,
  isIllegalCategory,
  THUMBNAIL_EVERY_MS,
  THUMBNAIL_MAX_BYTES,
  THUMBNAIL_MAX_WIDTH,
  type Category,
  type Thumbnail,
} from '@waymark/shared';

/** JPEG qualities tried in turn until the thumbnail fits THUMBNAIL_MAX_BYTES (else none is sent). */
const QUALITIES = [0.7, 0.5, 0.35, 0.2];

/** Whether a page may be shown to the teacher at all: a web page, not a help site nor an illegal category. */
export function mayShow(url: string, categoryOf: (url: string) => Category | null): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (HELP_SITE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return false;
  return !isIllegalCategory(categoryOf(url));
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Scales a captured screen to THUMBNAIL_MAX_WIDTH and lowers the quality until it fits; null if it never does. */
async function shrink(dataUrl: string): Promise<string | null> {
  const source = await (await fetch(dataUrl)).blob();
  const full = await createImageBitmap(source);
  const width = Math.min(THUMBNAIL_MAX_WIDTH, full.width);
  const height = Math.max(1, Math.round((full.height * width) / full.width));
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.drawImage(full, 0, 0, width, height);
  full.close();
  for (const quality of QUALITIES) {
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    if (blob.size <= THUMBNAIL_MAX_BYTES) return toBase64(blob);
  }
  return null;
}

/**
 * Thumbnails of the active tab (docs/architecture.md, "Live class"): only while the server asks
 * (a teacher shows the class's screens), one every THUMBNAIL_EVERY_MS, never of an extension page
 * (the block page), a help site or a page in an illegal category.
 */
export function watchScreens(deps: {
  send(thumbnail: Thumbnail): Promise<void>;
  categoryOf(): Promise<(url: string) => Category | null>;
}) {
  let timer: ReturnType<typeof setInterval> | null = null;
  let busy = false;

  async function activeTab() {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id !== undefined && tab.url ? tab : null;
  }

  async function captureOnce() {
    if (busy) return;
    busy = true;
    try {
      const tab = await activeTab();
      if (!tab) return;
      const categoryOf = await deps.categoryOf();
      if (!mayShow(tab.url!, categoryOf)) return;
      const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 80 });
      // The pupil may have moved on while it was taken: it must still show the page that was checked.
      const after = await activeTab();
      if (!after || after.id !== tab.id || after.url !== tab.url) return;
      const jpeg = await shrink(dataUrl);
      if (!jpeg || timer === null) return;
      await deps.send({
        jpeg,
        url: tab.url!,
        title: tab.title?.slice(0, 300) ?? null,
        at: new Date().toISOString(),
      });
    } catch (error) {
      console.warn('waymark: no thumbnail this time', error);
    } finally {
      busy = false;
    }
  }

  return {
    setSending(send: boolean) {
      if (!send) {
        if (timer !== null) clearInterval(timer);
        timer = null;
        return;
      }
      if (timer !== null) return;
      timer = setInterval(() => void captureOnce(), THUMBNAIL_EVERY_MS);
      void captureOnce();
    },
  };
}
