import Dexie, { type EntityTable } from 'dexie';
import type { DeviceEventInput } from '@waymark/shared';

interface OutboxRow {
  seq?: number;
  id: string;
  event: DeviceEventInput;
  queuedAt: number;
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

export class Outbox {
  private flushing: Promise<number> | null = null;

  constructor(private readonly db: OutboxDb) {}

  /** Queues an event; the same id twice is stored once. */
  async add(event: DeviceEventInput): Promise<void> {
    await this.db.outbox.put({ id: event.id, event, queuedAt: Date.now() }).catch((error: unknown) => {
      if ((error as { name?: string }).name !== 'ConstraintError') throw error;
    });
  }

  size(): Promise<number> {
    return this.db.outbox.count();
  }

  /**
   * Sends queued events oldest first, one at a time, deleting each only on the server's ack. Stops
   * at the first failure so order is kept; an event the server rejects as invalid is set aside
   * (kept in `rejected` for diagnosis) so it cannot block the queue forever. Returns how many were sent.
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
      const result = await send(next.event);
      if (result.ok) {
        await this.db.outbox.delete(next.seq!);
        sent++;
      } else if (result.permanent) {
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
