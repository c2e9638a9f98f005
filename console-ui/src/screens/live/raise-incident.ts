import {
  incidentPrefill,
  INCIDENT_KINDS,
  isIllegalCategory,
  type IncidentCategory,
  type StoredEvent,
} from '@waymark/shared';

/** The category and severity an incident raised from this event starts with (the server chooses the same). */
export const incidentPrefillFor = (event: StoredEvent) => incidentPrefill([event]);

/** Whether the illegal-content procedure applies (the address stays hidden from all but the DSL). */
export function isIllegalEvent(event: StoredEvent): boolean {
  return isIllegalCategory(event.category);
}

/** Incident categories in the order the form offers them: the event's own first, then the rest. */
export function categoryChoices(preferred: IncidentCategory): IncidentCategory[] {
  return [preferred, ...INCIDENT_KINDS.filter((k) => k !== preferred)];
}

/** The text parts a description of the event is written from, in the console's language. */
export function descriptionParts(event: StoredEvent) {
  const text = (key: string) =>
    typeof event.details[key] === 'string' ? (event.details[key] as string) : '';
  return {
    query: text('query'),
    title: text('title'),
    reason: text('reason'),
    message: text('message'),
    detail: text('detail') || text('what'),
  };
}
