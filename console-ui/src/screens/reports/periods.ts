import { currentTerm, type SchoolTerm } from '@waymark/shared';

/** The periods a report can cover: the presets people ask for, or any dates. */
export const PRESETS = ['this-week', 'last-4-weeks', 'this-term', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** A period as the API takes it: `from` is the first day, `to` the day after the last. */
export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const toDay = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (isoDate: string, days: number) => toIso(toDay(isoDate) + days * DAY);
export const mondayOf = (isoDate: string) =>
  addDays(isoDate, -((new Date(toDay(isoDate)).getUTCDay() + 6) % 7));
export const isIsoDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDay(value));

/** The date on this computer's calendar (the school's, for a console used in school). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Easter Sunday of a year (the Gregorian computus, as in the Book of Common Prayer's tables). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first day of the school term `today` is in, with the three terms of schools in England and
 * Wales: autumn from 1 September, spring from 1 January, summer from Easter. Each boundary falls
 * in a holiday, when pupils are not in school, so the term's figures are the same whichever day of
 * that holiday a school's own calendar starts the term.
 */
export function termStart(today: string): string {
  const year = Number(today.slice(0, 4));
  const autumn = `${year}-09-01`;
  const summer = easterSunday(year);
  if (today >= autumn) return autumn;
  if (today >= summer) return summer;
  return `${year}-01-01`;
}

/**
 * "This term": the school's own term (`terms`, from its calendar) that today is in, or the one just
 * ended in a holiday; estimated with `termStart` when the school has given no terms.
 */
function thisTerm(today: string, terms: readonly SchoolTerm[]): Period {
  const term = currentTerm(today, terms);
  if (!term) return { from: termStart(today), to: addDays(today, 1) };
  return { from: term.startsOn, to: addDays(term.endsOn < today ? term.endsOn : today, 1) };
}

export function presetPeriod(
  preset: Exclude<Preset, 'custom'>,
  today: string,
  terms: readonly SchoolTerm[] = [],
): Period {
  const to = addDays(today, 1);
  switch (preset) {
    case 'this-week':
      return { from: mondayOf(today), to };
    case 'last-4-weeks':
      return { from: addDays(today, -27), to };
    case 'this-term':
      return thisTerm(today, terms);
  }
}

/** The last day of a period (its `to` is the day after). */
export const lastDay = (period: Period) => addDays(period.to, -1);

/**
 * The period in a report's address: `?period=this-term`, or `?period=custom&from=…&until=…`
 * (both days included, as people say them). Anything unreadable falls back to the last four weeks.
 */
export function periodFromSearch(
  search: URLSearchParams,
  today: string,
  terms: readonly SchoolTerm[] = [],
): { preset: Preset; period: Period } {
  const preset = (PRESETS as readonly string[]).includes(search.get('period') ?? '')
    ? (search.get('period') as Preset)
    : 'last-4-weeks';
  if (preset !== 'custom') return { preset, period: presetPeriod(preset, today, terms) };
  const from = search.get('from');
  const until = search.get('until');
  if (!isIsoDate(from) || !isIsoDate(until) || until < from) {
    return { preset: 'last-4-weeks', period: presetPeriod('last-4-weeks', today) };
  }
  return { preset, period: { from, to: addDays(until, 1) } };
}

/** The search parameters that keep a period in the address (and in links to the pupils report). */
export function periodSearch(preset: Preset, period: Period): Record<string, string> {
  return preset === 'custom'
    ? { period: preset, from: period.from, until: lastDay(period) }
    : { period: preset };
}
