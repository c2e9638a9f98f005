import { CATEGORY_LABELS, type Category } from '@waymark/shared';
import { escapeHtml } from '../alerts/mailer';
import type { Digest } from './report-service';

const label = (c: string) =>
  CATEGORY_LABELS[c as Category] ?? (c === 'uncategorised' ? 'Not on the allow-list / uncategorised' : c);
const date = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

function table(caption: string, head: [string, string], rows: Array<[string, number]>): string {
  if (rows.length === 0) return `<h2>${escapeHtml(caption)}</h2><p>None.</p>`;
  const body = rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${v}</td></tr>`).join('');
  return `<h2>${escapeHtml(caption)}</h2><table><thead><tr><th scope="col">${head[0]}</th><th scope="col">${head[1]}</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** The weekly digest as a self-contained HTML page (and e-mail body): aggregates only, no names. */
export function digestHtml(schoolName: string, d: Digest): string {
  const end = new Date(new Date(d.to).getTime() - 1).toISOString();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Waymark weekly digest – ${escapeHtml(schoolName)}</title>
<style>body{font-family:system-ui,sans-serif;color:#1b2430;max-width:46rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{text-align:left;border-bottom:1px solid #ccd;padding:.3rem .5rem}.figures{display:flex;gap:1.5rem;flex-wrap:wrap}.figures div{background:#eef2f7;padding:.6rem 1rem;border-radius:.5rem}</style></head>
<body><h1>Online safety this week: ${escapeHtml(schoolName)}</h1>
<p>${escapeHtml(date(d.from))} to ${escapeHtml(date(end))}</p>
<div class="figures"><div><strong>${d.alerts}</strong> alerts</div><div><strong>${d.concerns}</strong> requests for help</div><div><strong>${d.tamper}</strong> circumvention reports</div><div><strong>${d.incidentsOpened}</strong> incidents opened, ${d.incidentsClosed} closed</div></div>
${table(
  'Blocked attempts by category',
  ['Category', 'Attempts'],
  d.blockedByCategory.map((r) => [label(r.category), r.count]),
)}
${table(
  'Most blocked sites',
  ['Site', 'Attempts'],
  d.topBlockedSites.map((r) => [r.host, r.count]),
)}
${table(
  'Flagged searches by category',
  ['Category', 'Searches'],
  d.flaggedSearchesByCategory.map((r) => [label(r.category), r.count]),
)}
<p>Open Waymark for the events behind these figures. Illegal-category addresses are never listed here.</p></body></html>`;
}
