import { localTime, toMinutes } from '@waymark/shared';

export interface EscalationClock {
  timeZone: string;
  /** School hours, `HH:MM` in `timeZone`, Monday to Friday. */
  dayStart: string;
  dayEnd: string;
  /** The school's escalation time. */
  minutes: number;
  /** True: the minutes run at any hour; false: in school hours only. */
  anyTime: boolean;
}

const MINUTE = 60_000;

/**
 * When an alert raised (or escalated) at `from` goes further if nobody acknowledges it: the school's
 * escalation minutes later, counted in school hours unless the school says any time. An alert
 * raised in the evening is counted from the next school morning. `minuteMs` is how long one of the
 * school's minutes lasts (a minute; end-to-end tests shorten it).
 */
export function escalationDeadline(from: Date, clock: EscalationClock, minuteMs = MINUTE): Date {
  let remaining = clock.minutes * minuteMs;
  const start = toMinutes(clock.dayStart);
  const end = toMinutes(clock.dayEnd);
  if (clock.anyTime || end <= start) return new Date(from.getTime() + remaining);
  let t = from.getTime();
  // Each turn reaches the school day's start or end, or midnight: a few turns a day, two weeks at most.
  for (let turn = 0; turn < 200; turn++) {
    const { weekday, minutes } = localTime(new Date(t), clock.timeZone);
    const schoolDay = weekday <= 5;
    if (schoolDay && minutes >= start && minutes < end) {
      const open = (end - minutes) * MINUTE - (t % MINUTE);
      if (remaining <= open) return new Date(t + remaining);
      remaining -= open;
      t += open;
    } else if (schoolDay && minutes < start) {
      t += (start - minutes) * MINUTE - (t % MINUTE);
    } else {
      t += (24 * 60 - minutes) * MINUTE - (t % MINUTE);
    }
  }
  return new Date(t + remaining);
}
