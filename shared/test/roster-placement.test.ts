import { describe, expect, it } from 'vitest';
import {
  claimsByGroup,
  isTimetableDay,
  placePupil,
  timetableMoment,
  timetableWeek,
  type LessonClaim,
} from '../src';

const claim = (classId: string, source: LessonClaim['source'], startsAt: string): LessonClaim => ({
  classId,
  source,
  startsAt: new Date(startsAt),
  endsAt: new Date(Date.parse(startsAt) + 3600_000),
  room: null,
  staffId: null,
  period: null,
});

describe('which lesson a pupil is in', () => {
  it('is their home group when none of their groups has a lesson', () => {
    expect(placePupil('form', ['maths'], new Map())).toEqual({
      classId: 'form',
      source: 'home',
      endsAt: null,
      outranked: [],
    });
  });

  it('is the timetabled lesson of one of their groups', () => {
    const claims = claimsByGroup([claim('maths', 'timetable', '2026-11-23T09:00:00Z')]);
    expect(placePupil('form', ['maths', 'art'], claims)).toMatchObject({
      classId: 'maths',
      source: 'timetable',
    });
  });

  it('a session a teacher started beats the timetable, and the lesson it beat is named', () => {
    const claims = claimsByGroup([
      claim('maths', 'timetable', '2026-11-23T09:00:00Z'),
      claim('form', 'session', '2026-11-23T09:20:00Z'),
    ]);
    const placed = placePupil('form', ['maths'], claims);
    expect(placed.classId).toBe('form');
    expect(placed.outranked.map((c) => c.classId)).toEqual(['maths']);
  });

  it('a clash of two timetabled lessons goes the same way whatever the order', () => {
    const a = claim('art', 'timetable', '2026-11-23T09:00:00Z');
    const b = claim('maths', 'timetable', '2026-11-23T09:00:00Z');
    const one = placePupil('form', ['maths', 'art'], claimsByGroup([a, b]));
    const two = placePupil('form', ['art', 'maths'], claimsByGroup([b, a]));
    expect(one.classId).toBe(two.classId);
    expect(one.outranked).toHaveLength(1);
  });

  it('a group’s own session replaces its timetabled lesson', () => {
    const claims = claimsByGroup([
      claim('maths', 'timetable', '2026-11-23T09:00:00Z'),
      claim('maths', 'session', '2026-11-23T09:30:00Z'),
    ]);
    expect(claims.get('maths')!.source).toBe('session');
  });
});

describe('the school calendar', () => {
  const calendar = [
    { kind: 'term' as const, startsOn: '2026-09-01', endsOn: '2026-12-18' },
    { kind: 'holiday' as const, startsOn: '2026-10-26', endsOn: '2026-10-30' },
  ];
  it('teaches in term and not on holidays; with no terms given, every day but holidays', () => {
    expect(isTimetableDay('2026-11-23', calendar)).toBe(true);
    expect(isTimetableDay('2026-10-27', calendar)).toBe(false);
    expect(isTimetableDay('2026-12-21', calendar)).toBe(false);
    expect(isTimetableDay('2026-12-21', [])).toBe(true);
  });

  it('counts weeks A and B from a Monday of week A, backwards too', () => {
    expect(timetableWeek('2026-11-16', 2, '2026-11-16')).toBe(1);
    expect(timetableWeek('2026-11-20', 2, '2026-11-16')).toBe(1);
    expect(timetableWeek('2026-11-23', 2, '2026-11-16')).toBe(2);
    expect(timetableWeek('2026-11-09', 2, '2026-11-16')).toBe(2);
    expect(timetableWeek('2026-11-23', 1, '2026-11-16')).toBe(1);
  });

  it('reads the moment in the school’s time zone (BST in June)', () => {
    const moment = timetableMoment(
      new Date('2026-06-15T08:30:00Z'),
      { timeZone: 'Europe/London', timetableWeeks: 1, timetableWeekOne: null },
      [],
    );
    expect(moment).toEqual({ date: '2026-06-15', week: 1, weekday: 1, minutes: 9 * 60 + 30, teaching: true });
  });
});
