import {
  pupilKeyOf,
  SEVERITIES,
  type EventKind,
  type RequestStatusMessage,
  type Severity,
  type StoredEvent,
} from '@waymark/shared';

/** The most events a live feed keeps on screen, besides those waiting for a person. */
export const FEED_LIMIT = 2000;
/** At most this many older concerns and undecided requests are kept beyond FEED_LIMIT. */
const ATTENTION_KEPT = 200;

/** A concern, or a request nobody has decided: it must not fall off the feed under newer events. */
function waitsForPerson(event: StoredEvent): boolean {
  return (
    event.kind === 'concern' ||
    (event.kind === 'unblock-request' &&
      (event.requestStatus === 'pending' || event.requestStatus === 'forwarded'))
  );
}

/**
 * Newest first, one copy per id (a reconnect re-sends the recent list), the newest FEED_LIMIT
 * plus any older events that wait for a person.
 */
export function mergeEvents(current: StoredEvent[], incoming: StoredEvent[]): StoredEvent[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) {
    const known = byId.get(e.id);
    // A copy from before a decision must not undo the decision the console already heard about.
    const requestStatus =
      known && stage(known.requestStatus) > stage(e.requestStatus) ? known.requestStatus : e.requestStatus;
    byId.set(e.id, { ...e, requestStatus });
  }
  const sorted = [...byId.values()].sort(newestFirst);
  if (sorted.length <= FEED_LIMIT) return sorted;
  return sorted
    .slice(0, FEED_LIMIT)
    .concat(sorted.slice(FEED_LIMIT).filter(waitsForPerson).slice(0, ATTENTION_KEPT));
}

/** Requests only move forward: pending, then forwarded to the DSL, then decided. */
const stage = (status: StoredEvent['requestStatus']) =>
  status === null ? 0 : status === 'pending' ? 1 : status === 'forwarded' ? 2 : 3;

function newestFirst(a: StoredEvent, b: StoredEvent): number {
  return b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id);
}

/** A decision heard on the socket: the request's event takes the new status. */
export function applyRequestStatus(
  events: StoredEvent[],
  message: Pick<RequestStatusMessage, 'requestId' | 'status'>,
): StoredEvent[] {
  const index = events.findIndex((e) => e.id === message.requestId);
  if (index === -1 || events[index]!.requestStatus === message.status) return events;
  const next = events.slice();
  next[index] = { ...events[index]!, requestStatus: message.status };
  return next;
}

/** Kinds a teacher can filter the feed by (heartbeats are never stored, so never shown). */
export const FEED_KINDS = [
  'blocked',
  'search',
  'flagged-title',
  'unblock-request',
  'concern',
  'tamper',
] as const satisfies readonly EventKind[];

export interface FeedFilter {
  kind: (typeof FEED_KINDS)[number] | 'all';
  /** Show events of at least this severity (`low` shows everything). */
  minSeverity: Severity;
  /** `pupilKeyOf` of one pupil or device, or `all`. */
  pupil: string;
}

export const NO_FILTER: FeedFilter = { kind: 'all', minSeverity: 'low', pupil: 'all' };

export function isFiltered(filter: FeedFilter): boolean {
  return filter.kind !== 'all' || filter.minSeverity !== 'low' || filter.pupil !== 'all';
}

export function matchesFilter(event: StoredEvent, filter: FeedFilter): boolean {
  return (
    (filter.kind === 'all' || event.kind === filter.kind) &&
    SEVERITIES.indexOf(event.severity) >= SEVERITIES.indexOf(filter.minSeverity) &&
    (filter.pupil === 'all' || pupilKeyOf(event) === filter.pupil)
  );
}

/** A concern nobody on this screen has dealt with yet ("I need help" waits for a person). */
export function isPinned(event: StoredEvent, handled: ReadonlySet<string>): boolean {
  return event.kind === 'concern' && !handled.has(event.id);
}

/**
 * What the feed shows, in order: the filter applied, then concerns not yet handled first
 * (a child asking for help must not scroll away under blocked attempts), then the rest, each
 * part newest first.
 */
export function feedView(
  events: readonly StoredEvent[],
  filter: FeedFilter,
  handled: ReadonlySet<string>,
): StoredEvent[] {
  const pinned: StoredEvent[] = [];
  const rest: StoredEvent[] = [];
  for (const e of events) {
    if (!matchesFilter(e, filter)) continue;
    (isPinned(e, handled) ? pinned : rest).push(e);
  }
  return pinned.concat(rest);
}

/** Events that should interrupt the teacher: high severity (concerns, tamper, high-risk categories, flagged searches). */
function isUrgent(event: StoredEvent): boolean {
  return event.severity === 'high';
}

/** Of a batch that just arrived, the urgent ones the feed did not have yet, concerns first. */
export function newUrgent(before: readonly StoredEvent[], batch: readonly StoredEvent[]): StoredEvent[] {
  const known = new Set(before.map((e) => e.id));
  const seen = new Set<string>();
  const fresh = batch.filter((e) => {
    if (!isUrgent(e) || known.has(e.id) || seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  return fresh.sort(
    (a, b) => Number(b.kind === 'concern') - Number(a.kind === 'concern') || newestFirst(a, b),
  );
}
