import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_LABELS, reportLabel, type ReportLanguage, type ReportSeries } from '@waymark/shared';

const WELSH_MONTHS = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];
const WELSH_SHORT_MONTHS = [
  'Ion',
  'Chwef',
  'Maw',
  'Ebr',
  'Mai',
  'Meh',
  'Gorff',
  'Awst',
  'Medi',
  'Hyd',
  'Tach',
  'Rhag',
];

/**
 * Dates in Welsh. Chromium's copy of ICU has no Welsh month names (Intl answers "November" for
 * cy-GB), so they are written out here.
 */
const welsh = {
  shortDate: (d: Date) => `${d.getUTCDate()} ${WELSH_SHORT_MONTHS[d.getUTCMonth()]}`,
  longDate: (d: Date) => `${d.getUTCDate()} ${WELSH_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  dateTime: (d: Date) =>
    `${d.getDate()} ${WELSH_SHORT_MONTHS[d.getMonth()]} ${d.getFullYear()}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`,
};

/**
 * Report keys (categories, key stages, actions, statuses) in the console's language. The words
 * come from shared's report labels, so the screen, the CSV files and the digest say the same.
 */
export function useReportLabels() {
  const { i18n } = useTranslation('reports');
  const lang: ReportLanguage = i18n.language === 'cy' ? 'cy' : 'en';
  return useMemo(() => {
    const locale = lang === 'cy' ? 'cy-GB' : 'en-GB';
    const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const longDate = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
    return {
      lang,
      category: (key: string) => reportLabel(lang, 'categories', key),
      keyStage: (key: string) => reportLabel(lang, 'keyStages', key),
      action: (key: string) => reportLabel(lang, 'actions', key),
      status: (key: string) => reportLabel(lang, 'statuses', key),
      className: (series: Pick<ReportSeries, 'label'>) => series.label ?? REPORT_LABELS[lang].noClass,
      /** 2 Nov: a chart's day or week. */
      shortDate: (isoDate: string) =>
        lang === 'cy' ? welsh.shortDate(utc(isoDate)) : dayMonth.format(utc(isoDate)),
      /** 2 November 2026. */
      longDate: (isoDate: string) =>
        lang === 'cy' ? welsh.longDate(utc(isoDate)) : longDate.format(utc(isoDate)),
      dateTime: (iso: string) =>
        lang === 'cy' ? welsh.dateTime(new Date(iso)) : dateTime.format(new Date(iso)),
      number: (n: number) => number.format(n),
    };
  }, [lang]);
}
