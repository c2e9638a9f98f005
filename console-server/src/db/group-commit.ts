/**
 * Group commit: writes that arrive together are written together, in one transaction, and each
 * caller's promise settles only after that transaction has committed.
 *
 * There is no timer: the first write of a quiet moment is flushed on the next turn of the event
 * loop (so writes that arrived in the same network read join it), and everything that arrives
 * while the flushes are in flight waits and goes in the next batch. Under light load a write
 * costs one transaction, as before; under a burst the batches grow by themselves, so ingest keeps
 * up without adding latency when it is quiet.
 *
 * `lanes` batches may be in flight at once (see `concurrentWrites`), so the next batch is on its
 * way while the current one commits.
 */
interface GroupCommit<In, Out> {
  write(item: In): Promise<Out>;
  /** Resolves when everything queued so far has been written (or has failed). */
  drain(): Promise<void>;
}

interface GroupCommitOptions<In, Out> {
  /** Writes a batch in one transaction and returns one result per item, in order. */
  writeBatch(items: In[]): Promise<Out[]>;
  /** Largest batch (bounded by the database's 65,535 parameters per statement). */
  maxBatch?: number;
  /** Batches in flight at once. */
  lanes?: number;
}

interface Pending<In, Out> {
  item: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
}

export function createGroupCommit<In, Out>({
  writeBatch,
  maxBatch = 500,
  lanes = 1,
}: GroupCommitOptions<In, Out>): GroupCommit<In, Out> {
  let queue: Pending<In, Out>[] = [];
  const running = new Set<Promise<void>>();

  /**
   * A batch that fails is retried one item at a time, so one bad item (a device erased a moment
   * ago, say) is refused on its own and the others are still stored.
   */
  async function run(batch: Pending<In, Out>[]): Promise<void> {
    try {
      const results = await writeBatch(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const p of batch) {
        try {
          p.resolve((await writeBatch([p.item]))[0]!);
        } catch (itemError) {
          p.reject(itemError);
        }
      }
    }
  }

  async function lane(): Promise<void> {
    // Let the writes that arrived with this one (the same socket read, the same tick) join it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      await run(batch);
    }
  }

  function kick() {
    if (running.size >= lanes) return;
    const started = lane().finally(() => {
      running.delete(started);
      // A write queued between this lane's last batch and now must not be left behind.
      if (queue.length > 0) kick();
    });
    running.add(started);
  }

  return {
    write(item) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    async drain() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
