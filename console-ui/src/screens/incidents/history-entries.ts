import type {
  IncidentAction,
  IncidentCategory,
  IncidentHistoryEntry,
  IncidentStatus,
  Severity,
} from '@waymark/shared';

/** One thing an entry of the history changed, with what it was before where that matters. */
export type HistoryChange =
  | { kind: 'created'; category: IncidentCategory; severity: Severity }
  | { kind: 'status'; from: IncidentStatus; to: IncidentStatus }
  | { kind: 'severity'; from: Severity; to: Severity }
  | { kind: 'category'; from: IncidentCategory; to: IncidentCategory }
  | { kind: 'owner'; from: string | null; to: string }
  | { kind: 'actionsAdded'; actions: IncidentAction[] }
  | { kind: 'actionsRemoved'; actions: IncidentAction[] }
  | { kind: 'outcome'; text: string }
  | { kind: 'followUp'; from: string | null; to: string | null }
  | { kind: 'countersigned'; by: string }
  | { kind: 'note'; text: string };

interface HistoryItem {
  at: string;
  actorName: string;
  changes: HistoryChange[];
}

interface Folded {
  status: IncidentStatus;
  severity: Severity;
  category: IncidentCategory;
  ownerId: string | null;
  actions: IncidentAction[];
  outcome: string | null;
  followUpDate: string | null;
}

/**
 * Reads the append-only history the way a person would: each entry as the changes it made, with
 * "from → to" worked out by folding the entries before it (the server stores only what changed).
 */
export function describeHistory(entries: IncidentHistoryEntry[]): HistoryItem[] {
  let state: Folded | null = null;
  const items: HistoryItem[] = [];
  for (const { at, actorName, change: raw } of entries) {
    const change = raw as Record<string, unknown> & Partial<Folded>;
    const changes: HistoryChange[] = [];
    if (change.type === 'created') {
      const initial = change.state as Folded;
      state = { ...initial, actions: [...initial.actions] };
      changes.push({ kind: 'created', category: initial.category, severity: initial.severity });
      items.push({ at, actorName, changes });
      continue;
    }
    if (!state) continue; // a history always starts with its creation; anything else is not ours to read
    const before: Folded = state;
    const next: Folded = { ...before };
    if (change.status !== undefined && change.status !== before.status) {
      changes.push({ kind: 'status', from: before.status, to: change.status });
      next.status = change.status;
    }
    if (change.severity !== undefined && change.severity !== before.severity) {
      changes.push({ kind: 'severity', from: before.severity, to: change.severity });
      next.severity = change.severity;
    }
    if (change.category !== undefined && change.category !== before.category) {
      changes.push({ kind: 'category', from: before.category, to: change.category });
      next.category = change.category;
    }
    if (typeof change.ownerId === 'string' && change.ownerId !== before.ownerId) {
      changes.push({ kind: 'owner', from: before.ownerId, to: change.ownerId });
      next.ownerId = change.ownerId;
    }
    const added = ((change.addActions as IncidentAction[] | undefined) ?? []).filter(
      (a) => !before.actions.includes(a),
    );
    const removed = ((change.removeActions as IncidentAction[] | undefined) ?? []).filter((a) =>
      before.actions.includes(a),
    );
    if (added.length > 0) changes.push({ kind: 'actionsAdded', actions: added });
    if (removed.length > 0) changes.push({ kind: 'actionsRemoved', actions: removed });
    next.actions = [...before.actions.filter((a) => !removed.includes(a)), ...added];
    if (typeof change.outcome === 'string' && change.outcome !== (before.outcome ?? '')) {
      changes.push({ kind: 'outcome', text: change.outcome });
      next.outcome = change.outcome;
    }
    if (change.followUpDate !== undefined && change.followUpDate !== before.followUpDate) {
      changes.push({ kind: 'followUp', from: before.followUpDate, to: change.followUpDate });
      next.followUpDate = change.followUpDate;
    }
    if (typeof change.countersignedBy === 'string') {
      changes.push({ kind: 'countersigned', by: change.countersignedBy });
    }
    if (typeof change.note === 'string' && change.note !== '')
      changes.push({ kind: 'note', text: change.note });
    state = next;
    items.push({ at, actorName, changes });
  }
  return items;
}

/** When the record was countersigned: the history entry that says so. */
export function countersignedAt(entries: IncidentHistoryEntry[]): string | null {
  return entries.find((e) => typeof e.change.countersignedBy === 'string')?.at ?? null;
}
