import type { ReportSeries } from '@waymark/shared';

/**
 * Colours for chart series: each has at least 3:1 contrast with the white background (WCAG 1.4.11)
 * and they differ in lightness as well as hue. The last is for "Other".
 */
export const SERIES_COLOURS = ['#0b5cad', '#b45309', '#15803d', '#7e22ce', '#be123c', '#0f766e', '#1e293b'];
const OTHER_COLOUR = '#64748b';
export const OTHER_KEY = '__other__';

/** The largest series, the rest folded into "Other", so a chart and its table stay readable. */
export function topSeries(series: ReportSeries[], max = SERIES_COLOURS.length): ReportSeries[] {
  if (series.length <= max + 1) return series;
  const rest = series.slice(max);
  const other: ReportSeries = {
    key: OTHER_KEY,
    label: null,
    counts: rest[0]!.counts.map((_, i) => rest.reduce((n, s) => n + (s.counts[i] ?? 0), 0)),
    total: rest.reduce((n, s) => n + s.total, 0),
  };
  return [...series.slice(0, max), other];
}

export const colourOf = (series: ReportSeries, index: number) =>
  series.key === OTHER_KEY ? OTHER_COLOUR : SERIES_COLOURS[index % SERIES_COLOURS.length]!;
