/** What the gate reads for a class: its school, and whether its tabs may be shown now. */
export interface GateLook {
  schoolId: string;
  allowed: boolean;
}

export interface WatchGate {
  /** Whether the class's live tabs may be shown now, as last read here (unknown: no, and it is read). */
  allows(classId: string): boolean;
  /** Reads the class now (before a console starts watching it, so its devices are told at once). */
  check(classId: string): Promise<boolean>;
  /** Reads again every class held here (of one school, or all): a boundary passed, a setting changed. */
  refresh(schoolId?: string): Promise<void>;
}

/**
 * When a class's live tabs may be shown (docs/architecture.md, "Live class"): at any time, or,
 * where the school limits watching to lessons, only while the class has a timetabled lesson or a
 * session. Held per class in this process, so the tab-state relay can ask without waiting; read
 * again at every lesson boundary and settings change, and `onChange` hears of each class that flipped.
 */
export function createWatchGate({
  look,
  onChange,
}: {
  look: (classIds: string[]) => Promise<Map<string, GateLook>>;
  onChange: (classId: string, allowed: boolean) => void;
}): WatchGate {
  const held = new Map<string, GateLook>();
  const reading = new Map<string, Promise<boolean>>();

  async function read(classIds: string[]): Promise<void> {
    const looks = await look(classIds);
    for (const id of classIds) {
      const now = looks.get(id);
      const before = held.get(id);
      if (!now) {
        held.delete(id);
        continue;
      }
      held.set(id, now);
      if ((before?.allowed ?? false) !== now.allowed) onChange(id, now.allowed);
    }
  }

  function check(classId: string): Promise<boolean> {
    const pending = reading.get(classId);
    if (pending) return pending;
    const promise = read([classId])
      .then(() => held.get(classId)?.allowed ?? false)
      .finally(() => reading.delete(classId));
    reading.set(classId, promise);
    return promise;
  }

  return {
    allows(classId) {
      const known = held.get(classId);
      if (known) return known.allowed;
      check(classId).catch((error) =>
        console.error('waymark: could not read when a class may be watched', error),
      );
      return false;
    },
    check,
    async refresh(schoolId) {
      const ids = [...held]
        .filter(([, g]) => schoolId === undefined || g.schoolId === schoolId)
        .map(([id]) => id);
      if (ids.length > 0) await read(ids);
    },
  };
}
