import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../src/db/group-commit';

describe('group commit', () => {
  it('writes a burst in one batch, and each caller hears only after that batch', async () => {
    const batches: number[][] = [];
    const committed = new Set<number>();
    const group = createGroupCommit<number, number>({
      async writeBatch(items) {
        batches.push(items);
        for (const i of items) committed.add(i);
        return items.map((i) => i * 2);
      },
    });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        group.write(i).then((out) => {
          expect(committed.has(i)).toBe(true);
          return out;
        }),
      ),
    );
    expect(batches).toHaveLength(1);
    expect(answers).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
  });

  it('what arrives while a batch is being written goes in the next one, bounded by maxBatch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstBatchHeld = new Promise<void>((resolve) => (release = resolve));
    const group = createGroupCommit<number, number>({
      maxBatch: 3,
      async writeBatch(items) {
        batches.push(items);
        if (batches.length === 1) await firstBatchHeld;
        return items;
      },
    });
    const first = group.write(0);
    while (batches.length === 0) await new Promise((r) => setImmediate(r));
    const rest = [1, 2, 3, 4, 5, 6, 7].map((i) => group.write(i));
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
  });

  it('with two lanes, a second batch is written while the first is in flight', async () => {
    const inFlight: number[][] = [];
    let most = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const group = createGroupCommit<number, number>({
      lanes: 2,
      maxBatch: 2,
      async writeBatch(items) {
        inFlight.push(items);
        most = Math.max(most, inFlight.length);
        if (most < 2) await held;
        else release();
        inFlight.splice(inFlight.indexOf(items), 1);
        return items;
      },
    });
    const results = await Promise.all([1, 2, 3, 4].map((i) => group.write(i)));
    expect(results).toEqual([1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('a batch that fails is retried item by item: only the bad item is refused', async () => {
    const group = createGroupCommit<number, number>({
      async writeBatch(items) {
        if (items.includes(13)) throw new Error('13 is refused');
        return items;
      },
    });
    const results = await Promise.allSettled([11, 12, 13, 14].map((i) => group.write(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it('drain waits for every write handed over so far', async () => {
    const written: number[] = [];
    const group = createGroupCommit<number, void>({
      async writeBatch(items) {
        await new Promise((r) => setImmediate(r));
        written.push(...items);
        return items.map(() => undefined);
      },
    });
    void group.write(1);
    void group.write(2);
    await group.drain();
    expect(written).toEqual([1, 2]);
  });
});
