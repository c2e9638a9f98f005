import { describe, expect, it } from 'vitest';
import { hashCategoryEntries, TabStateSchema, type CategoryEntries } from '@waymark/shared';
import { categoryOfUrl } from '../lib/category-data';
import { buildTabState, tabInfo } from '../lib/tab-state';

const BLOCK_PAGE = 'chrome-extension://kpibmoodjikkppkgpkmppfbpcedhpdbl/blocked.html';
const held = (entries: CategoryEntries) => [
  {
    id: 'starter',
    name: 'Starter',
    version: 1,
    hash: hashCategoryEntries(entries),
    categories: Object.keys(entries) as Array<keyof CategoryEntries>,
    entries,
  },
];
const illegal = (url: string) => (url.includes('illegal.invalid') ? ('illegal-csam' as const) : null);

describe('tab state on the device', () => {
  it('reports the blocked address of a block page, and only http(s) favicons', () => {
    expect(
      tabInfo(
        {
          id: 3,
          title: 'Blocked',
          url: `${BLOCK_PAGE}#https://games.example/play`,
          favIconUrl: 'data:image/png;base64,AAA',
        },
        BLOCK_PAGE,
        illegal,
      ),
    ).toEqual({
      id: 3,
      title: 'Blocked',
      url: 'https://games.example/play',
      favIconUrl: null,
      blocked: true,
      category: null,
    });
  });

  it('never lets an address in an illegal category (or its title) leave the device, blocked or not', () => {
    for (const url of ['https://www.illegal.invalid/x', `${BLOCK_PAGE}#https://illegal.invalid/`]) {
      expect(
        tabInfo(
          { id: 1, title: 'secret', url, favIconUrl: 'https://illegal.invalid/f.ico' },
          BLOCK_PAGE,
          illegal,
        ),
      ).toMatchObject({
        url: null,
        title: null,
        favIconUrl: null,
      });
    }
  });

  it('puts the focused window’s active tab first, skips tabs with no id, and is a valid TabState', () => {
    const state = buildTabState({
      tabs: [
        { id: 1, title: 'A', url: 'https://a.example/', active: true, windowId: 1 },
        { id: -1, title: 'devtools', url: 'devtools://x' },
        { id: 2, title: 'B', url: 'https://b.example/', active: false, windowId: 2 },
        { id: 3, title: 'C', url: 'https://www.illegal.invalid/', active: true, windowId: 2 },
      ],
      focusedWindowId: 2,
      windowFocused: true,
      idle: 'idle',
      blockPage: BLOCK_PAGE,
      categoryOf: (url) => categoryOfUrl(held({ 'illegal-csam': ['illegal.invalid'] }), url),
      reason: 'snapshot',
      now: new Date('2026-12-07T10:00:00Z'),
    });
    expect(state.activeTabId).toBe(3);
    expect(state.tabs.map((t) => [t.id, t.url])).toEqual([
      [3, null],
      [1, 'https://a.example/'],
      [2, 'https://b.example/'],
    ]);
    expect(TabStateSchema.parse(state)).toEqual(state);
  });

  it('names each tab’s category from the held category data, a blocked one too, never an illegal one', () => {
    const data = held({
      gaming: ['coolmathgames.com'],
      video: ['youtube.com', 'youtube.com/kids'],
      'illegal-hate': ['hate.invalid'],
    });
    const categoryOf = (url: string) => categoryOfUrl(data, url);
    const state = buildTabState({
      tabs: [
        { id: 1, title: 'Run 3', url: 'https://www.coolmathgames.com/0-run-3', active: true, windowId: 1 },
        { id: 2, title: 'Video', url: 'https://m.youtube.com/watch?v=x' },
        { id: 3, title: 'Blocked', url: `${BLOCK_PAGE}#https://coolmathgames.com/` },
        { id: 4, title: 'Hate', url: 'https://hate.invalid/' },
        { id: 5, title: 'Lesson', url: 'https://www.topmarks.co.uk/' },
        { id: 6, title: 'New tab', url: 'chrome://newtab/' },
      ],
      focusedWindowId: 1,
      windowFocused: true,
      idle: 'active',
      blockPage: BLOCK_PAGE,
      categoryOf,
      reason: 'change',
      now: new Date('2026-12-07T10:00:00Z'),
    });
    expect(state.tabs.map((t) => [t.id, t.category])).toEqual([
      [1, 'gaming'],
      [2, 'video'],
      [3, 'gaming'],
      [4, null],
      [5, null],
      [6, null],
    ]);
    expect(state.tabs.find((t) => t.id === 4)).toMatchObject({ url: null, title: null });
    expect(TabStateSchema.parse(state)).toEqual(state);
  });
});
