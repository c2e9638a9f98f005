import type { Namespace, Server } from 'socket.io';
import {
  DeviceAuthSchema,
  DeviceEventSchema,
  describeZodError,
  PROTOCOL_VERSION,
  type Ack,
  type DeviceClientToServerEvents,
  type DeviceServerToClientEvents,
  type StoredEvent,
} from '@waymark/shared';
import { DeviceAuthError, type DeviceIdentity, type DeviceService } from '../services/device-service';
import type { EventService } from '../services/event-service';
import type { PolicyService } from '../services/policy-service';
import { clientIp } from './client-ip';
import { rooms } from './rooms';

interface DeviceSocketData {
  device: DeviceIdentity;
  ip: string | null;
}

export type DeviceNamespace = Namespace<
  DeviceClientToServerEvents,
  DeviceServerToClientEvents,
  object,
  DeviceSocketData
>;

export interface DeviceNamespaceDeps {
  io: Server;
  deviceService: DeviceService;
  eventService: EventService;
  policyService: PolicyService;
  trustProxy: boolean;
  /** Fan-out of a stored event to the consoles allowed to see it. */
  broadcast: (event: StoredEvent) => void;
}

/** The host (no port) the device reached us at: it must stay reachable whatever the policy says. */
function serverHost(hostHeader: string | undefined): string[] {
  if (!hostHeader) return [];
  try {
    return [new URL(`http://${hostHeader}`).hostname];
  } catch {
    return [];
  }
}

function safeAck(ack: unknown): Ack {
  return typeof ack === 'function' ? (ack as Ack) : () => {};
}

export function registerDeviceNamespace(deps: DeviceNamespaceDeps): DeviceNamespace {
  const nsp: DeviceNamespace = deps.io.of('/device');

  nsp.use((socket, next) => {
    const auth = DeviceAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error(`invalid device handshake: ${describeZodError(auth.error)}`));
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
      return next(
        new Error(
          `protocol version ${auth.data.protocolVersion} is not supported (server speaks ${PROTOCOL_VERSION})`,
        ),
      );
    }
    const ip = clientIp(socket, deps.trustProxy);
    deps.deviceService.authenticate(auth.data, ip).then(
      (device) => {
        socket.data = { device, ip };
        next();
      },
      (error: unknown) => {
        if (!(error instanceof DeviceAuthError))
          console.error('waymark: device authentication failed', error);
        next(new Error(error instanceof DeviceAuthError ? error.message : 'device authentication failed'));
      },
    );
  });

  nsp.on('connection', async (socket) => {
    const { device, ip } = socket.data;
    await socket.join(rooms.device(device.deviceId));
    if (device.issuedToken) {
      socket.emit('enrolled', {
        deviceId: device.deviceId,
        deviceToken: device.issuedToken,
        schoolName: device.schoolName,
      });
    }
    try {
      const policy = await deps.policyService.policyFor(
        device.schoolId,
        device.profile,
        serverHost(socket.handshake.headers.host),
      );
      socket.emit('policy', {
        policy,
        classIds: device.classId ? [device.classId] : [],
        className: device.className,
        schoolName: device.schoolName,
      });
    } catch (error) {
      console.error('waymark: could not send policy', error);
    }

    socket.on('event', async (raw: unknown, rawAck: unknown) => {
      const ack = safeAck(rawAck);
      const parsed = DeviceEventSchema.safeParse(raw);
      if (!parsed.success)
        return ack({ ok: false, error: `invalid event: ${describeZodError(parsed.error)}` });
      const event = parsed.data;
      try {
        if (event.kind === 'heartbeat') {
          await deps.deviceService.recordHeartbeat(
            device.deviceId,
            event.policyVersion,
            event.extensionVersion,
          );
          return ack({ ok: true, id: event.id });
        }
        const { event: stored, created } = await deps.eventService.store(event, device, ip);
        // Ack only after the commit: the device deletes its outbox copy on this answer.
        ack({ ok: true, id: stored.id });
        if (created) deps.broadcast(stored);
      } catch (error) {
        console.error('waymark: could not store event', error);
        ack({ ok: false, error: 'the server could not store the event; it will be retried' });
      }
    });

    socket.on('disconnect', () => {
      deps.deviceService
        .markOffline(device.deviceId)
        .catch((error) => console.error('waymark: markOffline', error));
    });
  });
  return nsp;
}
