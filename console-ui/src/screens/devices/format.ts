import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinutes } from '@waymark/shared';

interface DeviceFormatters {
  /** 25 Nov 2026, 10:30 */
  dateTime(iso: string): string;
  /** 5 minutes ago, yesterday, 3 weeks ago */
  relative(iso: string, now?: number): string;
  /** How much school time a silent device has missed: 40 min, 2 hr 10 min, 3 days. */
  schoolTime(minutes: number, schoolDayMinutes: number): string;
  number(value: number): string;
}

const UNITS: Array<
  [Intl.RelativeTimeFormatUnit & ('year' | 'month' | 'week' | 'day' | 'hour' | 'minute'), number]
> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * Dates, times and durations in the console's language. Chrome ships no Welsh date data (its
 * Intl falls back to American English for `cy`), so where the browser lacks the language the
 * words come from our own Welsh text instead.
 */
export function useDeviceFormatters(): DeviceFormatters {
  const { i18n, t } = useTranslation('devices');
  const language = i18n.language;
  return useMemo(() => formatters(language === 'cy' ? 'cy-GB' : 'en-GB', t), [language, t]);
}

function formatters(locale: string, t: TFunction<'devices'>): DeviceFormatters {
  const intl = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  const number = new Intl.NumberFormat(intl ? locale : 'en-GB');
  const numeric = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const months = t('format.months').split(' ');
  const dateTime = intl
    ? (date: Date) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
    : (date: Date) => {
        const part = (type: string) => numeric.formatToParts(date).find((p) => p.type === type)?.value ?? '';
        return t('format.dateTime', {
          day: part('day'),
          month: months[Number(part('month')) - 1] ?? part('month'),
          year: part('year'),
          time: `${part('hour')}:${part('minute')}`,
        });
      };
  const relativeIntl =
    Intl.RelativeTimeFormat.supportedLocalesOf([locale]).length > 0
      ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
      : null;
  const unitIntl = (unit: 'minute' | 'hour' | 'day') =>
    intl
      ? (n: number) =>
          new Intl.NumberFormat(locale, {
            style: 'unit',
            unit,
            unitDisplay: unit === 'day' ? 'long' : 'short',
          }).format(n)
      : (n: number) => t(`format.${unit}s`, { n: number.format(n) });
  const minutes = unitIntl('minute');
  const hours = unitIntl('hour');
  const days = unitIntl('day');

  return {
    dateTime: (iso) => dateTime(new Date(iso)),
    relative(iso, now = Date.now()) {
      const diff = new Date(iso).getTime() - now;
      for (const [unit, ms] of UNITS) {
        if (Math.abs(diff) < ms) continue;
        const n = Math.round(diff / ms);
        return relativeIntl
          ? relativeIntl.format(n, unit)
          : t(`format.${n < 0 ? 'ago' : 'in'}.${unit}`, { n: number.format(Math.abs(n)) });
      }
      return relativeIntl ? relativeIntl.format(0, 'minute') : t('format.justNow');
    },
    schoolTime(total, schoolDayMinutes) {
      if (schoolDayMinutes > 0 && total >= schoolDayMinutes)
        return days(Math.round((total / schoolDayMinutes) * 10) / 10);
      if (total < 60) return minutes(total);
      const rest = total % 60;
      return rest === 0 ? hours(Math.floor(total / 60)) : `${hours(Math.floor(total / 60))} ${minutes(rest)}`;
    },
    number: (value) => number.format(value),
  };
}

/** Minutes in the school day, from its HH:MM start and end. */
export function schoolDayMinutes(hours: { dayStart: string; dayEnd: string }): number {
  return Math.max(0, toMinutes(hours.dayEnd) - toMinutes(hours.dayStart));
}
