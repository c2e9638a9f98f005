/**
 * Shares a read under way: callers asking for the same key while it runs get the same answer, and
 * the next caller after it settles reads afresh (nothing is cached). For the reads every device of
 * a school makes as it connects, when a whole school connects at once.
 */
export function inFlight<V>(): (key: string, read: () => Promise<V>) => Promise<V> {
  const running = new Map<string, Promise<V>>();
  return (key, read) => {
    let answer = running.get(key);
    if (!answer) {
      answer = read().finally(() => running.delete(key));
      running.set(key, answer);
    }
    return answer;
  };
}
