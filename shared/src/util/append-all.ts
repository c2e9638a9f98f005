/**
 * Appends every item to `target` and returns it. `target.push(...items)` passes each item as a
 * call argument and throws `RangeError: Maximum call stack size exceeded` past ~100,000 items
 * (a category list is millions), so large or unbounded lists go through this instead.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The smallest number in a list of any length (`Math.min(...xs)` has the same argument limit). */
export function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}
