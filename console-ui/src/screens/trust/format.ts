import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { reportLabel } from '@waymark/shared';

/** Dates, numbers and labels in the console's language (Welsh dates in Welsh). */
export function useTrustFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'cy' ? 'cy' : 'en';
  return useMemo(() => {
    const locale = lang === 'cy' ? ['cy-GB', 'en-GB'] : ['en-GB'];
    // The period's dates are calendar days: formatted without shifting time zones.
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    return {
      day: (isoDate: string) => day.format(new Date(`${isoDate}T00:00:00Z`)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      number: (n: number) => number.format(n),
      category: (key: string) => reportLabel(lang, 'categories', key),
      status: (key: string) => reportLabel(lang, 'statuses', key),
    };
  }, [lang]);
}
