import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/open-database';
import { schoolTimeZone } from '../../db/school-time-zone';
import { schools } from '../../db/schema';

/** A report's period: the school's dates, the instants they start and end at, and its chart buckets. */
export interface ReportPeriod {
  fromDate: string;
  /** The day after the last day. */
  toDate: string;
  from: Date;
  to: Date;
  timeZone: string;
  granularity: 'day' | 'week';
  buckets: string[];
}

const DAY = 86_400_000;
/** Up to five weeks reads best day by day; longer periods by week. */
const MAX_DAILY_DAYS = 35;

const toDay = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (isoDate: string, days: number) => toIso(toDay(isoDate) + days * DAY);
/** The Monday of the week `isoDate` is in. */
export const mondayOf = (isoDate: string) =>
  addDays(isoDate, -((new Date(toDay(isoDate)).getUTCDay() + 6) % 7));

/** Today's date where the school is. */
function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function bucketsOf(fromDate: string, toDate: string, granularity: 'day' | 'week'): string[] {
  const buckets: string[] = [];
  const step = granularity === 'day' ? 1 : 7;
  for (let d = granularity === 'day' ? fromDate : mondayOf(fromDate); d < toDate; d = addDays(d, step)) {
    buckets.push(d);
  }
  return buckets;
}

export type DefaultPeriod = 'last-week' | 'last-4-weeks';

/**
 * Resolves `from`/`to` (the school's dates) to instants at the school's midnights, so a report
 * counts what happened on those days where the school is, across clock changes.
 */
export async function resolvePeriod(
  db: Database,
  schoolId: string,
  query: { from?: string; to?: string },
  fallback: DefaultPeriod,
  now = new Date(),
): Promise<ReportPeriod> {
  const timeZone = await schoolTimeZone(db, schoolId);
  const today = todayIn(timeZone, now);
  const defaults =
    fallback === 'last-week'
      ? { from: addDays(mondayOf(today), -7), to: mondayOf(today) }
      : { from: addDays(today, -27), to: addDays(today, 1) };
  let fromDate = query.from ?? (query.to ? addDays(query.to, -28) : defaults.from);
  const toDate = query.to ?? (query.from ? addDays(query.from, 28) : defaults.to);
  if (fromDate >= toDate) fromDate = addDays(toDate, -1);
  const epoch = (date: string) =>
    sql<number>`extract(epoch from (${date}::date::timestamp at time zone ${timeZone}))::float8`;
  const [bounds] = await db
    .select({ from: epoch(fromDate), to: epoch(toDate) })
    .from(schools)
    .where(eq(schools.id, schoolId));
  const days = (toDay(toDate) - toDay(fromDate)) / DAY;
  const granularity = days <= MAX_DAILY_DAYS ? 'day' : 'week';
  return {
    fromDate,
    toDate,
    from: new Date(bounds!.from * 1000),
    to: new Date(bounds!.to * 1000),
    timeZone,
    granularity,
    buckets: bucketsOf(fromDate, toDate, granularity),
  };
}
