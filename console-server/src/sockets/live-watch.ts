import { randomUUID } from 'node:crypto';
import type { Namespace } from 'socket.io';

/** How often a process repeats which classes its consoles watch; another's word lapses after three. */
export const LIVE_WATCH_RENEW_MS = 10_000;

interface WatchAnnouncement {
  from: string;
  /** Grows with every announcement of one process: the adapter may deliver two out of order. */
  seq: number;
  /** Every class a console on that process watches now. */
  watched: string[];
  /** Classes a console on that process has just started watching: their devices send a snapshot. */
  joined: string[];
}

export interface LiveWatch {
  /** Whether any console of the deployment watches the class, as this process knows it. */
  isWatched(classId: string): boolean;
  stop(): void;
}

interface LiveWatchOptions {
  /** The `/console` namespace: its class rooms say who watches here. */
  consoles: Namespace;
  /** The `/device` namespace: carries the announcements between processes. */
  devices: Namespace;
  /** Several processes share rooms through an adapter (without one, there is only this process). */
  clustered: boolean;
  /**
   * A class became watched or unwatched in this process's view, or (watching) a console has just
   * started watching it: the class's devices here send what they show now. Called after the state
   * has changed, so a device told here finds its tab state accepted here.
   */
  onChange(classId: string, watching: boolean): void;
  renewMs?: number;
  now?: () => number;
  /**
   * The console rooms counted (default `class:`, the consoles watching a class); `screens:` counts
   * the consoles showing a class's screens (the screen relay).
   */
  roomPrefix?: string;
  /** The name of the announcements between processes (one per `roomPrefix`). */
  channel?: string;
}

/** `<prefix><id>` rooms only (not the `class:` rooms' unredacted twins). */
function classIdOfRoom(room: unknown, prefix: string): string | null {
  if (typeof room !== 'string' || !room.startsWith(prefix) || room.endsWith(':unredacted')) return null;
  return room.slice(prefix.length);
}

function validAnnouncement(raw: unknown): WatchAnnouncement | null {
  const a = raw as Partial<WatchAnnouncement> | null;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (!a || typeof a.from !== 'string' || typeof a.seq !== 'number') return null;
  if (!strings(a.watched) || !strings(a.joined)) return null;
  return a as WatchAnnouncement;
}

/**
 * Which classes are watched, across every process of the deployment (docs/architecture.md, "Live
 * class"). Each process counts its own watching consoles exactly (its class rooms) and announces
 * the set to the others on every change and every `renewMs`; each process holds the latest set of
 * every other, and a class is watched while any set names it. A process that stops without a word
 * lapses after three missed renewals. The process holding a device's socket decides both what it
 * tells the device and whether it accepts the device's tab state, so the two never disagree,
 * whichever process the watching console is on.
 */
export function createLiveWatch({
  consoles,
  devices,
  clustered,
  onChange,
  renewMs = LIVE_WATCH_RENEW_MS,
  now = Date.now,
  roomPrefix = 'class:',
  channel = 'live-watch',
}: LiveWatchOptions): LiveWatch {
  const self = randomUUID();
  let seq = 0;
  const local = new Set<string>();
  const remote = new Map<string, { seq: number; watched: Set<string>; expiresAt: number }>();
  const pendingJoined = new Set<string>();
  let announceQueued = false;

  const isWatched = (classId: string) =>
    local.has(classId) || [...remote.values()].some((r) => r.watched.has(classId) && r.expiresAt > now());

  /** Runs `change`, then tells `onChange` of each class whose watched state it flipped. */
  function tracking(classIds: Iterable<string>, change: () => void, snapshots: ReadonlySet<string>) {
    const before = new Map([...classIds].map((id) => [id, isWatched(id)]));
    change();
    for (const [id, was] of before) {
      const is = isWatched(id);
      if (is !== was || (is && snapshots.has(id))) onChange(id, is);
    }
  }

  let stopped = false;
  function announce() {
    if (!clustered || stopped) return;
    const message: WatchAnnouncement = {
      from: self,
      seq: ++seq,
      watched: [...local],
      joined: [...pendingJoined],
    };
    pendingJoined.clear();
    devices.serverSideEmit(channel, message);
  }
  /** One announcement per turn of the event loop, however many rooms changed in it. */
  function announceSoon() {
    if (announceQueued) return;
    announceQueued = true;
    queueMicrotask(() => {
      announceQueued = false;
      announce();
    });
  }

  const adapter = consoles.adapter;
  adapter.on('create-room', (room: unknown) => {
    const classId = classIdOfRoom(room, roomPrefix);
    if (classId === null) return;
    // The console's join-room follows at once and tells the devices.
    local.add(classId);
  });
  adapter.on('delete-room', (room: unknown) => {
    const classId = classIdOfRoom(room, roomPrefix);
    if (classId === null) return;
    tracking([classId], () => local.delete(classId), new Set());
    announceSoon();
  });
  adapter.on('join-room', (room: unknown) => {
    const classId = classIdOfRoom(room, roomPrefix);
    if (classId === null) return;
    // Every new watcher, not only the first, gets the class's tabs as they are now.
    onChange(classId, true);
    pendingJoined.add(classId);
    announceSoon();
  });

  if (clustered) {
    devices.on(channel, (raw: unknown) => {
      const message = validAnnouncement(raw);
      if (!message || message.from === self) return;
      const held = remote.get(message.from);
      const joined = new Set(message.joined);
      const touched = new Set([...(held?.watched ?? []), ...message.watched, ...joined]);
      tracking(
        touched,
        () => {
          // An older announcement overtaken by a newer one changes nothing but asks for its snapshots.
          if (held && held.seq >= message.seq) return;
          remote.set(message.from, {
            seq: message.seq,
            watched: new Set(message.watched),
            expiresAt: now() + 3 * renewMs,
          });
        },
        joined,
      );
    });
    // A process that has just started asks the others for their sets at once.
    devices.on(`${channel}-sync`, () => announce());
    devices.serverSideEmit(`${channel}-sync`);
  }

  const timer = setInterval(() => {
    if (local.size > 0) announce();
    // Lapsed processes: their classes are no longer watched (unless someone else watches them).
    for (const [from, held] of remote) {
      if (held.expiresAt > now()) continue;
      tracking(held.watched, () => remote.delete(from), new Set());
    }
  }, renewMs);
  timer.unref();

  return {
    isWatched,
    stop() {
      clearInterval(timer);
      // The others hear at once that this process's consoles watch nothing any more.
      if (local.size > 0) {
        local.clear();
        announce();
      }
      stopped = true;
    },
  };
}
