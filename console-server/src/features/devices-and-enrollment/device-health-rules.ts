import { localTime, toMinutes } from '@waymark/shared';

/** When the school is open: Monday to Friday, `dayStart` to `dayEnd` (HH:MM) in its time zone. */
interface SchoolHours {
  timeZone: string;
  dayStart: string;
  dayEnd: string;
}

const DAY_MS = 86_400_000;

/** The calendar day an instant falls on in the school's time zone, as a UTC midnight timestamp. */
function localDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'));
}

/** Monday to Friday among the days after `fromDay` and before `toDay` (both UTC midnights). */
function weekdaysBetween(fromDay: number, toDay: number): number {
  const days = Math.round((toDay - fromDay) / DAY_MS) - 1;
  if (days <= 0) return 0;
  let weekdays = Math.floor(days / 7) * 5;
  const firstWeekday = new Date(fromDay + DAY_MS).getUTCDay();
  for (let i = 0; i < days % 7; i++) {
    const weekday = (firstWeekday + i) % 7;
    if (weekday !== 0 && weekday !== 6) weekdays++;
  }
  return weekdays;
}

/**
 * Minutes of school time between two instants: only school days and only school hours count, in
 * the school's own time zone (so clock changes do not move the school day). A device last heard
 * from at 15:00 on Friday has missed 30 minutes of a 15:30 finish by Monday 08:30, not 65 hours.
 */
export function schoolMinutesBetween(from: Date, to: Date, hours: SchoolHours): number {
  if (to.getTime() <= from.getTime()) return 0;
  const start = toMinutes(hours.dayStart);
  const end = toMinutes(hours.dayEnd);
  const open = (weekday: number, from: number, to: number) =>
    weekday <= 5 ? Math.max(0, Math.min(to, end) - Math.max(from, start)) : 0;
  const a = localTime(from, hours.timeZone);
  const b = localTime(to, hours.timeZone);
  const dayA = localDay(from, hours.timeZone);
  const dayB = localDay(to, hours.timeZone);
  if (dayA === dayB) return open(a.weekday, a.minutes, b.minutes);
  return (
    open(a.weekday, a.minutes, 24 * 60) +
    weekdaysBetween(dayA, dayB) * Math.max(0, end - start) +
    open(b.weekday, 0, b.minutes)
  );
}

/** Extension versions are 1–4 dot-separated numbers (Chrome's format); anything after a number is ignored. */
function versionParts(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/** Negative when `a` is older than `b`, positive when newer, 0 when the same. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function newestVersion(versions: Iterable<string | null | undefined>): string | null {
  let newest: string | null = null;
  for (const version of versions) {
    if (version && (newest === null || compareVersions(version, newest) > 0)) newest = version;
  }
  return newest;
}
