import { stringify } from 'csv-stringify/sync';
import {
  reportLabel,
  REPORT_LABELS,
  type PupilEventsReport,
  type PupilReportRow,
  type ReportCount,
  type ReportLanguage,
  type ReportSeries,
  type ReportSummary,
} from '@waymark/shared';
import { REPORT_TEXT } from './report-text';

type Cell = string | number;

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; pupils' searches and pages end
 * up in these files, so such text is quoted with a leading apostrophe (OWASP's CSV injection advice).
 */
const safe = (cell: Cell): Cell =>
  typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;

/** CSV with a byte-order mark, so Excel reads Welsh letters (ŵ, ŷ) as they are. */
function toCsv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows.map((r) => r.map(safe))], { bom: true, record_delimiter: 'windows' });
}

type SeriesGroup = 'categories' | 'keyStages' | 'classes';

/** A chart over time as a table: one row per day or week, one column per line, and the totals. */
export function seriesCsv(
  summary: ReportSummary,
  series: ReportSeries[],
  group: SeriesGroup,
  lang: ReportLanguage,
) {
  const text = REPORT_TEXT[lang].csv;
  const name = (s: ReportSeries) =>
    group === 'classes' ? (s.label ?? REPORT_LABELS[lang].noClass) : reportLabel(lang, group, s.key);
  const header = [
    summary.granularity === 'day' ? text.day : text.weekBeginning,
    ...series.map(name),
    text.total,
  ];
  const rows: Cell[][] = summary.buckets.map((bucket, i) => [
    bucket,
    ...series.map((s) => s.counts[i] ?? 0),
    series.reduce((n, s) => n + (s.counts[i] ?? 0), 0),
  ]);
  rows.push([text.total, ...series.map((s) => s.total), series.reduce((n, s) => n + s.total, 0)]);
  return toCsv(header, rows);
}

export function countsCsv(
  rows: ReportCount[],
  header: [string, string],
  label: (key: string) => string = (key) => key,
): string {
  return toCsv(
    header,
    rows.map((r) => [label(r.key), r.count]),
  );
}

export function topSitesCsv(summary: ReportSummary, lang: ReportLanguage): string {
  const text = REPORT_TEXT[lang].csv;
  return toCsv(
    [text.site, text.category, text.blockedAttempts],
    summary.topBlockedSites.map((s) => [
      s.host,
      reportLabel(lang, 'categories', s.category ?? 'uncategorised'),
      s.count,
    ]),
  );
}

export function pupilsCsv(rows: PupilReportRow[], lang: ReportLanguage): string {
  const text = REPORT_TEXT[lang].csv;
  return toCsv(
    [
      text.pupil,
      text.email,
      text.device,
      text.class,
      text.blockedAttempts,
      text.flaggedSearches,
      text.requestsForHelp,
    ],
    rows.map((r) => [
      r.pupil ?? text.notSignedIn,
      r.email ?? '',
      r.deviceName ?? '',
      r.className ?? '',
      r.blocked,
      r.flaggedSearches,
      r.concerns,
    ]),
  );
}

export function pupilEventsCsv(report: PupilEventsReport, timeZone: string, lang: ReportLanguage): string {
  const text = REPORT_TEXT[lang].csv;
  // sv-SE writes 2026-11-30 09:15:00: sortable, and every spreadsheet reads it as a date and time.
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  return toCsv(
    [text.time, text.what, text.address, text.category, text.text, text.flags, text.class, text.device],
    report.events.map((e) => [
      time.format(new Date(e.occurredAt)),
      text.kinds[e.kind] ?? e.kind,
      e.urlHidden ? text.hidden : (e.url ?? ''),
      e.category ? reportLabel(lang, 'categories', e.category) : '',
      e.text ?? '',
      e.flags.map((f) => reportLabel(lang, 'categories', f)).join('; '),
      e.className ?? '',
      e.deviceName,
    ]),
  );
}
