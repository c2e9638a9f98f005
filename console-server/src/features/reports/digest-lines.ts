import { reportLabel, type ReportLanguage } from '@waymark/shared';
import type { Digest } from './report-service';
import { REPORT_TEXT } from './report-text';

/**
 * The digest as lines a reader can point at ("Gambling: 14 attempts"): what the weekly check's
 * "report a concern to the head teacher" action offers, in the e-mail and in the console alike.
 */
export function digestLines(d: Digest, lang: ReportLanguage = 'en'): string[] {
  const words = REPORT_TEXT[lang].digest;
  const label = (c: string) => reportLabel(lang, 'categories', c);
  return [
    `${words.alerts}: ${d.alerts}`,
    `${words.concerns}: ${d.concerns}`,
    `${words.tamper}: ${d.tamper}`,
    `${words.incidentsOpened}: ${d.incidentsOpened}`,
    `${words.incidentsClosed}: ${d.incidentsClosed}`,
    ...d.blockedByCategory.map((r) => `${words.blockedByCategory} – ${label(r.category)}: ${r.count}`),
    ...d.topBlockedSites.map((r) => `${words.topSites} – ${r.host}: ${r.count}`),
    ...d.flaggedSearchesByCategory.map(
      (r) => `${words.flaggedByCategory} – ${label(r.category)}: ${r.count}`,
    ),
  ];
}
