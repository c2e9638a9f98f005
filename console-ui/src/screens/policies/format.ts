import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and times in the console's language (Welsh month names in Welsh). */
export function useDateTimeFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language === 'cy' ? 'cy-GB' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return (iso: string) => format.format(new Date(iso));
  }, [i18n.language]);
}
