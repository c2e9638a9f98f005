import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  newestVersion,
  schoolMinutesBetween,
} from '../src/features/devices-and-enrollment/device-health-rules';

const LONDON = { timeZone: 'Europe/London', dayStart: '08:30', dayEnd: '15:30' };
const at = (iso: string) => new Date(iso);

describe('school time between two instants', () => {
  it('counts only school hours on the same day', () => {
    // Wednesday 25 November 2026 (GMT).
    expect(schoolMinutesBetween(at('2026-11-25T10:00Z'), at('2026-11-25T10:30Z'), LONDON)).toBe(30);
    expect(schoolMinutesBetween(at('2026-11-25T07:00Z'), at('2026-11-25T09:00Z'), LONDON)).toBe(30);
    expect(schoolMinutesBetween(at('2026-11-25T15:00Z'), at('2026-11-25T18:00Z'), LONDON)).toBe(30);
    expect(schoolMinutesBetween(at('2026-11-25T16:00Z'), at('2026-11-25T23:00Z'), LONDON)).toBe(0);
    expect(schoolMinutesBetween(at('2026-11-25T12:00Z'), at('2026-11-25T11:00Z'), LONDON)).toBe(0);
  });

  it('skips evenings and weekends: Friday 15:00 to Monday 08:40 is 40 minutes', () => {
    expect(schoolMinutesBetween(at('2026-11-27T15:00Z'), at('2026-11-30T08:40Z'), LONDON)).toBe(40);
    expect(schoolMinutesBetween(at('2026-11-28T10:00Z'), at('2026-11-29T14:00Z'), LONDON)).toBe(0);
  });

  it('counts whole school days in between', () => {
    // Monday 16:00 to the next Monday 09:30: Tuesday to Friday (4 × 7 h) and an hour on Monday.
    expect(schoolMinutesBetween(at('2026-11-23T16:00Z'), at('2026-11-30T09:30Z'), LONDON)).toBe(4 * 420 + 60);
    // Three weeks of silence: 15 school days.
    expect(schoolMinutesBetween(at('2026-11-06T16:00Z'), at('2026-11-27T16:00Z'), LONDON)).toBe(15 * 420);
  });

  it("uses the school's clock across the change to GMT", () => {
    // Friday 23 October 2026 14:30 BST (13:30Z) to Monday 26 October 09:30 GMT (09:30Z).
    expect(schoolMinutesBetween(at('2026-10-23T13:30Z'), at('2026-10-26T09:30Z'), LONDON)).toBe(60 + 60);
  });
});

describe('extension versions', () => {
  it('compares numerically, part by part', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBeGreaterThan(0);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('0.9.9', '1.0')).toBeLessThan(0);
    expect(newestVersion(['1.2.0', null, '1.10.1', '1.9.9', undefined])).toBe('1.10.1');
    expect(newestVersion([null])).toBeNull();
  });
});
