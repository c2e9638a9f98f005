import { localTime } from '../time/clock';

/**
 * Timetable arithmetic, in the school's time zone (docs/architecture.md, "Teaching groups and the
 * timetable"): which day of the school calendar an instant falls on, which week of a two-week
 * timetable, and the instant a minute of that day begins.
 */

/** A term or holiday of the school's calendar, days inclusive (`YYYY-MM-DD`). */
export interface CalendarEntry {
  kind: 'term' | 'holiday';
  startsOn: string;
  endsOn: string;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone. */
function localDate(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Whether the timetable runs on a day: in one of the school's terms (any day, when it has given
 * none) and in none of its holidays. Weekends are the timetable's own business (it has no lessons).
 */
export function isTimetableDay(date: string, calendar: readonly CalendarEntry[]): boolean {
  const within = (e: CalendarEntry) => e.startsOn <= date && date <= e.endsOn;
  const terms = calendar.filter((e) => e.kind === 'term');
  if (terms.length > 0 && !terms.some(within)) return false;
  return !calendar.some((e) => e.kind === 'holiday' && within(e));
}

const DAY_MS = 86_400_000;

/**
 * The week (1 or 2, A or B) of a two-week timetable a day is in: counted in whole weeks from
 * `weekOne`, a Monday of week 1. A one-week timetable (or no `weekOne`) is always week 1.
 */
export function timetableWeek(date: string, weeks: number, weekOne: string | null): number {
  if (weeks < 2 || !weekOne) return 1;
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${weekOne}T00:00:00Z`)) / DAY_MS);
  const week = Math.floor(days / 7);
  return (((week % weeks) + weeks) % weeks) + 1;
}

/** Where an instant sits in the school's timetable: the day, its week and weekday, and the minute. */
export interface TimetableMoment {
  date: string;
  week: number;
  weekday: number;
  minutes: number;
  /** False on a holiday or out of term: no lesson runs. */
  teaching: boolean;
}

export function timetableMoment(
  now: Date,
  school: { timeZone: string; timetableWeeks: number; timetableWeekOne: string | null },
  calendar: readonly CalendarEntry[],
): TimetableMoment {
  const { weekday, minutes } = localTime(now, school.timeZone);
  const date = localDate(now, school.timeZone);
  return {
    date,
    week: timetableWeek(date, school.timetableWeeks, school.timetableWeekOne),
    weekday,
    minutes,
    teaching: isTimetableDay(date, calendar),
  };
}

/** The instant minute `minute` of the day `now` falls on begins (same clock day, same offset). */
export function instantOfMinute(now: Date, moment: { minutes: number }, minute: number): Date {
  const minuteStart = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(minuteStart + (minute - moment.minutes) * 60_000);
}
