import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { Outbox, OutboxDb, type SendResult } from '@waymark/extension/lib/outbox';
import {
  PERMANENT_ACK_ERRORS,
  PROTOCOL_VERSION,
  type DeviceClientToServerEvents,
  type DeviceEventInput,
  type DeviceServerToClientEvents,
} from '@waymark/shared';

const ACK_TIMEOUT_MS = 10_000;

/**
 * A pupil device as the extension behaves on the wire, without a browser: the extension's own
 * outbox (Dexie, over fake-indexeddb here), flushed on every connect and after every report,
 * deleting an event only on the server's ack; Socket.IO over websocket with reconnection; the
 * device token it was issued used from then on. Counts how often it sent each event.
 */
export class SimulatedDevice {
  readonly outbox = new Outbox(new OutboxDb(`simulated-device-${randomUUID()}`));
  readonly sends = new Map<string, number>();
  deviceToken: string | undefined;
  private readonly socket: Socket<DeviceServerToClientEvents, DeviceClientToServerEvents>;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(serverUrl: string, enrollmentToken: string, deviceName: string) {
    this.socket = io(`${serverUrl}/device`, {
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 250,
      // Read at every (re)connection: once enrolled, the device presents its own token.
      auth: (send) =>
        send({
          protocolVersion: PROTOCOL_VERSION,
          deviceName,
          extensionVersion: '0.1.0',
          enrollmentToken,
          deviceToken: this.deviceToken,
        }),
    });
    this.socket.on('enrolled', (message) => {
      this.deviceToken = message.deviceToken;
    });
    this.socket.on('connect', () => void this.flush());
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** What the extension's `ServerConnection.send` does: an acked emit, or why not. */
  private async send(event: DeviceEventInput): Promise<SendResult> {
    if (!this.socket.connected) return { ok: false, error: 'offline', permanent: false };
    this.sends.set(event.id, (this.sends.get(event.id) ?? 0) + 1);
    try {
      const ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('event', event);
      if (ack.ok) return { ok: true };
      const permanent = ack.code !== undefined && PERMANENT_ACK_ERRORS.includes(ack.code);
      return { ok: false, error: ack.error, permanent };
    } catch {
      return { ok: false, error: 'no answer from the server', permanent: false };
    }
  }

  /** Sends what is queued; while connected and something is left (a refusal), tries again soon. */
  async flush(): Promise<void> {
    await this.outbox.flush((event) => this.send(event));
    if ((await this.outbox.size()) > 0 && this.socket.connected && this.retry === null) {
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.flush();
      }, 100);
    }
  }

  async report(event: DeviceEventInput): Promise<void> {
    await this.outbox.add(event);
    void this.flush();
  }

  close(): void {
    if (this.retry) clearTimeout(this.retry);
    this.socket.disconnect();
  }
}
