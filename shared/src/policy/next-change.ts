import type { PolicyContext } from './policy-entries';
import type { Policy } from './schema';
import { localTime, toMinutes } from '../time/clock';
import { minOf } from '../util/append-all';

const MINUTE = 60_000;

/** The instant, after `now`, when the school's clock next shows `weekday` at `minutes` past midnight. */
function nextLocal(now: Date, timeZone: string, weekday: number, minutes: number): Date {
  const here = localTime(now, timeZone);
  let days = (weekday - here.weekday + 7) % 7;
  if (days === 0 && minutes <= here.minutes) days = 7;
  const guess = new Date(
    Math.floor(now.getTime() / MINUTE) * MINUTE + (days * 1440 + minutes - here.minutes) * MINUTE,
  );
  // A clock change between now and then moves the wall clock by up to an hour: correct once.
  const there = localTime(guess, timeZone);
  const drift = there.minutes - minutes;
  return drift === 0 ? guess : new Date(guess.getTime() - drift * MINUTE);
}

/**
 * When the rules in force for this context next change by themselves: a lesson override starting
 * or ending, or an allow-at-times window opening or closing. The extension sets an alarm for it,
 * so an expiry is applied on time even if the device was offline when the lesson ended.
 */
export function nextPolicyChange(policy: Policy, ctx: PolicyContext): Date | null {
  const now = ctx.now.getTime();
  const classes = new Set(ctx.classIds ?? []);
  const times: number[] = [];
  for (const o of policy.overrides) {
    if (classes.size > 0 && !classes.has(o.classId)) continue;
    for (const t of [Date.parse(o.startsAt), Date.parse(o.endsAt)]) if (t > now) times.push(t);
  }
  for (const action of Object.values(policy.categories)) {
    if (action?.action !== 'allow-at-times') continue;
    for (const w of action.windows) {
      for (const day of w.days) {
        for (const m of [toMinutes(w.start), toMinutes(w.end)]) {
          times.push(nextLocal(ctx.now, policy.timeZone, day, m).getTime());
        }
      }
    }
  }
  return times.length === 0 ? null : new Date(minOf(times));
}
