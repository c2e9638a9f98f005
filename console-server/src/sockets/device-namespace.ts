import type { Namespace, Server } from 'socket.io';
import { v7 as uuidv7 } from 'uuid';
import {
  CategorySyncRequestSchema,
  categoriesToHold,
  PROFILES,
  type Category,
  type CategorySyncResponse,
  type HeldSource,
  DeviceAuthSchema,
  DeviceEventSchema,
  describeZodError,
  MIN_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  TAB_STATE_PROTOCOL,
  FILTER_CHECK_PROTOCOL,
  type Ack,
  type DeviceClientToServerEvents,
  type DeviceServerToClientEvents,
  type KeywordLists,
  type PolicyMessage,
  type Profile,
  type RequestStatusMessage,
  type StoredEvent,
} from '@waymark/shared';
import { DeviceAuthError, type DeviceIdentity, type DeviceService } from '../features/devices-and-enrollment';
import type { EventService } from '../features/events';
import type { OverrideService } from '../features/requests-and-overrides';
import type { PolicyService } from '../features/policies-and-categories';
import { clientIp } from './client-ip';
import { createConnectionAdmission, DEVICE_SETUP_CONCURRENCY } from './connection-admission';
import { createDeviceRateLimit, DEVICE_EVENT_RATE, type DeviceRateLimitOptions } from './device-rate-limit';
import { rooms } from './rooms';

interface DeviceSocketData {
  device: DeviceIdentity;
  /** The protocol the device speaks (from MIN_PROTOCOL_VERSION to PROTOCOL_VERSION). */
  protocolVersion: number;
  /** A profile the device asked for in its handshake (managed configuration's `fixedProfile`). */
  claimedProfile: Profile | undefined;
  ip: string | null;
  /** Host the device reached us at (from its handshake). */
  host: string | undefined;
}

type DeviceNamespace = Namespace<
  DeviceClientToServerEvents,
  DeviceServerToClientEvents,
  object,
  DeviceSocketData
>;

interface DeviceNamespaceDeps {
  io: Server;
  deviceService: DeviceService;
  eventService: EventService;
  policyService: PolicyService;
  overrideService: OverrideService;
  /** The school's search keyword lists, sent to devices so they flag searches even offline. */
  keywordsFor: (schoolId: string) => Promise<KeywordLists>;
  trustProxy: boolean;
  /** Fan-out of a stored event to the consoles allowed to see it (and alerts). */
  broadcast: (event: StoredEvent) => void;
  /**
   * The consoles only, for an event stored before whose ack the device never got: the process
   * that stored it may have stopped before sending it on. Consoles keep one copy per event id.
   */
  rebroadcast?: (event: StoredEvent) => void;
  /** Tells the consoles a device came online or went offline (the live class grid). */
  presence?: (device: DeviceIdentity, online: boolean) => void;
  /** How fast one device may report before its events are folded (counted, not stored one by one). */
  eventRate?: DeviceRateLimitOptions;
  /** Whether the school lets teachers see screen thumbnails (told to pupils with the policy). */
  screenThumbnails?: (schoolId: string) => Promise<boolean>;
  /** Live tab state: listens for it on each device, and starts a device whose class is watched. */
  tabs?: {
    listen(socket: DeviceSocket): void;
    deviceConnected(socket: DeviceSocket): void;
  };
  /**
   * Teachers' actions: listens for the pupil's replies to messages, and gives a device that
   * reconnects the actions it missed that still apply.
   */
  actions?: { listen(socket: DeviceSocket): void; deviceConnected(socket: DeviceSocket): Promise<void> };
  /** The category store's answer to a device's sync (its blocked categories, what it holds). */
  categorySync?: (
    schoolId: string,
    categories: Category[],
    held: HeldSource[],
  ) => Promise<CategorySyncResponse>;
  /** How many device connections are set up at once (the rest wait their turn, in order). */
  setupConcurrency?: number;
}

type DeviceSocket = Parameters<Parameters<DeviceNamespace['on']>[1]>[0];

/** The host (no port) the device reached us at: it must stay reachable whatever the policy says. */
function serverHost(hostHeader: string | undefined): string[] {
  if (!hostHeader) return [];
  try {
    return [new URL(`http://${hostHeader}`).hostname];
  } catch {
    return [];
  }
}

/**
 * SQLSTATE class 22 (data exception: a value out of a column's range, text the encoding refuses,
 * a date out of range): the value itself is the problem, not the moment.
 */
function isDataException(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) return true;
  }
  return false;
}

function safeAck(ack: unknown): Ack {
  return typeof ack === 'function' ? (ack as Ack) : () => {};
}

export interface DevicePush {
  /** Sends every connected device of a class its policy again (after an override starts or ends). */
  pushPolicyToClass(classId: string): Promise<void>;
  /** Sends every connected device enforcing a profile its edited policy. */
  pushPolicyToProfile(schoolId: string, profile: string): Promise<void>;
  sendRequestStatus(deviceId: string, message: RequestStatusMessage): void;
  /** Ends the connections of these devices now (a visitor pass revoked). */
  disconnectDevices(deviceIds: string[]): void;
  /**
   * Moves this process's devices whose pupils' lesson changed (a period boundary, a session) to
   * their new group, and sends them its policy; every process does so for its own devices.
   * Returns the devices moved, with the groups they left and joined.
   */
  relocate(schoolId?: string): Promise<Array<{ deviceId: string; from: string | null; to: string | null }>>;
  /** Tells every device of the school that category data changed (each syncs what it holds). */
  categoriesChanged(schoolId: string): void;
}

export function registerDeviceNamespace(deps: DeviceNamespaceDeps): {
  nsp: DeviceNamespace;
  push: DevicePush;
} {
  const nsp: DeviceNamespace = deps.io.of('/device');
  const rateLimit = createDeviceRateLimit(deps.eventRate ?? DEVICE_EVENT_RATE);
  const admission = createConnectionAdmission(deps.setupConcurrency ?? DEVICE_SETUP_CONCURRENCY);
  /** The slot of a connection being set up, freed once its policy is sent (or it fails or goes). */
  const settingUp = new WeakMap<object, () => void>();

  async function policyMessage({ device, host }: DeviceSocketData): Promise<PolicyMessage> {
    const classIds = device.classId ? [device.classId] : [];
    const overrides = await deps.overrideService.current(device.schoolId, classIds);
    const policy = await deps.policyService.policyFor(
      device.schoolId,
      device.profile,
      serverHost(host),
      overrides,
    );
    return {
      policy,
      classIds,
      className: device.className,
      schoolName: device.schoolName,
      keywords: await deps.keywordsFor(device.schoolId),
      country: device.country,
      locale: device.pupilLocale,
      screenThumbnails: (await deps.screenThumbnails?.(device.schoolId)) ?? false,
      visitor: device.visitor
        ? {
            id: device.visitor.id,
            name: device.visitor.name,
            expiresAt: device.visitor.expiresAt.toISOString(),
            notice: device.visitor.notice,
          }
        : null,
    };
  }

  /** The device's policy now, or null (logged) when it cannot be built. */
  async function currentPolicy(data: DeviceSocketData): Promise<PolicyMessage | null> {
    try {
      return await policyMessage(data);
    } catch (error) {
      console.error('waymark: could not send policy', error);
      return null;
    }
  }

  /**
   * What makes two devices' policy messages the same: everything `policyMessage` reads. Devices
   * with the same key are sent one message, built and serialised once.
   */
  function messageKey({ device, host }: DeviceSocketData): string {
    return JSON.stringify([
      device.schoolId,
      device.schoolName,
      device.country,
      device.pupilLocale,
      device.classId,
      device.className,
      device.profile,
      serverHost(host),
      device.visitor ? device.visitor.id : null,
    ]);
  }

  const building = new Map<string, Promise<PolicyMessage | null>>();

  /**
   * The policy of a device connecting: devices connecting together with the same message share one
   * build (a morning's or a restart's connection storm). Only a build already under way is shared,
   * never a finished one, so a push after an edit builds afresh and reaches these devices too.
   */
  function connectingPolicy(data: DeviceSocketData): Promise<PolicyMessage | null> {
    const key = messageKey(data);
    let message = building.get(key);
    if (!message) {
      message = currentPolicy(data).finally(() => building.delete(key));
      building.set(key, message);
    }
    return message;
  }

  /**
   * Sends each of these sockets its current policy: one message per group of identical ones,
   * broadcast once to the group's socket ids (Socket.IO encodes a broadcast once for all of them).
   * `local`: the sockets are this process's own (no other process is asked).
   */
  async function sendPolicies(sockets: Array<{ id: string; data: DeviceSocketData }>, local: boolean) {
    const groups = new Map<string, { data: DeviceSocketData; ids: string[] }>();
    for (const socket of sockets) {
      const key = messageKey(socket.data);
      const group = groups.get(key);
      if (group) group.ids.push(socket.id);
      else groups.set(key, { data: socket.data, ids: [socket.id] });
    }
    await Promise.all(
      [...groups.values()].map(async ({ data, ids }) => {
        const message = await currentPolicy(data);
        if (message) (local ? nsp.local : nsp).to(ids).emit('policy', message);
      }),
    );
  }

  async function pushToRoom(room: string) {
    await sendPolicies(await nsp.in(room).fetchSockets(), false);
  }

  function deviceRooms(socket: DeviceSocket): string[] {
    const { device, protocolVersion } = socket.data;
    return [
      rooms.device(device.deviceId),
      ...(device.classId ? [rooms.classDevices(device.classId)] : []),
      // Only a device that understands teachers' actions is reachable for them.
      ...(device.classId && protocolVersion >= TAB_STATE_PROTOCOL
        ? [rooms.classDevice(device.classId, device.deviceId)]
        : []),
      // Only a device that answers filtering checks is sent one (an older one is "update needed").
      ...(protocolVersion >= FILTER_CHECK_PROTOCOL ? [rooms.checkableDevice(device.deviceId)] : []),
      rooms.profileDevices(device.schoolId, device.profile),
    ];
  }

  async function relocate(schoolId?: string) {
    const bySchool = new Map<string, DeviceSocket[]>();
    for (const socket of nsp.sockets.values()) {
      const { device } = socket.data;
      if (!device?.user || device.visitor || (schoolId && device.schoolId !== schoolId)) continue;
      const list = bySchool.get(device.schoolId);
      if (list) list.push(socket);
      else bySchool.set(device.schoolId, [socket]);
    }
    const moved: Array<{ deviceId: string; from: string | null; to: string | null }> = [];
    for (const [school, sockets] of bySchool) {
      const changed = await deps.deviceService.relocate(
        school,
        sockets.map((s) => s.data.device),
      );
      if (changed.length === 0) continue;
      const next = new Map(changed.map((identity) => [identity.deviceId, identity]));
      const movedSockets: DeviceSocket[] = [];
      for (const socket of sockets) {
        const identity = next.get(socket.data.device.deviceId);
        if (!identity) continue;
        const from = socket.data.device.classId;
        const before = deviceRooms(socket);
        // In place: the listeners registered on connecting hold this object.
        Object.assign(socket.data.device, identity);
        const after = deviceRooms(socket);
        for (const room of before) if (!after.includes(room)) await socket.leave(room);
        await socket.join(after.filter((room) => !before.includes(room)));
        movedSockets.push(socket);
        moved.push({ deviceId: identity.deviceId, from, to: identity.classId });
      }
      // Devices moved into the same lesson with the same profile get one message, sent once.
      await sendPolicies(movedSockets, true);
      for (const socket of movedSockets) {
        deps.presence?.(socket.data.device, true);
        deps.tabs?.deviceConnected(socket);
      }
    }
    return moved;
  }

  const push: DevicePush = {
    relocate,
    pushPolicyToClass: (classId) => pushToRoom(rooms.classDevices(classId)),
    pushPolicyToProfile: (schoolId, profile) => pushToRoom(rooms.profileDevices(schoolId, profile)),
    sendRequestStatus(deviceId, message) {
      nsp.to(rooms.device(deviceId)).emit('request-status', message);
    },
    categoriesChanged(schoolId) {
      nsp.to(PROFILES.map((profile) => rooms.profileDevices(schoolId, profile))).emit('categories-changed');
    },
    disconnectDevices(deviceIds) {
      if (deviceIds.length > 0) nsp.in(deviceIds.map((id) => rooms.device(id))).disconnectSockets(true);
    },
  };

  /**
   * The school's records decide a device's profile. A device asking for another one (a changed
   * local configuration, a forged handshake) gets its own profile's policy, and the school hears.
   */
  async function refuseClaim(
    device: DeviceIdentity,
    claimed: Profile,
    ip: string | null,
    policyVersion: number,
  ) {
    const from: Record<DeviceIdentity['profileSource'], string> = {
      'pupil-class': `the signed-in pupil’s class ${device.className ?? ''}`.trimEnd(),
      'device-class': `the device’s class ${device.className ?? ''}`.trimEnd(),
      'device-record': 'its enrollment token',
      unknown: 'no class or token profile (the strictest pupil profile)',
    };
    try {
      const { event, created } = await deps.eventService.store(
        {
          id: uuidv7(),
          kind: 'tamper',
          what: 'profile-claim',
          detail: `the device asked for the ${claimed} profile; it enforces ${device.profile}, from ${from[device.profileSource]}`,
          url: null,
          occurredAt: new Date().toISOString(),
          profile: device.profile,
          policyVersion,
        },
        device,
        ip,
      );
      if (created) deps.broadcast(event);
    } catch (error) {
      console.error('waymark: could not record a refused profile claim', error);
    }
  }

  /** The last event folded before the device went, counting the others: the fact is kept. */
  async function storeFoldedAtEnd(device: DeviceIdentity, ip: string | null) {
    const pending = rateLimit.end(device.deviceId);
    if (!pending) return;
    try {
      const { event, created } = await deps.eventService.store(pending.event, device, ip, pending.others);
      if (created) deps.broadcast(event);
    } catch (error) {
      console.error('waymark: could not store the folded events of a device', error);
    }
  }

  nsp.use((socket, next) => {
    const auth = DeviceAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error(`invalid device handshake: ${describeZodError(auth.error)}`));
    const { protocolVersion } = auth.data;
    if (protocolVersion < MIN_PROTOCOL_VERSION || protocolVersion > PROTOCOL_VERSION) {
      return next(
        new Error(
          `protocol version ${protocolVersion} is not supported (server speaks ${MIN_PROTOCOL_VERSION} to ${PROTOCOL_VERSION})`,
        ),
      );
    }
    const ip = clientIp(socket, deps.trustProxy);
    // A device whose connection closed while it waited (it timed out and will retry) costs nothing.
    const gone = () => socket.conn.readyState !== 'open';
    void admission.admit(gone).then((slot) => {
      if (!slot) return next(new Error('the device left before its connection was set up'));
      const release = () => {
        socket.conn.off('close', release);
        settingUp.delete(socket);
        slot();
      };
      socket.conn.once('close', release);
      settingUp.set(socket, release);
      authenticate(release);
    });
    const authenticate = (release: () => void) =>
      deps.deviceService.authenticate(auth.data, ip).then(
        (device) => {
          socket.data = {
            device,
            protocolVersion,
            claimedProfile: auth.data.fixedProfile,
            ip,
            host: socket.handshake.headers.host,
          };
          next();
        },
        (error: unknown) => {
          release();
          if (!(error instanceof DeviceAuthError))
            console.error('waymark: device authentication failed', error);
          next(new Error(error instanceof DeviceAuthError ? error.message : 'device authentication failed'));
        },
      );
  });

  nsp.on('connection', async (socket) => {
    const { device, ip } = socket.data;
    // Listeners first, before anything is awaited: a packet the device sends as soon as it is
    // connected would otherwise arrive while the database answers below, and be dropped.
    socket.on('category-sync', async (raw: unknown, rawAck: unknown) => {
      const ack = safeAck(rawAck) as unknown as Ack<{ sync: CategorySyncResponse }>;
      const parsed = CategorySyncRequestSchema.safeParse(raw);
      if (!parsed.success)
        return ack({ ok: false, error: describeZodError(parsed.error), code: 'invalid-event' });
      if (!deps.categorySync) return ack({ ok: true, sync: { sources: [] } });
      try {
        const policy = await deps.policyService.policyFor(device.schoolId, device.profile);
        const sync = await deps.categorySync(device.schoolId, categoriesToHold(policy), parsed.data.held);
        ack({ ok: true, sync });
      } catch (error) {
        console.error('waymark: category sync', error);
        ack({ ok: false, error: 'category data unavailable', code: 'unavailable' });
      }
    });
    socket.on('event', async (raw: unknown, rawAck: unknown) => {
      const ack = safeAck(rawAck);
      const parsed = DeviceEventSchema.safeParse(raw);
      if (!parsed.success)
        return ack({
          ok: false,
          error: `invalid event: ${describeZodError(parsed.error)}`,
          code: 'invalid-event',
        });
      const event = parsed.data;
      if (device.visitor && device.visitor.expiresAt <= new Date()) {
        ack({ ok: false, error: 'visitor pass ended' });
        socket.disconnect(true);
        return;
      }
      const admitted = rateLimit.admit(device.deviceId, event);
      // Past the rate: acked, so the device goes on, and counted into its next stored event.
      if (!admitted.store) return ack({ ok: true, id: event.id });
      try {
        if (event.kind === 'heartbeat') {
          await deps.deviceService.recordHeartbeat(
            device.deviceId,
            event.policyVersion,
            event.extensionVersion,
            event.hardening,
          );
          return ack({ ok: true, id: event.id });
        }
        const { event: stored, created } = await deps.eventService.store(
          event,
          device,
          ip,
          admitted.foldedBefore,
        );
        // Ack only after the commit: the device deletes its outbox copy on this answer.
        ack({ ok: true, id: stored.id });
        if (created) deps.broadcast(stored);
        else if (stored.deviceId === device.deviceId) deps.rebroadcast?.(stored);
      } catch (error) {
        if (isDataException(error)) {
          // Sending it again cannot help: the device sets it aside and goes on with the next.
          console.error('waymark: the database refused an event', event.id, error);
          return ack({
            ok: false,
            error: 'the event holds a value that cannot be stored',
            code: 'unstorable',
          });
        }
        console.error('waymark: could not store event', error);
        ack({
          ok: false,
          error: 'the server could not store the event; it will be retried',
          code: 'unavailable',
        });
      }
    });

    deps.tabs?.listen(socket);
    deps.actions?.listen(socket);

    // A visitor pass ends on time: the connection closes then (the device stops by itself too).
    const passEnds = device.visitor
      ? setTimeout(
          () => socket.disconnect(true),
          Math.max(0, device.visitor.expiresAt.getTime() - Date.now()),
        )
      : null;
    socket.on('disconnect', async () => {
      if (passEnds) clearTimeout(passEnds);
      await storeFoldedAtEnd(device, ip);
      try {
        // A device that reconnected (to this process or another) before this connection timed out
        // is still online: only its last connection going marks it offline.
        if ((await nsp.in(rooms.device(device.deviceId)).fetchSockets()).length > 0) return;
        await deps.deviceService.markOffline(device.deviceId);
        deps.presence?.(device, false);
      } catch (error) {
        console.error('waymark: markOffline', error);
      }
    });

    try {
      await sendConnected(socket);
    } finally {
      settingUp.get(socket)?.();
    }
    // After its policy: a device told its class is watched checks its tabs against that policy.
    deps.tabs?.deviceConnected(socket);
    deps.actions
      ?.deviceConnected(socket)
      .catch((error) => console.error('waymark: could not give a device the actions it missed', error));
  });

  /** Joins a connected device to its rooms and sends it its token (first time) and its policy. */
  async function sendConnected(socket: DeviceSocket) {
    const { device, ip } = socket.data;
    await socket.join(deviceRooms(socket));
    if (device.issuedToken) {
      socket.emit('enrolled', {
        deviceId: device.deviceId,
        deviceToken: device.issuedToken,
        schoolName: device.schoolName,
      });
    }
    deps.presence?.(device, true);
    const message = await connectingPolicy(socket.data);
    // Recorded before the policy goes out: once the device holds its policy, the school has heard.
    const { claimedProfile } = socket.data;
    if (claimedProfile && claimedProfile !== device.profile) {
      await refuseClaim(device, claimedProfile, ip, message?.policy.version ?? 0);
    }
    if (message) socket.emit('policy', message);
  }
  return { nsp, push };
}
