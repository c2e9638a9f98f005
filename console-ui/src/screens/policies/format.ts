import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Dates and times in the console's language. Browsers without Welsh locale data (Debian's
 * Chromium among them) would fall back to American English, so Welsh then uses numeric UK dates.
 */
export function useDateTimeFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const welsh = i18n.language === 'cy';
    const hasWelsh = welsh && Intl.DateTimeFormat.supportedLocalesOf(['cy-GB']).length > 0;
    const format = new Intl.DateTimeFormat(
      hasWelsh ? 'cy-GB' : 'en-GB',
      welsh && !hasWelsh
        ? { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }
        : { dateStyle: 'medium', timeStyle: 'short' },
    );
    return (iso: string) => format.format(new Date(iso));
  }, [i18n.language]);
}
