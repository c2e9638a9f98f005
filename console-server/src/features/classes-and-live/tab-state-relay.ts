import type { Namespace, Socket } from 'socket.io';
import {
  describeZodError,
  TAB_STATE_PER_SECOND,
  TAB_STATE_PROTOCOL,
  TabStateSchema,
  type LiveTabs,
  type PolicyBody,
  type Profile,
  type TabState,
  type TabStateAck,
} from '@waymark/shared';
import type { DeviceIdentity } from '../devices-and-enrollment';
import { pupilTileOf } from './pupil-tile';
import { rooms } from '../../sockets/rooms';
import { createVisitRecorder, type VisitRecorder, type VisitStore } from './visit-recorder';
import { createIllegalPages, type IllegalPages } from './illegal-pages';

/** A device may send this many at once (a snapshot right after a change) before the rate applies. */
const TAB_STATE_BURST = 3;

interface TabDeviceData {
  device: DeviceIdentity;
  protocolVersion: number;
}

interface TabStateRelayDeps {
  consoles: Namespace;
  devices: Namespace;
  /** Whether the device's class is watched now, in this process's view (`LiveWatch`). */
  isWatched(classId: string): boolean;
  /** The school's illegal-category lists (checked again here), from the category store. */
  policyBody(schoolId: string, profile: Profile): Promise<Pick<PolicyBody, 'categoryLists'>>;
  /** The same lists, shared with the screen relay (default: its own, from `policyBody`). */
  illegalPages?: IllegalPages;
  /** Where the pupils' lesson timelines are kept (the sites the active tab was on while watched). */
  timeline?: VisitStore;
  now?: () => number;
}

/**
 * Tab state, live only (docs/architecture.md, "Live class"): a device sends it only while its class
 * is watched, at most TAB_STATE_PER_SECOND a second, and the server passes it to the consoles
 * watching the class, never stores it, and blanks any address in an illegal category.
 */
export function createTabStateRelay({
  consoles,
  devices,
  isWatched,
  policyBody,
  illegalPages,
  timeline,
  now = Date.now,
}: TabStateRelayDeps) {
  const recorders = new Map<string, VisitRecorder>();
  const illegalFor = illegalPages ?? createIllegalPages(policyBody, now);

  async function redacted(device: DeviceIdentity, state: TabState): Promise<TabState> {
    const illegal = await illegalFor(device.schoolId, device.profile);
    const hidden = (url: string | null) => url !== null && illegal(url) !== null;
    return {
      ...state,
      tabs: state.tabs.map((tab) =>
        hidden(tab.url) || hidden(tab.favIconUrl)
          ? { ...tab, url: null, title: null, favIconUrl: null, category: null }
          : tab,
      ),
    };
  }

  function liveTabs(device: DeviceIdentity, state: TabState | null): LiveTabs {
    return {
      ...pupilTileOf(device),
      state,
      updateNeeded: state === null,
      receivedAt: new Date(now()).toISOString(),
    };
  }

  /** Tells one device (on this process) whether its class is watched; an old one is marked on the grid. */
  function tell(socket: Socket, watching: boolean) {
    const { device, protocolVersion } = socket.data as TabDeviceData;
    if (!device.classId) return;
    if (!watching) recorders.get(socket.id)?.ended(device);
    if (protocolVersion >= TAB_STATE_PROTOCOL) socket.emit('watching', { watching });
    else if (watching) consoles.to(rooms.class(device.classId)).emit('tab-state', liveTabs(device, null));
  }

  return {
    /** Resolves once every timeline write asked for so far is done (tests). */
    settled: async () => {
      await Promise.all([...recorders.values()].map((r) => r.settled()));
    },

    /** The class's watched state changed (or a console joined): its devices on this process hear. */
    classWatchChanged(classId: string, watching: boolean) {
      const ids = devices.adapter.rooms.get(rooms.classDevices(classId));
      for (const id of ids ?? []) {
        const socket = devices.sockets.get(id);
        if (socket) tell(socket, watching);
      }
    },

    /** A device has just connected: if its class is watched, it starts at once. */
    deviceConnected(socket: Socket) {
      const { device } = socket.data as TabDeviceData;
      if (device.classId && isWatched(device.classId)) tell(socket, true);
    },

    /** Listens for the device's tab state (registered before anything is awaited on connecting). */
    listen(socket: Socket) {
      const { device } = socket.data as TabDeviceData;
      let tokens = TAB_STATE_BURST;
      let at = now();
      const recorder = timeline ? createVisitRecorder(timeline, now) : null;
      if (recorder) {
        recorders.set(socket.id, recorder);
        socket.on('disconnect', () => {
          recorder.ended(device);
          recorders.delete(socket.id);
        });
      }
      socket.on('tab-state', async (raw: unknown, rawAck: unknown) => {
        const ack: TabStateAck = typeof rawAck === 'function' ? (rawAck as TabStateAck) : () => {};
        const t = now();
        tokens = Math.min(TAB_STATE_BURST, tokens + ((t - at) / 1000) * TAB_STATE_PER_SECOND);
        at = t;
        if (!device.classId || !isWatched(device.classId))
          return ack({ ok: false, error: 'no one is watching this class', code: 'not-requested' });
        if (tokens < 1)
          return ack({
            ok: false,
            error: `at most ${TAB_STATE_PER_SECOND} tab states a second`,
            code: 'too-fast',
          });
        tokens -= 1;
        const parsed = TabStateSchema.safeParse(raw);
        if (!parsed.success)
          return ack({
            ok: false,
            error: `invalid tab state: ${describeZodError(parsed.error)}`,
            code: 'invalid',
          });
        let state: TabState;
        try {
          state = await redacted(device, parsed.data);
        } catch (error) {
          console.error('waymark: could not check tab state against the illegal lists', error);
          return ack({ ok: false, error: 'the server could not check the tab state', code: 'unavailable' });
        }
        ack({ ok: true });
        consoles.to(rooms.class(device.classId)).emit('tab-state', liveTabs(device, state));
        recorder?.seen(device, state);
      });
    },
  };
}
export type TabStateRelay = ReturnType<typeof createTabStateRelay>;
