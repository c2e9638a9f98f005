import type {
  IncidentAction,
  IncidentCategory,
  IncidentChangeBody,
  IncidentRecord,
  IncidentStatus,
  Severity,
} from '@waymark/shared';

/** What the "update this incident" form holds. */
export interface WorkState {
  status: IncidentStatus;
  ownerId: string | null;
  severity: Severity;
  category: IncidentCategory;
  followUpDate: string;
  actions: IncidentAction[];
  outcome: string;
  note: string;
}

export function workStateOf(incident: IncidentRecord): WorkState {
  return {
    status: incident.status,
    ownerId: incident.ownerId,
    severity: incident.severity,
    category: incident.category,
    followUpDate: incident.followUpDate ?? '',
    actions: incident.actions,
    outcome: incident.outcome ?? '',
    note: '',
  };
}

/**
 * The one change to send for what the form now holds (the history gets one entry per save), or
 * null when nothing changed. Only what differs from the saved record is sent.
 */
export function changeBody(saved: WorkState, edited: WorkState): IncidentChangeBody | null {
  const body: IncidentChangeBody = {};
  if (edited.status !== saved.status) body.status = edited.status;
  if (edited.ownerId !== null && edited.ownerId !== saved.ownerId) body.ownerId = edited.ownerId;
  if (edited.severity !== saved.severity) body.severity = edited.severity;
  if (edited.category !== saved.category) body.category = edited.category;
  if (edited.followUpDate !== saved.followUpDate) body.followUpDate = edited.followUpDate || null;
  const added = edited.actions.filter((a) => !saved.actions.includes(a));
  const removed = saved.actions.filter((a) => !edited.actions.includes(a));
  if (added.length > 0) body.addActions = added;
  if (removed.length > 0) body.removeActions = removed;
  if (edited.outcome.trim() !== saved.outcome.trim()) body.outcome = edited.outcome.trim();
  if (edited.note.trim() !== '') body.note = edited.note.trim();
  return Object.keys(body).length > 0 ? body : null;
}
