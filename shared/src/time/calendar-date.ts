import { z } from 'zod';

/**
 * The years a school's dates and times may fall in. Outside them a date is a typing slip or a
 * probe, and the database cannot do arithmetic near its own limits (PostgreSQL has no year 0;
 * a report's default period starts weeks before the day it is given).
 */
const FIRST = '1970-01-01';
const LAST = '2999-12-31';
const RANGE_MESSAGE = `must be between ${FIRST} and ${LAST}`;

/** A calendar day, `YYYY-MM-DD`, within the years a school works in. */
export function calendarDate() {
  return z.iso.date().refine((d) => d >= FIRST && d <= LAST, { message: RANGE_MESSAGE });
}

/** An instant with its offset (ISO 8601), within the years a school works in. */
export function instant() {
  return z.iso.datetime({ offset: true }).refine(
    (t) => {
      const ms = Date.parse(t);
      return ms >= Date.parse(`${FIRST}T00:00:00Z`) && ms <= Date.parse(`${LAST}T23:59:59Z`);
    },
    { message: RANGE_MESSAGE },
  );
}
