import { describe, expect, it } from 'vitest';
import { easterSunday, periodFromSearch, presetPeriod, termStart } from './periods';

describe('report periods', () => {
  it('finds Easter Sunday', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it('starts terms on 1 September, 1 January and Easter Sunday', () => {
    expect(termStart('2026-11-29')).toBe('2026-09-01');
    expect(termStart('2026-09-01')).toBe('2026-09-01');
    expect(termStart('2026-02-10')).toBe('2026-01-01');
    expect(termStart('2026-04-04')).toBe('2026-01-01');
    expect(termStart('2026-04-05')).toBe('2026-04-05');
    expect(termStart('2026-07-20')).toBe('2026-04-05');
  });

  it('makes the presets end with today', () => {
    // 29 November 2026 is a Sunday: this week began on Monday the 23rd.
    expect(presetPeriod('this-week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-30' });
    expect(presetPeriod('this-week', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-24' });
    expect(presetPeriod('last-4-weeks', '2026-11-29')).toEqual({ from: '2026-11-02', to: '2026-11-30' });
    expect(presetPeriod('this-term', '2026-11-29')).toEqual({ from: '2026-09-01', to: '2026-11-30' });
  });

  it('reads a period from the address, falling back to the last four weeks', () => {
    const read = (q: string) => periodFromSearch(new URLSearchParams(q), '2026-11-29');
    expect(read('period=custom&from=2026-10-01&until=2026-10-31')).toEqual({
      preset: 'custom',
      period: { from: '2026-10-01', to: '2026-11-01' },
    });
    expect(read('period=this-term').preset).toBe('this-term');
    expect(read('period=custom&from=2026-10-31&until=2026-10-01').preset).toBe('last-4-weeks');
    expect(read('period=custom&from=nope&until=2026-10-01').preset).toBe('last-4-weeks');
    expect(read('period=forever').preset).toBe('last-4-weeks');
  });

  it('makes "this term" the school’s own term when it gave its dates', () => {
    const terms = [
      { name: 'Autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
      { name: 'Spring', startsOn: '2027-01-06', endsOn: '2027-03-26' },
    ];
    expect(presetPeriod('this-term', '2026-11-29', terms)).toEqual({ from: '2026-09-03', to: '2026-11-30' });
    // In the Christmas holiday: the autumn term, to its last day.
    expect(presetPeriod('this-term', '2026-12-30', terms)).toEqual({ from: '2026-09-03', to: '2026-12-19' });
    expect(presetPeriod('this-term', '2027-01-06', terms)).toEqual({ from: '2027-01-06', to: '2027-01-07' });
    // Before the first term given: estimated, as with none.
    expect(presetPeriod('this-term', '2026-08-20', terms)).toEqual({ from: '2026-04-05', to: '2026-08-21' });
    expect(periodFromSearch(new URLSearchParams('period=this-term'), '2026-11-29', terms).period).toEqual({
      from: '2026-09-03',
      to: '2026-11-30',
    });
  });
});
