import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentRecord } from '@waymark/shared';

/** Today's date where the console is open, as the API writes dates (YYYY-MM-DD). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A follow-up is due from its date on, until the incident closes. */
export function isFollowUpDue(incident: Pick<IncidentRecord, 'followUpDate' | 'status'>, today = todayIso()) {
  return incident.status !== 'closed' && incident.followUpDate !== null && incident.followUpDate <= today;
}

/** Dates and times in the console's language (Welsh dates in Welsh). */
export function useIncidentFormat() {
  const { i18n } = useTranslation();
  // Where the browser has no Welsh date names, British English is the fallback, not American.
  const locale = i18n.language === 'cy' ? ['cy-GB', 'en-GB'] : ['en-GB'];
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    // A follow-up date is a calendar day, not an instant: format it without shifting time zones.
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
      day: (isoDate: string) => day.format(new Date(`${isoDate}T00:00:00Z`)),
    };
  }, [locale.join()]);
}
