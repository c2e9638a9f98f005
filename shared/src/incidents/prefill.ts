import { EventMatchSchema, riskRank, type EventMatch } from '../detection/types';
import { CategorySchema } from '../policy/categories';
import { SEVERITIES, type Severity, type StoredEvent } from '../protocol/events';
import type { IncidentCategory } from './kinds';

const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

/** The matches a stored search or title carries, read defensively (details are the device's report). */
function storedMatches(event: StoredEvent): EventMatch[] {
  const raw = Array.isArray(event.details.matches) ? event.details.matches : [];
  return raw.flatMap((m) => {
    const parsed = EventMatchSchema.safeParse(m);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The match that flagged an event: the highest risk, the first of equals (the matcher puts the most serious first). */
function leadingMatch(event: StoredEvent): EventMatch | null {
  const matches = storedMatches(event);
  return matches.reduce<EventMatch | null>(
    (best, m) => (!best || riskRank(m.risk) > riskRank(best.risk) ? m : best),
    null,
  );
}

/** The incident category one event suggests: its site's category, its flag's incident kind, else other. */
function incidentCategoryOf(event: StoredEvent): IncidentCategory {
  if (event.category) return event.category;
  if (event.kind === 'tamper') return 'circumvention';
  const match = leadingMatch(event);
  if (match) return match.incidentKind ?? match.category;
  const flags = Array.isArray(event.details.flags) ? event.details.flags : [];
  for (const flag of flags) {
    const parsed = CategorySchema.safeParse(flag);
    if (parsed.success) return parsed.data;
  }
  return 'other';
}

/**
 * What an incident raised from events starts with (issue 14): the category of the most serious
 * event (the earliest of equals) and the worst severity. Server and console use this one function,
 * so the form shows what the server would choose.
 */
export function incidentPrefill(events: readonly StoredEvent[]): {
  category: IncidentCategory;
  severity: Severity;
} {
  const ordered = [...events].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.occurredAt.localeCompare(b.occurredAt),
  );
  const lead = ordered[0];
  if (!lead) return { category: 'other', severity: 'low' };
  return { category: incidentCategoryOf(lead), severity: lead.severity };
}
