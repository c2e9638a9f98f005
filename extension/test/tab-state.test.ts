import { describe, expect, it } from 'vitest';
import { TabStateSchema, type PolicyMessage } from '@waymark/shared';
import { buildTabState, tabInfo } from '../lib/tab-state';

const BLOCK_PAGE = 'chrome-extension://kpibmoodjikkppkgpkmppfbpcedhpdbl/blocked.html';
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
    const policy = {
      policy: { categoryLists: { 'illegal-csam': ['illegal.invalid'] } },
    } as unknown as PolicyMessage;
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
      policy,
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
});
