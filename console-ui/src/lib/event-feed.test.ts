import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { FEED_LIMIT, mergeEvents } from './event-feed';

const event = (id: string, occurredAt: string) => ({ id, occurredAt }) as StoredEvent;

describe('mergeEvents', () => {
  it('keeps one copy per id, newest first', () => {
    const merged = mergeEvents(
      [event('a', '2026-11-24T10:00:00Z'), event('b', '2026-11-24T10:01:00Z')],
      [event('a', '2026-11-24T10:00:00Z'), event('c', '2026-11-24T09:00:00Z')],
    );
    expect(merged.map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('caps the feed', () => {
    const many = Array.from({ length: FEED_LIMIT + 10 }, (_, i) =>
      event(String(i), new Date(i * 1000).toISOString()),
    );
    const merged = mergeEvents([], many);
    expect(merged).toHaveLength(FEED_LIMIT);
    expect(merged[0]!.id).toBe(String(FEED_LIMIT + 9));
  });
});
