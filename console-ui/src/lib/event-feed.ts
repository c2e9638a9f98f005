import type { StoredEvent } from '@waymark/shared';

/** The most events a live feed keeps on screen. */
export const FEED_LIMIT = 2000;

/** Newest first, one copy per id (a reconnect re-sends the recent list), at most FEED_LIMIT. */
export function mergeEvents(current: StoredEvent[], incoming: StoredEvent[]): StoredEvent[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, FEED_LIMIT);
}
