import { describe, expect, it } from 'vitest';
import { periodEnd } from '../src/features/requests-and-overrides/override-service';

const PERIODS = [
  { start: '08:50', end: '09:50' },
  { start: '13:00', end: '14:00' },
];

describe('a lesson override ends with the timetable period', () => {
  it('ends at the end of the period it starts in, in the school’s time zone', () => {
    // Wednesday 09:20 in London, winter.
    expect(periodEnd(PERIODS, 'Europe/London', new Date('2026-11-25T09:20:30Z'))?.toISOString()).toBe(
      '2026-11-25T09:50:00.000Z',
    );
    // 13:10 in London in summer is 12:10 UTC; the period ends 14:00 BST.
    expect(periodEnd(PERIODS, 'Europe/London', new Date('2026-06-10T12:10:00Z'))?.toISOString()).toBe(
      '2026-06-10T13:00:00.000Z',
    );
  });

  it('outside any period, or at the weekend, there is none (the default of 60 minutes applies)', () => {
    expect(periodEnd(PERIODS, 'Europe/London', new Date('2026-11-25T11:00:00Z'))).toBeNull();
    expect(periodEnd(PERIODS, 'Europe/London', new Date('2026-11-28T09:20:00Z'))).toBeNull();
  });
});
