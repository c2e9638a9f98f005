import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import {
  applyRequestStatus,
  feedView,
  FEED_LIMIT,
  isFiltered,
  matchesFilter,
  mergeEvents,
  newUrgent,
  NO_FILTER,
} from './event-feed';

function event(id: string, occurredAt: string, extra: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id,
    schoolId: 'demo',
    kind: 'blocked',
    severity: 'low',
    occurredAt,
    receivedAt: occurredAt,
    deviceId: 'dev-1',
    deviceName: 'Owls 1',
    user: null,
    pupilName: null,
    ip: null,
    classId: 'class-year2',
    className: 'Year 2 (Owls)',
    profile: 'KS1',
    url: 'https://games.example/',
    urlHidden: false,
    category: null,
    rule: null,
    details: {},
    requestStatus: null,
    ...extra,
  };
}

const at = (minute: number) => `2026-11-24T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('mergeEvents', () => {
  it('keeps one copy per id, newest first', () => {
    const merged = mergeEvents(
      [event('a', at(0)), event('b', at(1))],
      [event('a', at(0)), event('c', '2026-11-24T09:00:00.000Z')],
    );
    expect(merged.map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('caps the feed at the newest FEED_LIMIT events', () => {
    const many = Array.from({ length: FEED_LIMIT + 10 }, (_, i) =>
      event(String(i), new Date(i * 1000).toISOString()),
    );
    const merged = mergeEvents([], many);
    expect(merged).toHaveLength(FEED_LIMIT);
    expect(merged[0]!.id).toBe(String(FEED_LIMIT + 9));
  });

  it('keeps older concerns and undecided requests beyond the cap', () => {
    const concern = event('concern', '2026-11-24T08:00:00.000Z', { kind: 'concern' });
    const pending = event('pending', '2026-11-24T08:01:00.000Z', {
      kind: 'unblock-request',
      requestStatus: 'pending',
    });
    const decided = event('decided', '2026-11-24T08:02:00.000Z', {
      kind: 'unblock-request',
      requestStatus: 'denied',
    });
    const newer = Array.from({ length: FEED_LIMIT }, (_, i) => event(`n${i}`, at(i % 60)));
    const merged = mergeEvents([concern, pending, decided], newer);
    expect(merged).toHaveLength(FEED_LIMIT + 2);
    expect(merged.slice(-2).map((e) => e.id)).toEqual(['pending', 'concern']);
  });

  it('does not let a stale copy (a reconnect) undo a decision already heard', () => {
    const approved = event('r', at(0), { kind: 'unblock-request', requestStatus: 'approved' });
    const stale = event('r', at(0), { kind: 'unblock-request', requestStatus: 'pending' });
    expect(mergeEvents([approved], [stale])[0]!.requestStatus).toBe('approved');
    const forwarded = { ...stale, requestStatus: 'forwarded' as const };
    const denied = { ...stale, requestStatus: 'denied' as const };
    expect(mergeEvents([forwarded], [denied])[0]!.requestStatus).toBe('denied');
  });

  it('returns the same list when nothing arrived', () => {
    const current = [event('a', at(0))];
    expect(mergeEvents(current, [])).toBe(current);
  });
});

describe('applyRequestStatus', () => {
  it('updates the request it is about and leaves the rest alone', () => {
    const events = [
      event('a', at(1)),
      event('r', at(0), { kind: 'unblock-request', requestStatus: 'pending' }),
    ];
    const next = applyRequestStatus(events, { requestId: 'r', status: 'approved' });
    expect(next[1]!.requestStatus).toBe('approved');
    expect(next[0]).toBe(events[0]);
    expect(applyRequestStatus(events, { requestId: 'unknown', status: 'denied' })).toBe(events);
  });
});

describe('filters', () => {
  const blockedLow = event('1', at(1));
  const concern = event('2', at(2), { kind: 'concern', severity: 'high', user: 'mia@pupils.test' });
  const search = event('3', at(3), { kind: 'search', severity: 'medium', deviceId: 'dev-2' });

  it('by kind, least severity and pupil', () => {
    expect(matchesFilter(concern, { ...NO_FILTER, kind: 'concern' })).toBe(true);
    expect(matchesFilter(blockedLow, { ...NO_FILTER, kind: 'concern' })).toBe(false);
    expect(matchesFilter(search, { ...NO_FILTER, minSeverity: 'medium' })).toBe(true);
    expect(matchesFilter(blockedLow, { ...NO_FILTER, minSeverity: 'medium' })).toBe(false);
    expect(matchesFilter(concern, { ...NO_FILTER, minSeverity: 'high' })).toBe(true);
    expect(matchesFilter(concern, { ...NO_FILTER, pupil: 'mia@pupils.test' })).toBe(true);
    expect(matchesFilter(search, { ...NO_FILTER, pupil: 'device:dev-2' })).toBe(true);
    expect(matchesFilter(blockedLow, { ...NO_FILTER, pupil: 'device:dev-2' })).toBe(false);
  });

  it('says when any filter is on', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, pupil: 'device:dev-2' })).toBe(true);
  });
});

describe('feedView', () => {
  const older = event('old-concern', at(0), { kind: 'concern', severity: 'high' });
  const newer = event('blocked', at(5));
  const newest = event('search', at(9), { kind: 'search' });

  it('puts concerns nobody has handled first, then the rest newest first', () => {
    const view = feedView([newest, newer, older], NO_FILTER, new Set());
    expect(view.map((e) => e.id)).toEqual(['old-concern', 'search', 'blocked']);
  });

  it('lets a handled concern drop back into time order', () => {
    const view = feedView([newest, newer, older], NO_FILTER, new Set(['old-concern']));
    expect(view.map((e) => e.id)).toEqual(['search', 'blocked', 'old-concern']);
  });

  it('applies the filter before ordering', () => {
    const view = feedView([newest, newer, older], { ...NO_FILTER, kind: 'blocked' }, new Set());
    expect(view.map((e) => e.id)).toEqual(['blocked']);
  });

  it('keeps every one of 2,000 events, concerns first', () => {
    const many = Array.from({ length: FEED_LIMIT }, (_, i) =>
      event(`e${i}`, new Date(Date.UTC(2026, 10, 24, 10) - i * 1000).toISOString(), {
        kind: i % 50 === 0 ? 'concern' : 'blocked',
      }),
    );
    const view = feedView(many, NO_FILTER, new Set());
    expect(view).toHaveLength(FEED_LIMIT);
    expect(view.slice(0, 40).every((e) => e.kind === 'concern')).toBe(true);
  });
});

describe('newUrgent', () => {
  it('picks the high-severity events that are new, concerns first', () => {
    const known = event('k', at(0), { severity: 'high' });
    const tamper = event('t', at(3), { kind: 'tamper', severity: 'high' });
    const concern = event('c', at(1), { kind: 'concern', severity: 'high' });
    const low = event('l', at(4));
    expect(newUrgent([known], [known, tamper, low, concern, concern]).map((e) => e.id)).toEqual(['c', 't']);
  });
});
