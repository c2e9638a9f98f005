import { localTime, toMinutes } from '@waymark/shared';

/**
 * The timetable period `now` falls in (school days, in the school's time zone), as instants;
 * null between periods, before and after school and at weekends.
 */
export function currentPeriod(
  periods: ReadonlyArray<{ start: string; end: string }>,
  timeZone: string,
  now: Date,
): { startsAt: Date; endsAt: Date } | null {
  const { weekday, minutes } = localTime(now, timeZone);
  if (weekday > 5) return null;
  const period = periods.find((p) => toMinutes(p.start) <= minutes && minutes < toMinutes(p.end));
  if (!period) return null;
  const minuteStart = Math.floor(now.getTime() / 60_000) * 60_000;
  return {
    startsAt: new Date(minuteStart - (minutes - toMinutes(period.start)) * 60_000),
    endsAt: new Date(minuteStart + (toMinutes(period.end) - minutes) * 60_000),
  };
}

/** Outside the timetable the live view counts the last hour. */
export const UNTIMETABLED_WINDOW_MS = 60 * 60 * 1000;
