import type { Namespace } from 'socket.io';
import type { DevicePush } from './device-namespace';
import type { ConsoleNamespace } from './console-namespace';
import { rooms } from './rooms';

/** At most this long between two looks at the timetable: sessions and imports are picked up too. */
export const LESSON_TICK_MAX_MS = 30_000;

export interface LessonTicker {
  /** Moves every device of this process whose pupil's lesson changed now (a boundary passed). */
  tick(schoolId?: string): Promise<number>;
  /** A school's lessons changed (a session, an import): every process moves its devices now. */
  changed(schoolId: string): Promise<void>;
  stop(): void;
}

/**
 * Period boundaries (docs/architecture.md, "Teaching groups and the timetable"): each process
 * moves its own connected devices to their pupils' new lessons when one starts or ends. It sleeps
 * until the next boundary of a school it holds devices of (at most LESSON_TICK_MAX_MS), so a
 * boundary is met within a timer's accuracy; `changed` wakes every process through the adapter.
 */
export function createLessonTicker({
  devices,
  deviceNsp,
  consoles,
  nextBoundary,
  forget,
  clock,
  auto,
  clustered,
  onTick,
}: {
  devices: DevicePush;
  deviceNsp: Namespace;
  consoles: ConsoleNamespace;
  nextBoundary: (schoolId: string) => Promise<Date | null>;
  /** Drops what was kept of a school's lessons (all schools' when none is given). */
  forget: (schoolId?: string) => void;
  clock: () => Date;
  /** False: no timer (tests call `tick` themselves after moving their clock). */
  auto: boolean;
  /** Several processes share rooms through the adapter: tell the others too. */
  clustered: boolean;
  /** After each tick (of one school, or all): what else follows the lessons looks again. */
  onTick?: (schoolId?: string) => Promise<void>;
}): LessonTicker {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function schoolsHeld(): string[] {
    const ids = new Set<string>();
    for (const socket of deviceNsp.sockets.values()) {
      const schoolId = (socket.data as { device?: { schoolId: string } }).device?.schoolId;
      if (schoolId) ids.add(schoolId);
    }
    return [...ids];
  }

  async function tick(schoolId?: string): Promise<number> {
    forget(schoolId);
    const moved = await devices.relocate(schoolId);
    // The teachers watching either group reload who is in their lesson.
    const touched = new Set(moved.flatMap((m) => [m.from, m.to]).filter((c): c is string => c !== null));
    for (const classId of touched) consoles.to(rooms.class(classId)).emit('lesson-changed', { classId });
    await onTick?.(schoolId);
    return moved.length;
  }

  async function schedule() {
    if (stopped || !auto) return;
    let wait = LESSON_TICK_MAX_MS;
    try {
      const now = clock().getTime();
      for (const schoolId of schoolsHeld()) {
        const next = await nextBoundary(schoolId);
        if (next) wait = Math.min(wait, Math.max(0, next.getTime() - now));
      }
    } catch (error) {
      console.error('waymark: could not read the timetable', error);
    }
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      tick()
        .catch((error) => console.error('waymark: could not move devices to their lessons', error))
        .finally(() => void schedule());
    }, wait + 50);
    timer.unref();
  }

  /** Lessons changed here: move devices now, and wake at the next boundary, which may be sooner. */
  async function tickAndReschedule(schoolId: string) {
    try {
      await tick(schoolId);
    } finally {
      void schedule();
    }
  }

  if (clustered)
    deviceNsp.on('lessons-changed', (schoolId: unknown) => {
      if (typeof schoolId === 'string')
        void tickAndReschedule(schoolId).catch((error) => console.error('waymark: lessons-changed', error));
    });
  void schedule();

  return {
    tick,
    async changed(schoolId) {
      if (clustered) deviceNsp.serverSideEmit('lessons-changed', schoolId);
      await tickAndReschedule(schoolId);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
