import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredEvent } from '@waymark/shared';

/** Times in the console's language (Welsh dates and times where the browser knows them). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'cy' ? 'cy-GB' : 'en-GB';
  return useMemo(() => {
    // Schools in England and Wales use the 24-hour clock, in either language.
    const seconds = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const minutes = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dated = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });
    const numbers = new Intl.NumberFormat(locale);
    return {
      number: (n: number) => numbers.format(n),
      time: (iso: string) => seconds.format(new Date(iso)),
      clock: (iso: string) => minutes.format(new Date(iso)),
      /** The day of a planned session. */
      day: (iso: string) => day.format(new Date(iso)),
      /** Date and time, for records such as an incident. */
      dateTime: (iso: string) => dated.format(new Date(iso)),
    };
  }, [locale]);
}

/** A page's address without the scheme or "www.", for a tile with little room. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname;
    return `${u.hostname.replace(/^www\./, '')}${path}${u.search}`;
  } catch {
    return url;
  }
}

/** Who an event is about, in words: the pupil's name, their e-mail, or null when no one is signed in. */
export function pupilOf(event: Pick<StoredEvent, 'pupilName' | 'user'>): string | null {
  return event.pupilName ?? event.user;
}
