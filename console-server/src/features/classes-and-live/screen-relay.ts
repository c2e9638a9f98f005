import type { Namespace, Socket } from 'socket.io';
import {
  describeZodError,
  SCREENS_PROTOCOL,
  ShowScreensSchema,
  THUMBNAIL_EVERY_MS,
  THUMBNAIL_MAX_BASE64,
  ThumbnailSchema,
  type LiveThumbnail,
  type ScreensStopped,
  type ThumbnailAck,
} from '@waymark/shared';
import type { DeviceIdentity } from '../devices-and-enrollment';
import { pupilTileOf } from './pupil-tile';
import { rooms } from '../../sockets/rooms';
import { createLiveWatch } from '../../sockets/live-watch';
import type { IllegalPages } from './illegal-pages';

/** A device may send this many at once (one right after being asked) before the rate applies. */
const THUMBNAIL_BURST = 2;
/** Allowed a little faster than the device sends, so a late timer is not refused. */
const THUMBNAIL_PER_SECOND = 1000 / (THUMBNAIL_EVERY_MS * 0.8);

interface ScreenDeviceData {
  device: DeviceIdentity;
  protocolVersion: number;
}

type ShowScreensAck = (
  response: { ok: true; classId: string; show: boolean } | { ok: false; error: string; code: string },
) => void;

export interface ScreenRelayDeps {
  consoles: Namespace;
  devices: Namespace;
  /** Whether the class's screens may be shown now (the school's setting, a lesson or session now). */
  allowed(classId: string): Promise<{ allowed: boolean; reason: ScreensStopped['reason'] }>;
  /** The school's illegal-category lists: a thumbnail of such a page is never passed on. */
  illegalPages: IllegalPages;
  /** Several processes share rooms through an adapter: who asked is announced between them. */
  clustered?: boolean;
  /** How often a process repeats the classes whose screens its consoles show (`LiveWatch`). */
  renewMs?: number;
  now?: () => number;
}

const SCREENS_PREFIX = 'screens:';
const screensRoom = (classId: string) => `${SCREENS_PREFIX}${classId}`;

/**
 * Screen thumbnails, live only (docs/architecture.md, "Live class"): a class's devices send them
 * only while a console watching the class has asked, and the server passes each one to those
 * consoles alone. Nothing is stored or logged; unasked, oversized, too frequent ones and those of
 * a page in an illegal category are dropped with a typed ack. The consoles that asked are the
 * members of the class's `screens:` room; which classes have one anywhere in the deployment is
 * announced between processes (`LiveWatch` over those rooms), so a device on one process sends
 * while a console on another asks, and stops when the last one stops.
 */
export function createScreenRelay({
  consoles,
  devices,
  allowed,
  illegalPages,
  clustered = false,
  renewMs,
  now = Date.now,
}: ScreenRelayDeps) {
  const asked = createLiveWatch({
    consoles,
    devices,
    clustered,
    renewMs,
    now,
    roomPrefix: SCREENS_PREFIX,
    channel: 'screens-watch',
    // The first console anywhere asked (or another one did: a fresh picture), or the last stopped.
    onChange: (classId, send) => tellDevices(classId, send),
  });
  /** The classes whose screens a console on this process shows. */
  const askedHere = () =>
    [...consoles.adapter.rooms.keys()]
      .filter((room) => room.startsWith(SCREENS_PREFIX))
      .map((room) => room.slice(SCREENS_PREFIX.length));

  function tellDevices(classId: string, send: boolean) {
    const ids = devices.adapter.rooms.get(rooms.classDevices(classId));
    for (const id of ids ?? []) {
      const socket = devices.sockets.get(id);
      if (socket) tellDevice(socket, send);
    }
  }

  function tellDevice(socket: Socket, send: boolean) {
    const { device, protocolVersion } = socket.data as ScreenDeviceData;
    if (!device.classId) return;
    if (protocolVersion >= SCREENS_PROTOCOL) socket.emit('screens', { send });
    else if (send) consoles.to(screensRoom(device.classId)).emit('thumbnail', liveThumbnail(device, null));
  }

  /** A device's picture; null: its extension cannot send one; `hidden`: no picture (an illegal page). */
  function liveThumbnail(
    device: DeviceIdentity,
    shot: { jpeg: string; url: string; title: string | null } | 'hidden' | null,
  ): LiveThumbnail {
    const sent = shot === 'hidden' ? null : shot;
    return {
      ...pupilTileOf(device),
      jpeg: sent?.jpeg ?? null,
      url: sent?.url ?? null,
      title: sent?.title ?? null,
      updateNeeded: shot === null,
      at: new Date(now()).toISOString(),
    };
  }

  /** Leaving the room is stopping: the last console anywhere leaving stops the devices (`asked`). */
  function stopAsking(socket: Socket, classId: string) {
    void socket.leave(screensRoom(classId));
  }

  /** Stops every console here showing the class's screens, and says why. */
  function stopClass(classId: string, reason: ScreensStopped['reason']) {
    const room = screensRoom(classId);
    if (!consoles.adapter.rooms.has(room)) return;
    consoles.local.to(room).emit('screens-stopped', { classId, reason });
    consoles.local.in(room).socketsLeave(room);
  }

  consoles.on('connection', (socket) => {
    socket.on('show-screens', async (raw: unknown, rawAck: unknown) => {
      const ack: ShowScreensAck = typeof rawAck === 'function' ? (rawAck as ShowScreensAck) : () => {};
      const parsed = ShowScreensSchema.safeParse(raw);
      if (!parsed.success)
        return ack({ ok: false, error: `invalid: ${describeZodError(parsed.error)}`, code: 'invalid' });
      const { classId, show } = parsed.data;
      if (!show) {
        stopAsking(socket, classId);
        return ack({ ok: true, classId, show: false });
      }
      // Watching the class (`watch-class`) is where who may watch it is checked.
      if (!socket.rooms.has(rooms.class(classId)))
        return ack({ ok: false, error: 'watch the class first', code: 'not-watching' });
      let look: Awaited<ReturnType<typeof allowed>>;
      try {
        look = await allowed(classId);
      } catch (error) {
        console.error('waymark: could not read whether screens may be shown', error);
        return ack({ ok: false, error: 'the server could not check now', code: 'unavailable' });
      }
      if (!look.allowed)
        return ack({
          ok: false,
          error:
            look.reason === 'setting-off'
              ? 'the school has not turned screen thumbnails on'
              : 'screens are shown only in the class’s lessons and sessions',
          code: look.reason,
        });
      if (!socket.connected || !socket.rooms.has(rooms.class(classId)))
        return ack({ ok: false, error: 'watch the class first', code: 'not-watching' });
      ack({ ok: true, classId, show: true });
      // Joining tells the class's devices, here and (announced) on every other process.
      await socket.join(screensRoom(classId));
    });
    socket.on('unwatch-class', (raw: unknown) => {
      const classId = (raw as { classId?: unknown } | null)?.classId;
      if (typeof classId === 'string') stopAsking(socket, classId);
    });
    // A console that disconnects leaves its rooms: `asked` hears it.
  });

  return {
    /** Whether a console anywhere shows the class's screens, as this process knows it (tests). */
    isAsked: (classId: string) => asked.isWatched(classId),
    stop: () => asked.stop(),

    /** Looks again at every class whose screens are shown here (a lesson boundary, a settings change). */
    async recheck() {
      for (const classId of askedHere()) {
        const look = await allowed(classId);
        if (!look.allowed) stopClass(classId, look.reason);
      }
    },

    /** A device has just connected (or moved class): it hears whether to send. */
    deviceConnected(socket: Socket) {
      const { device } = socket.data as ScreenDeviceData;
      if (device.classId) tellDevice(socket, asked.isWatched(device.classId));
    },

    /** Listens for the device's thumbnails (registered before anything is awaited on connecting). */
    listen(socket: Socket) {
      const { device } = socket.data as ScreenDeviceData;
      let tokens = THUMBNAIL_BURST;
      let at = now();
      socket.on('thumbnail', async (raw: unknown, rawAck: unknown) => {
        const ack: ThumbnailAck = typeof rawAck === 'function' ? (rawAck as ThumbnailAck) : () => {};
        const t = now();
        tokens = Math.min(THUMBNAIL_BURST, tokens + ((t - at) / 1000) * THUMBNAIL_PER_SECOND);
        at = t;
        // The device's own class, as the server knows it: a thumbnail never reaches another class.
        const classId = device.classId;
        const unasked = () =>
          ack({ ok: false, error: 'no one asked for this class’s screens', code: 'not-requested' });
        if (!classId || !asked.isWatched(classId)) return unasked();
        const jpeg = (raw as { jpeg?: unknown } | null)?.jpeg;
        if (typeof jpeg === 'string' && jpeg.length > THUMBNAIL_MAX_BASE64)
          return ack({ ok: false, error: 'a thumbnail is at most 20 KB', code: 'too-large' });
        const parsed = ThumbnailSchema.safeParse(raw);
        if (!parsed.success)
          return ack({
            ok: false,
            error: `invalid thumbnail: ${describeZodError(parsed.error)}`,
            code: 'invalid',
          });
        if (tokens < 1) return ack({ ok: false, error: 'one thumbnail every 5 seconds', code: 'too-fast' });
        tokens -= 1;
        // The page is checked here, whatever the device decided: an illegal page's picture is
        // dropped, and the pupil's tile shows no picture rather than an older one.
        let illegal: boolean;
        try {
          illegal = (await illegalPages(device.schoolId, device.profile))(parsed.data.url) !== null;
        } catch (error) {
          console.error('waymark: could not check a thumbnail against the illegal lists', error);
          return ack({ ok: false, error: 'the server could not check the thumbnail', code: 'unavailable' });
        }
        // Still asked for, and still the device's class (it may have moved meanwhile).
        if (device.classId !== classId || !asked.isWatched(classId)) return unasked();
        if (illegal) {
          ack({ ok: false, error: 'a page in an illegal category is never shown', code: 'illegal-category' });
          consoles.to(screensRoom(classId)).emit('thumbnail', liveThumbnail(device, 'hidden'));
          return;
        }
        ack({ ok: true });
        consoles.to(screensRoom(classId)).emit('thumbnail', liveThumbnail(device, parsed.data));
      });
    },
  };
}
export type ScreenRelay = ReturnType<typeof createScreenRelay>;
