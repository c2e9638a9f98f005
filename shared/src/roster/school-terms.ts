import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { isTimetableDay, type CalendarEntry } from './lesson-time';

/** A term of the school's calendar, days inclusive (`YYYY-MM-DD`). */
export const SchoolTermSchema = z.object({ name: safeText(), startsOn: safeText(), endsOn: safeText() });
export type SchoolTerm = z.infer<typeof SchoolTermSchema>;

/**
 * The school's term `today` is in; in a holiday between terms, the term just ended (its figures are
 * the ones people ask for then). Null when the school has given no term that has started.
 */
export function currentTerm(today: string, terms: readonly SchoolTerm[]): SchoolTerm | null {
  let latest: SchoolTerm | null = null;
  for (const term of terms) {
    if (term.startsOn > today) continue;
    if (today <= term.endsOn) return term;
    if (!latest || term.startsOn > latest.startsOn) latest = term;
  }
  return latest;
}

const DAY_MS = 86_400_000;
const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Whether the school was closed the whole working week from `monday` (Monday to Friday in a
 * holiday, or out of every term the school has given): the name of its holiday, or `''` when it
 * was simply out of term; null when the school was open on any of those days, or gave no dates.
 */
export function closedWeek(
  monday: string,
  calendar: readonly (CalendarEntry & { name: string })[],
): string | null {
  if (calendar.length === 0) return null;
  const days = [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
  if (days.some((day) => isTimetableDay(day, calendar))) return null;
  const holiday = calendar.find(
    (e) => e.kind === 'holiday' && days.some((day) => e.startsOn <= day && day <= e.endsOn),
  );
  return holiday?.name ?? '';
}
