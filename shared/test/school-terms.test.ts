import { describe, expect, it } from 'vitest';
import { closedWeek, currentTerm } from '../src';

const TERMS = [
  { name: 'Autumn', startsOn: '2026-09-02', endsOn: '2026-12-18' },
  { name: 'Spring', startsOn: '2027-01-05', endsOn: '2027-03-26' },
];

describe('the school’s terms', () => {
  it('finds the term a day is in, the one just ended in a holiday, none before the first', () => {
    expect(currentTerm('2026-11-29', TERMS)?.name).toBe('Autumn');
    expect(currentTerm('2026-09-02', TERMS)?.name).toBe('Autumn');
    expect(currentTerm('2027-01-05', TERMS)?.name).toBe('Spring');
    expect(currentTerm('2026-12-25', TERMS)?.name).toBe('Autumn');
    expect(currentTerm('2026-08-30', TERMS)).toBeNull();
    expect(currentTerm('2026-11-29', [])).toBeNull();
  });

  it('tells a week the school was closed: a holiday by name, out of term, or open', () => {
    const calendar = [
      ...TERMS.map((t) => ({ kind: 'term' as const, ...t })),
      { kind: 'holiday' as const, name: 'Half term', startsOn: '2026-10-26', endsOn: '2026-10-30' },
      { kind: 'holiday' as const, name: 'INSET day', startsOn: '2026-11-23', endsOn: '2026-11-23' },
    ];
    expect(closedWeek('2026-10-26', calendar)).toBe('Half term');
    expect(closedWeek('2026-11-23', calendar)).toBeNull(); // one INSET day: open the rest of the week
    expect(closedWeek('2026-12-28', calendar)).toBe(''); // between terms, no holiday given
    expect(closedWeek('2026-12-14', calendar)).toBeNull();
    expect(closedWeek('2026-10-26', [])).toBeNull();
  });
});
