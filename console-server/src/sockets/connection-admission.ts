/**
 * Bounds how many device connections are being set up (authenticated, placed, sent their policy) at
 * once; the others wait in arrival order.
 *
 * Why: with every connection of a storm (a server restart under 10,000 devices) set up at once,
 * their database reads interleave and all of them finish late together, after Socket.IO's connect
 * timeout has closed them; each device then retries and the work done for it is thrown away. In
 * order, a few at a time, each connection finishes in the time its own reads take, and one whose
 * device gave up while it waited is dropped without a read.
 */
export interface ConnectionAdmission {
  /**
   * Waits for a slot. Resolves with the function that frees it (call it once the set-up is done;
   * calling it again does nothing), or with null when `gone()` says the client left while waiting.
   */
  admit(gone: () => boolean): Promise<(() => void) | null>;
  /** Connections being set up now, and waiting (for tests and the bench). */
  stats(): { active: number; waiting: number };
}

/**
 * Enough that connections set up together share their school's reads (lessons, keyword lists, the
 * policy build), few enough that each finishes in seconds, well inside the connect timeout.
 */
export const DEVICE_SETUP_CONCURRENCY = 500;

export function createConnectionAdmission(limit = DEVICE_SETUP_CONCURRENCY): ConnectionAdmission {
  let active = 0;
  const waiting: Array<{ gone: () => boolean; start: (release: (() => void) | null) => void }> = [];

  function slot(): () => void {
    active++;
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      active--;
      next();
    };
  }

  function next() {
    while (active < limit && waiting.length > 0) {
      const waiter = waiting.shift()!;
      if (waiter.gone()) waiter.start(null);
      else waiter.start(slot());
    }
  }

  return {
    admit(gone) {
      if (gone()) return Promise.resolve(null);
      if (active < limit && waiting.length === 0) return Promise.resolve(slot());
      return new Promise((start) => waiting.push({ gone, start }));
    },
    stats: () => ({ active, waiting: waiting.length }),
  };
}
