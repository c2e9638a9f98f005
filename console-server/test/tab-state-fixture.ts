import { expect } from 'vitest';
import type { TabState } from '@waymark/shared';

/** A valid tab state: two tabs, the first active. */
export function tabState(overrides: Partial<TabState> = {}): TabState {
  return {
    reason: 'snapshot',
    activeTabId: 1,
    tabs: [
      {
        id: 1,
        title: 'Maths games',
        url: 'https://www.topmarks.co.uk/maths-games',
        favIconUrl: 'https://www.topmarks.co.uk/favicon.ico',
        blocked: false,
      },
      {
        id: 2,
        title: 'BBC Bitesize',
        url: 'https://www.bbc.co.uk/bitesize',
        favIconUrl: null,
        blocked: false,
      },
    ],
    windowFocused: true,
    idle: 'active',
    at: new Date().toISOString(),
    ...overrides,
  };
}

/** Collects what a socket receives of one event; `next()` gives them one by one, waiting when none is left. */
export function inbox<T>(socket: { on(name: string, fn: (m: T) => void): unknown }, name: string) {
  const got: T[] = [];
  let read = 0;
  socket.on(name, (m) => got.push(m));
  return {
    got,
    async next(): Promise<T> {
      await expect.poll(() => got.length).toBeGreaterThan(read);
      return got[read++]!;
    },
  };
}
