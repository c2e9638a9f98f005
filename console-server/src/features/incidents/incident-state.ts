import type { IncidentAction, IncidentCategory, IncidentStatus, Severity } from '@waymark/shared';

/** An incident's state: what its history folds to. */
export interface IncidentState {
  subject: 'pupil' | 'staff';
  pupilEmail: string | null;
  personName: string | null;
  classId: string | null;
  deviceId: string | null;
  category: IncidentCategory;
  severity: Severity;
  status: IncidentStatus;
  description: string;
  actions: IncidentAction[];
  outcome: string | null;
  ownerId: string | null;
  followUpDate: string | null;
  illegal: boolean;
  countersignedBy: string | null;
  occurredAt: string;
  evidence: string[];
  notes: string[];
}

/**
 * Applies one history entry's change. The first entry (`created`) carries the whole initial
 * state; later entries carry only what changed. Folding the history gives the current state, so
 * verify-log can check the projection the console reads.
 */
export function applyChange(state: IncidentState | null, change: Record<string, unknown>): IncidentState {
  if (change.type === 'created') return { ...(change.state as IncidentState), notes: [] };
  if (!state) throw new Error('an incident history must start with its creation');
  const next: IncidentState = { ...state };
  for (const key of [
    'status',
    'severity',
    'category',
    'ownerId',
    'outcome',
    'followUpDate',
    'countersignedBy',
  ] as const) {
    if (change[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = change[key];
  }
  const add = (change.addActions as IncidentAction[] | undefined) ?? [];
  const remove = new Set((change.removeActions as IncidentAction[] | undefined) ?? []);
  next.actions = [...new Set([...state.actions.filter((a) => !remove.has(a)), ...add])];
  if (typeof change.note === 'string' && change.note !== '') next.notes = [...state.notes, change.note];
  return next;
}

/**
 * The illegal-content procedure needs two different people at every step (docs/architecture.md,
 * "Incidents"): the countersigner is never the person who raised it, never its owner (then or
 * later), and never the one who closes it. Checked on every change, countersignature, owner
 * reassignment and close alike, and again by verify-log over the history. Null when the step is fine.
 */
export function twoPersonProblem(
  before: IncidentState,
  after: IncidentState,
  actorId: string,
  raisedBy: string,
): string | null {
  const signer = after.countersignedBy;
  if (!after.illegal || signer === null) return null;
  if (signer === raisedBy)
    return 'the countersignature must come from a second member of staff, not the one who raised it';
  if (after.ownerId === signer)
    return before.countersignedBy === signer
      ? 'the member of staff who countersigned cannot become its owner: an illegal-content incident needs two different people'
      : 'the countersignature must come from a second member of staff, not the one who owns it';
  if (after.status === 'closed' && before.status !== 'closed' && actorId === signer)
    return 'the member of staff who countersigned cannot close it: its owner, or another senior member of staff, closes it';
  return null;
}
