import { localTime, toMinutes } from '../time/clock';
import type { TimeWindow } from './schema';

export function inTimeWindow(windows: readonly TimeWindow[], now: Date, timeZone: string): boolean {
  const { weekday, minutes } = localTime(now, timeZone);
  return windows.some(
    (w) => w.days.includes(weekday) && minutes >= toMinutes(w.start) && minutes < toMinutes(w.end),
  );
}
