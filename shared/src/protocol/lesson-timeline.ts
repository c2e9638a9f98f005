import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { instant } from '../time/calendar-date';
import { TabCategorySchema } from './tab-state';

/**
 * One line of a pupil's lesson timeline: a site the active tab was on while the class was watched
 * (with the time spent), or a blocked attempt, a search or an unblock request the device reported.
 * Never an address in an illegal category.
 */
export const TimelineEntrySchema = z.object({
  kind: z.enum(['site', 'blocked', 'search', 'request']),
  at: z.iso.datetime({ offset: true }),
  /** A site visit: when the pupil left it (null: still there). */
  until: z.iso.datetime({ offset: true }).nullable(),
  /** A site visit: seconds spent on it (to `until`, or to now). */
  seconds: z.number().int().nonnegative().nullable(),
  /** The site (host) or address. */
  site: safeText().nullable(),
  title: safeText().nullable(),
  /** The search's words, the request's reason. */
  detail: safeText().nullable(),
  category: TabCategorySchema.nullable(),
  deviceId: safeText(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** `GET /api/classes/:id/timeline?pupil=…&since=…`: one pupil (a tile's key) since the lesson began. */
export const TimelineQuerySchema = z.object({
  pupil: safeText().min(1).max(400),
  since: instant(),
});
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

/**
 * The timeline as plain English lines for an incident's evidence (the incident log is written in
 * English, as its descriptions are), times in the school's zone, at most `max` characters.
 */
export function timelineText(entries: readonly TimelineEntry[], timeZone: string, max = 6000): string {
  const clock = (iso: string) =>
    new Date(iso).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  const lines = entries.map((e) => {
    const where = e.site ?? 'a page';
    switch (e.kind) {
      case 'site': {
        const minutes = Math.round((e.seconds ?? 0) / 60);
        const spent = minutes < 1 ? 'under a minute' : `${minutes} min`;
        const title = e.title ? ` ("${e.title}")` : '';
        const category = e.category ? `, ${e.category}` : '';
        return `${clock(e.at)} on ${where}${title}: ${spent}${e.until ? '' : ', still there'}${category}`;
      }
      case 'blocked':
        return `${clock(e.at)} blocked: ${where}`;
      case 'search':
        return `${clock(e.at)} searched: "${e.detail ?? ''}"`;
      case 'request':
        return `${clock(e.at)} asked to unblock ${where}${e.detail ? `: "${e.detail}"` : ''}`;
    }
  });
  const out: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    if (length + line.length + 1 > max) {
      out.push(`… and ${lines.length - i} more`);
      break;
    }
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}
