import { describe, expect, it } from 'vitest';
import { localTime, toMinutes } from '../src';

describe('the school clock', () => {
  it('reads HH:MM as minutes past midnight', () => {
    expect(toMinutes('00:00')).toBe(0);
    expect(toMinutes('08:45')).toBe(525);
    expect(toMinutes('23:59')).toBe(1439);
  });

  it('tells the weekday and time where the school is, across the clock change', () => {
    // Monday 30 March 2026, 12:30 UTC: 13:30 in London (summer time), 08:30 in New York.
    const at = new Date('2026-03-30T12:30:00Z');
    expect(localTime(at, 'Europe/London')).toEqual({ weekday: 1, minutes: 13 * 60 + 30 });
    expect(localTime(at, 'America/New_York')).toEqual({ weekday: 1, minutes: 8 * 60 + 30 });
    // Sunday 23:30 UTC is already Monday in Auckland.
    expect(localTime(new Date('2026-03-29T23:30:00Z'), 'Pacific/Auckland').weekday).toBe(1);
  });
});
