import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchPageSchemes, type RefusedNavigation } from '../lib/scheme-guard';

const BLOCK_PAGE = 'chrome-extension://kpibmoodjikkppkgpkmppfbpcedhpdbl/blocked.html';
const PAGE = 'filesystem:http://school.example/temporary/copy.html';

/** The webNavigation events the fake browser leaves out: a listener list each, fired by the test. */
function navigationEvents() {
  const make = <T>() => {
    const listeners: ((details: T) => void)[] = [];
    return {
      addListener: (l: (details: T) => void) => void listeners.push(l),
      fire: (d: T) => listeners.forEach((l) => l(d)),
    };
  };
  const events = {
    onBeforeNavigate: make<{ tabId: number; url: string; frameId: number }>(),
    onCommitted: make<{ tabId: number; url: string; frameId: number }>(),
    onCreatedNavigationTarget: make<{ tabId: number; sourceTabId: number }>(),
  };
  Object.assign(fakeBrowser.webNavigation, events);
  return events;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the page-scheme guard', () => {
  let refused: RefusedNavigation[];
  let updates: string[];
  let nav: ReturnType<typeof navigationEvents>;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    nav = navigationEvents();
    refused = [];
    updates = [];
    // The fake browser has no pages to navigate: the block page's address is what counts.
    fakeBrowser.tabs.update = (async (_id: number, props: { url: string }) => {
      updates.push(props.url);
      return {};
    }) as unknown as typeof fakeBrowser.tabs.update;
    watchPageSchemes(
      async () => true,
      () => BLOCK_PAGE,
      (r) => void refused.push(r),
    );
  });
  afterEach(() => vi.useRealTimers());

  it('reports one navigation once, however far apart its events come, and refuses each of them', async () => {
    nav.onBeforeNavigate.fire({ tabId: 7, url: PAGE, frameId: 0 });
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: PAGE }, {} as never);
    await settle();
    vi.setSystemTime(Date.now() + 20_000);
    // The page committed before the block page replaced it: refused again, not reported again.
    nav.onCommitted.fire({ tabId: 7, url: PAGE, frameId: 0 });
    await settle();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ tabId: 7, url: PAGE });
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(updates)).toEqual(new Set([`${BLOCK_PAGE}#${PAGE}`]));
  });

  it('reports a pupil who tries again, and a late event of a navigation not reported in the last minute', async () => {
    nav.onBeforeNavigate.fire({ tabId: 7, url: PAGE, frameId: 0 });
    await settle();
    nav.onBeforeNavigate.fire({ tabId: 7, url: PAGE, frameId: 0 });
    await settle();
    expect(refused).toHaveLength(2);
    vi.setSystemTime(Date.now() + 61_000);
    nav.onCommitted.fire({ tabId: 7, url: PAGE, frameId: 0 });
    await settle();
    expect(refused).toHaveLength(3);
  });

  it("takes a start that arrives after its navigation's later event as that navigation, and a start after it as a new attempt", async () => {
    // The tab's address changes first on a busy machine: reported then; its start is the same attempt.
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: PAGE }, {} as never);
    await settle();
    vi.setSystemTime(Date.now() + 3_000);
    nav.onBeforeNavigate.fire({ tabId: 7, url: PAGE, frameId: 0 });
    await settle();
    expect(refused).toHaveLength(1);
    expect(updates).toHaveLength(2);
    // The pupil tries again.
    vi.setSystemTime(Date.now() + 3_000);
    nav.onBeforeNavigate.fire({ tabId: 7, url: PAGE, frameId: 0 });
    await settle();
    expect(refused).toHaveLength(2);
  });

  it('leaves the block page itself, web pages and other frames alone', async () => {
    nav.onBeforeNavigate.fire({ tabId: 7, url: `${BLOCK_PAGE}#${PAGE}`, frameId: 0 });
    nav.onBeforeNavigate.fire({ tabId: 7, url: 'https://school.example/', frameId: 0 });
    nav.onBeforeNavigate.fire({ tabId: 7, url: PAGE, frameId: 3 });
    await settle();
    expect(refused).toEqual([]);
    expect(updates).toEqual([]);
  });
});
