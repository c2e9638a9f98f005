import { DEFAULT_TIME_ZONE, reportLabel, type PupilReportRow, type ReportLanguage } from '@waymark/shared';
import { escapeHtml } from '../alerts';
import type { Digest } from './report-service';
import { REPORT_TEXT } from './report-text';

const WEEK_MS = 7 * 86_400_000;

/** A link after a line of the e-mailed digest: the weekly check's "report a concern" action. */
type ConcernLink = (lineIndex: number) => string;

function table(
  caption: string,
  head: [string, string],
  rows: Array<[string, number]>,
  none: string,
  action?: { link: ConcernLink; first: number; label: string },
): string {
  if (rows.length === 0) return `<h2>${escapeHtml(caption)}</h2><p>${escapeHtml(none)}</p>`;
  const actionCell = (i: number) =>
    action
      ? `<td><a href="${escapeHtml(action.link(action.first + i))}">${escapeHtml(action.label)}</a></td>`
      : '';
  const body = rows
    .map(([k, v], i) => `<tr><td>${escapeHtml(k)}</td><td>${v}</td>${actionCell(i)}</tr>`)
    .join('');
  const actionHead = action ? '<td></td>' : '';
  return `<h2>${escapeHtml(caption)}</h2><table><thead><tr><th scope="col">${escapeHtml(head[0])}</th><th scope="col">${escapeHtml(head[1])}</th>${actionHead}</tr></thead><tbody>${body}</tbody></table>`;
}

interface DigestHtmlOptions {
  /** The school's own time zone, for the dates the digest covers (default: DEFAULT_TIME_ZONE). */
  timeZone?: string;
  /** The e-mailed copy for those who do the weekly check: each line links to "report a concern". */
  concernLink?: ConcernLink;
  /** Only where the school chose to name pupils in the technician's copy. */
  pupils?: PupilReportRow[];
  /**
   * The e-mailed copy: the incident log's chain head, kept outside the database by being sent
   * (docs/architecture.md, "Incidents"), with how to check it.
   */
  anchor?: string;
  /** The week the school was closed: its holiday's name ('' out of term), said at the top. */
  closed?: string | null;
}

/**
 * The weekly digest (or the same figures for any period) as a self-contained HTML page and
 * e-mail body, in English or Welsh: aggregates only, no names unless `options.pupils` is given.
 */
export function digestHtml(
  schoolName: string,
  d: Digest,
  lang: ReportLanguage = 'en',
  options: DigestHtmlOptions = {},
): string {
  const text = REPORT_TEXT[lang];
  const words = text.digest;
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(text.locale, {
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
  const end = new Date(new Date(d.to).getTime() - 1).toISOString();
  const span = new Date(d.to).getTime() - new Date(d.from).getTime();
  // A week (or part of one) is 7 days at most, give or take the clock change.
  const title = span <= WEEK_MS + 3_600_000 ? words.weekTitle(schoolName) : words.periodTitle(schoolName);
  const label = (c: string) => reportLabel(lang, 'categories', c);
  const { concernLink } = options;
  const figureAction = (i: number) =>
    concernLink ? ` <a href="${escapeHtml(concernLink(i))}">${escapeHtml(words.reportConcern)}</a>` : '';
  const figure = (name: string, value: number, i: number) =>
    `<div><span>${escapeHtml(name)}</span> <strong>${value}</strong>${figureAction(i)}</div>`;
  // Line numbers as digestLines() counts them: the five figures, then each table's rows in turn.
  const firstLine = {
    blocked: 5,
    sites: 5 + d.blockedByCategory.length,
    flagged: 5 + d.blockedByCategory.length + d.topBlockedSites.length,
  };
  const action = (first: number) =>
    concernLink ? { link: concernLink, first, label: words.reportConcern } : undefined;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Waymark – ${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;color:#1b2430;background:#fff;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{text-align:left;border-bottom:1px solid #ccd;padding:.3rem .5rem}td+td,th+th{text-align:right}.figures{display:flex;gap:1rem;flex-wrap:wrap}.figures div{background:#eef2f7;padding:.6rem 1rem;border-radius:.5rem}.figures strong{display:block;font-size:1.4rem}@media print{body{margin:0;max-width:none}}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(words.range(date(d.from), date(end)))}</p>${
    options.closed != null ? `\n<p data-closed="week">${escapeHtml(words.closed(options.closed))}</p>` : ''
  }
<div class="figures">${figure(words.alerts, d.alerts, 0)}${figure(words.concerns, d.concerns, 1)}${figure(words.tamper, d.tamper, 2)}${figure(words.incidentsOpened, d.incidentsOpened, 3)}${figure(words.incidentsClosed, d.incidentsClosed, 4)}</div>
${table(
  words.blockedByCategory,
  [words.category, words.attempts],
  d.blockedByCategory.map((r) => [label(r.category), r.count]),
  words.none,
  action(firstLine.blocked),
)}
${table(
  words.topSites,
  [words.site, words.attempts],
  d.topBlockedSites.map((r) => [r.host, r.count]),
  words.none,
  action(firstLine.sites),
)}
${table(
  words.flaggedByCategory,
  [words.category, words.searches],
  d.flaggedSearchesByCategory.map((r) => [label(r.category), r.count]),
  words.none,
  action(firstLine.flagged),
)}${options.pupils ? pupilsTable(options.pupils, words) : ''}
<p>${escapeHtml(words.footer)}</p>${
    options.anchor ? `\n<p data-anchor="incident-log"><small>${escapeHtml(options.anchor)}</small></p>` : ''
  }</main></body></html>`;
}

function pupilsTable(pupils: PupilReportRow[], words: (typeof REPORT_TEXT)['en']['digest']): string {
  const named = pupils.filter((p) => p.pupil !== null && p.blocked > 0).slice(0, 10);
  return table(
    words.pupilsTitle,
    [words.pupil, words.attempts],
    named.map((p) => [p.pupil!, p.blocked]),
    words.none,
  );
}
