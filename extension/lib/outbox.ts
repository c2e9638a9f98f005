import Dexie, { type EntityTable } from 'dexie';
import { MAX_INT4, toSafeText, type DeviceEventInput } from '@waymark/shared';

interface OutboxRow {
  seq?: number;
  id: string;
  event: DeviceEventInput;
  queuedAt: number;
  /** Refused for good once and sent again repaired: a second refusal sets it aside. */
  repaired?: boolean;
}

interface RejectedRow {
  id: string;
  event: DeviceEventInput;
  error: string;
  rejectedAt: number;
}

/**
 * Everything a device reports goes through this outbox, in order, and leaves it only when the
 * server acks it after its database commit. Emits made while offline would otherwise be lost.
 */
export class OutboxDb extends Dexie {
  outbox!: EntityTable<OutboxRow, 'seq'>;
  rejected!: EntityTable<RejectedRow, 'id'>;

  constructor(name = 'waymark-outbox') {
    super(name);
    this.version(1).stores({ outbox: '++seq, &id', rejected: 'id' });
  }
}

export type SendResult = { ok: true } | { ok: false; error: string; permanent: boolean };

/** Blocked attempts on the same page this close together are folded into one report. */
export const FOLD_WINDOW_MS = 60_000;
/** A day offline is a few hundred events; this bound only matters for a device offline for weeks. */
const MAX_QUEUED = 10_000;

/** What may be dropped first when the outbox is full: routine reports, never concerns or requests. */
function droppable(event: DeviceEventInput): 0 | 1 | null {
  switch (event.kind) {
    case 'heartbeat':
      return 0;
    case 'search':
      return event.flags?.length ? null : 0;
    case 'blocked':
      return event.category ? 1 : 0;
    default:
      return null;
  }
}

/**
 * The event with what a server can never store made storable: NUL bytes and halves of surrogate
 * pairs in its text become U+FFFD, numbers past the database's integers are capped. A search
 * typed with a NUL in it is still reported (the fact matters more than the byte).
 */
function repairEvent(event: DeviceEventInput): DeviceEventInput {
  const fix = (value: unknown): unknown => {
    if (typeof value === 'string') return toSafeText(value);
    if (typeof value === 'number')
      return Number.isFinite(value) ? Math.max(-MAX_INT4, Math.min(MAX_INT4, value)) : 0;
    if (Array.isArray(value)) return value.map(fix);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fix(v)]));
    return value;
  };
  return fix(event) as DeviceEventInput;
}

export class Outbox {
  private flushing: Promise<number> | null = null;
  /** The row being sent right now: never folded into, or its count could be lost with the ack. */
  private inFlight: number | null = null;

  constructor(
    private readonly db: OutboxDb,
    private readonly maxQueued = MAX_QUEUED,
  ) {}

  /**
   * Queues an event; the same id twice is stored once, and repeats of a blocked page are folded.
   * Returns how many older low-severity events were dropped to make room (0 almost always).
   */
  async add(event: DeviceEventInput, now = Date.now()): Promise<number> {
    return this.db.transaction('rw', this.db.outbox, async () => {
      if (event.kind === 'blocked' && (await this.fold(event, now))) return 0;
      if ((await this.db.outbox.where('id').equals(event.id).count()) > 0) return 0;
      await this.db.outbox.add({ id: event.id, event, queuedAt: now });
      return this.evictOverflow();
    });
  }

  /** Drops the oldest routine reports first (heartbeats, unflagged searches, uncategorised blocks). */
  private async evictOverflow(): Promise<number> {
    const excess = (await this.db.outbox.count()) - this.maxQueued;
    if (excess <= 0) return 0;
    const rows = await this.db.outbox.orderBy('seq').toArray();
    const victims = [0, 1]
      .flatMap((rank) => rows.filter((r) => r.seq !== this.inFlight && droppable(r.event) === rank))
      .slice(0, excess);
    await this.db.outbox.bulkDelete(victims.map((r) => r.seq!));
    return victims.length;
  }

  private async fold(event: DeviceEventInput & { kind: 'blocked' }, now: number): Promise<boolean> {
    const twin = await this.db.outbox
      .filter(
        (row) =>
          row.seq !== this.inFlight &&
          row.event.kind === 'blocked' &&
          row.event.url === event.url &&
          row.event.id !== event.id &&
          now - row.queuedAt < FOLD_WINDOW_MS,
      )
      .last();
    if (!twin || twin.event.kind !== 'blocked') return false;
    const repeats = (twin.event.repeats ?? 1) + (event.repeats ?? 1);
    await this.db.outbox.update(twin.seq!, { event: { ...twin.event, repeats } });
    return true;
  }

  size(): Promise<number> {
    return this.db.outbox.count();
  }

  /**
   * Sends queued events oldest first, one at a time, deleting each only on the server's ack. Stops
   * at the first failure so order is kept; an event the server refuses for good is sent once more
   * repaired (`repairEvent`) when that changes it, else set aside (kept in `rejected` for
   * diagnosis), so it cannot block the queue forever. Returns how many were sent.
   */
  flush(send: (event: DeviceEventInput) => Promise<SendResult>): Promise<number> {
    this.flushing ??= this.drain(send).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(send: (event: DeviceEventInput) => Promise<SendResult>): Promise<number> {
    let sent = 0;
    for (;;) {
      const next = await this.db.outbox.orderBy('seq').first();
      if (!next) return sent;
      this.inFlight = next.seq!;
      const result = await send(next.event).finally(() => {
        this.inFlight = null;
      });
      if (result.ok) {
        await this.db.outbox.delete(next.seq!);
        sent++;
      } else if (result.permanent) {
        const repaired = next.repaired ? null : repairEvent(next.event);
        if (repaired && JSON.stringify(repaired) !== JSON.stringify(next.event)) {
          await this.db.outbox.update(next.seq!, { event: repaired, repaired: true });
          continue;
        }
        await this.db.transaction('rw', this.db.outbox, this.db.rejected, async () => {
          await this.db.rejected.put({
            id: next.id,
            event: next.event,
            error: result.error,
            rejectedAt: Date.now(),
          });
          await this.db.outbox.delete(next.seq!);
        });
      } else {
        return sent;
      }
    }
  }
}
