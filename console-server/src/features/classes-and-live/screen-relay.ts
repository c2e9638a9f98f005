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
  now?: () => number;
}

const screensRoom = (classId: string) => `screens:${classId}`;

/**
 * Screen thumbnails, live only (docs/architecture.md, "Live class"): a class's devices send them
 * only while a console watching the class on this process has asked, and the server passes each one
 * to those consoles alone. Nothing is stored or logged; unasked, oversized or too frequent ones are
 * dropped with a typed ack. Asking is held per process (a console and the class's devices on
 * different processes of a cluster see no screens).
 */
export function createScreenRelay({ consoles, devices, allowed, now = Date.now }: ScreenRelayDeps) {
  /** Class → the console sockets here that show its screens. */
  const asked = new Map<string, Set<string>>();

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

  function liveThumbnail(
    device: DeviceIdentity,
    shot: { jpeg: string; url: string; title: string | null } | null,
  ): LiveThumbnail {
    return {
      ...pupilTileOf(device),
      jpeg: shot?.jpeg ?? null,
      url: shot?.url ?? null,
      title: shot?.title ?? null,
      updateNeeded: shot === null,
      at: new Date(now()).toISOString(),
    };
  }

  function stopAsking(socket: Socket, classId: string) {
    const askers = asked.get(classId);
    void socket.leave(screensRoom(classId));
    if (!askers?.delete(socket.id)) return;
    if (askers.size === 0) {
      asked.delete(classId);
      tellDevices(classId, false);
    }
  }

  /** Stops every console here showing the class's screens, and says why. */
  function stopClass(classId: string, reason: ScreensStopped['reason']) {
    const askers = asked.get(classId);
    if (!askers) return;
    asked.delete(classId);
    consoles.to(screensRoom(classId)).emit('screens-stopped', { classId, reason });
    consoles.in(screensRoom(classId)).socketsLeave(screensRoom(classId));
    tellDevices(classId, false);
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
      await socket.join(screensRoom(classId));
      let askers = asked.get(classId);
      if (!askers) asked.set(classId, (askers = new Set()));
      askers.add(socket.id);
      ack({ ok: true, classId, show: true });
      tellDevices(classId, true);
    });
    socket.on('unwatch-class', (raw: unknown) => {
      const classId = (raw as { classId?: unknown } | null)?.classId;
      if (typeof classId === 'string') stopAsking(socket, classId);
    });
    socket.on('disconnect', () => {
      for (const classId of [...asked.keys()]) stopAsking(socket, classId);
    });
  });

  return {
    /** Whether a console here shows the class's screens (tests). */
    isAsked: (classId: string) => asked.has(classId),

    /** Looks again at every class whose screens are shown (a lesson boundary, a settings change). */
    async recheck() {
      for (const classId of [...asked.keys()]) {
        const look = await allowed(classId);
        if (!look.allowed) stopClass(classId, look.reason);
      }
    },

    /** A device has just connected (or moved class): it hears whether to send. */
    deviceConnected(socket: Socket) {
      const { device } = socket.data as ScreenDeviceData;
      if (device.classId) tellDevice(socket, asked.has(device.classId));
    },

    /** Listens for the device's thumbnails (registered before anything is awaited on connecting). */
    listen(socket: Socket) {
      const { device } = socket.data as ScreenDeviceData;
      let tokens = THUMBNAIL_BURST;
      let at = now();
      socket.on('thumbnail', (raw: unknown, rawAck: unknown) => {
        const ack: ThumbnailAck = typeof rawAck === 'function' ? (rawAck as ThumbnailAck) : () => {};
        const t = now();
        tokens = Math.min(THUMBNAIL_BURST, tokens + ((t - at) / 1000) * THUMBNAIL_PER_SECOND);
        at = t;
        // The device's own class, as the server knows it: a thumbnail never reaches another class.
        const classId = device.classId;
        if (!classId || !asked.has(classId))
          return ack({ ok: false, error: 'no one asked for this class’s screens', code: 'not-requested' });
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
        ack({ ok: true });
        consoles.to(screensRoom(classId)).emit('thumbnail', liveThumbnail(device, parsed.data));
      });
    },
  };
}
export type ScreenRelay = ReturnType<typeof createScreenRelay>;
