import { useTranslation } from 'react-i18next';

/** A date and time in the console's language. */
export function useWhen() {
  const { i18n } = useTranslation();
  // A browser without Welsh dates (Chromium's ICU may lack it) shows British English ones.
  const locale =
    i18n.language === 'cy' && Intl.DateTimeFormat.supportedLocalesOf(['cy-GB']).length > 0
      ? 'cy-GB'
      : 'en-GB';
  return (iso: string) =>
    new Date(iso).toLocaleString(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
}
