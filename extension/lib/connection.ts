import { io, type Socket } from 'socket.io-client';
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import {
  PERMANENT_ACK_ERRORS,
  PROTOCOL_VERSION,
  type CategorySyncRequest,
  type CategorySyncResponse,
  type DeviceClientToServerEvents,
  type DeviceEventInput,
  type DeviceServerToClientEvents,
  type EnrolledMessage,
  type PolicyMessage,
  type RequestStatusMessage,
  type TabState,
  type DeviceAction,
  type DeviceActionAck,
  type MessageReplyAck,
  DeviceActionSchema,
  FilterCheckRequestSchema,
  WatchingMessageSchema,
  ScreensMessageSchema,
  type Thumbnail,
  type FilterCheckAck,
  type FilterCheckRequest,
} from '@waymark/shared';
import type { EffectiveConfig } from './config';
import type { SendResult } from './outbox';
import { validPolicyMessage } from './policy-message';

type DeviceSocket = Socket<DeviceServerToClientEvents, DeviceClientToServerEvents>;

/** Per-server device tokens: a device moved to another server enrolls again there. */
const deviceTokensItem = storage.defineItem<Record<string, string>>('local:deviceTokens', { fallback: {} });

interface ConnectionHandlers {
  onPolicy(message: PolicyMessage): void;
  onRequestStatus(message: RequestStatusMessage): void;
  onConnect(): void;
  /** Whether a teacher watches the class now (false too when the connection drops). */
  onWatching(watching: boolean): void;
  /** Whether a teacher shows the class's screens now (false too when the connection drops). */
  onScreens?(send: boolean): void;
  /** A teacher's action: carry it out, then answer. */
  onAction(message: DeviceAction, ack: DeviceActionAck): void;
  /** A filtering check: decide each address with the policy held, and answer. */
  onFilterCheck(message: FilterCheckRequest, ack: FilterCheckAck): void;
  /** The server's category data changed: sync what the device holds. */
  onCategoriesChanged?(): void;
}

const ACK_TIMEOUT_MS = 10_000;
const CATEGORY_SYNC_TIMEOUT_MS = 120_000;
const RETRY_AFTER_REFUSAL_MS = 15_000;

/** The websocket to the school's server (`/device`), with enrollment and acked sends. */
export class ServerConnection {
  private socket: DeviceSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Who and where the current (or opening) socket connects as; a connect() asking the same keeps it. */
  private target: string | null = null;
  /** Bumped by every connect(): one that was overtaken while awaiting storage opens no socket. */
  private generation = 0;

  constructor(private readonly handlers: ConnectionHandlers) {}

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /**
   * Connects with the given configuration. A fresh force-install asks twice (at start, then when
   * managed storage arrives): two sockets, or tearing down one mid-enrollment, would enroll the
   * device twice. So the same target keeps its socket, and only the latest call opens one.
   */
  async connect(config: EffectiveConfig, user: string | null): Promise<void> {
    const target = JSON.stringify([
      config.serverUrl,
      config.enrollmentToken,
      config.deviceName,
      config.assetTag,
      config.fixedProfile,
      user,
    ]);
    if (target === this.target) return;
    const generation = ++this.generation;
    this.disconnect();
    this.target = target;
    const tokens = await deviceTokensItem.getValue();
    if (generation !== this.generation) return;
    const socket: DeviceSocket = io(`${config.serverUrl.replace(/\/$/, '')}/device`, {
      // MV3 service workers have no XMLHttpRequest: websocket only.
      transports: ['websocket'],
      auth: {
        protocolVersion: PROTOCOL_VERSION,
        deviceToken: Object.hasOwn(tokens, config.serverUrl) ? tokens[config.serverUrl] : undefined,
        enrollmentToken: config.enrollmentToken,
        deviceName: config.deviceName ?? config.assetTag ?? 'Chrome device',
        assetTag: config.assetTag,
        user,
        extensionVersion: browser.runtime.getManifest().version,
        fixedProfile: config.fixedProfile,
      },
    });
    socket.on('enrolled', (message: EnrolledMessage) => {
      // Reconnections (to this server or, behind a balancer, another process) use the new token,
      // not the enrollment token: the device must not enroll again as a new device.
      socket.auth = { ...(socket.auth as Record<string, unknown>), deviceToken: message.deviceToken };
      void deviceTokensItem
        .getValue()
        .then((all) => deviceTokensItem.setValue({ ...all, [config.serverUrl]: message.deviceToken }));
    });
    socket.on('policy', (message) => {
      const policy = validPolicyMessage(message);
      if (policy) this.handlers.onPolicy(policy);
    });
    socket.on('request-status', (message) => this.handlers.onRequestStatus(message));
    socket.on('categories-changed', () => this.handlers.onCategoriesChanged?.());
    socket.on('watching', (message) => {
      const parsed = WatchingMessageSchema.safeParse(message);
      if (parsed.success) this.handlers.onWatching(parsed.data.watching);
    });
    socket.on('screens', (message) => {
      const parsed = ScreensMessageSchema.safeParse(message);
      if (parsed.success) this.handlers.onScreens?.(parsed.data.send);
    });
    socket.on('action', (message, ack) => {
      const answer: DeviceActionAck = typeof ack === 'function' ? ack : () => {};
      const parsed = DeviceActionSchema.safeParse(message);
      if (!parsed.success) return answer({ ok: false, error: 'not an action this extension knows' });
      this.handlers.onAction(parsed.data, answer);
    });
    socket.on('filter-check', (message, ack) => {
      const answer: FilterCheckAck = typeof ack === 'function' ? ack : () => {};
      const parsed = FilterCheckRequestSchema.safeParse(message);
      if (!parsed.success) return answer({ ok: false, error: 'not a filtering check this extension knows' });
      this.handlers.onFilterCheck(parsed.data, answer);
    });
    socket.on('connect', () => this.handlers.onConnect());
    // The server tells again on reconnecting, if the class is still watched.
    socket.on('disconnect', () => {
      this.handlers.onWatching(false);
      this.handlers.onScreens?.(false);
    });
    socket.on('connect_error', (error) => {
      // A refusal by the server's middleware is not retried by Socket.IO itself.
      if (!socket.active) {
        console.warn('waymark: server refused the device:', error.message);
        this.retryTimer = setTimeout(() => socket.connect(), RETRY_AFTER_REFUSAL_MS);
      }
    });
    this.socket = socket;
  }

  disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.target = null;
  }

  /** Live only: a tab state that cannot go now is not kept (the next change or snapshot replaces it). */
  async sendTabState(state: TabState): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('tab-state', state);
      if (!ack.ok) console.warn('waymark: tab state refused:', ack.code, ack.error);
    } catch {
      // No answer: the next report goes as usual.
    }
  }

  /** Live only: a thumbnail that cannot go now is dropped (the next one replaces it). */
  async sendThumbnail(thumbnail: Thumbnail): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('thumbnail', thumbnail);
      if (!ack.ok) console.warn('waymark: thumbnail refused:', ack.code, ack.error);
    } catch {
      // No answer: the next one goes as usual.
    }
  }

  /** The pupil's one answer to a teacher's message (not queued: the pupil is told if it could not go). */
  async sendReply(actionId: string, text: string): Promise<Parameters<MessageReplyAck>[0]> {
    const socket = this.socket;
    if (!socket?.connected) return { ok: false, error: 'offline', code: 'unavailable' };
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message-reply', { actionId, text });
    } catch {
      return { ok: false, error: 'no answer from the server', code: 'unavailable' };
    }
  }

  /** Asks for the category data's changes since what the device holds (a snapshot may be tens of megabytes). */
  async syncCategories(request: CategorySyncRequest): Promise<CategorySyncResponse> {
    const socket = this.socket;
    if (!socket?.connected) throw new Error('offline');
    const ack = await socket.timeout(CATEGORY_SYNC_TIMEOUT_MS).emitWithAck('category-sync', request);
    if (!ack.ok) throw new Error(`category sync refused: ${ack.error}`);
    return ack.sync;
  }

  async send(event: DeviceEventInput): Promise<SendResult> {
    const socket = this.socket;
    if (!socket?.connected) return { ok: false, error: 'offline', permanent: false };
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('event', event);
      if (ack.ok) return { ok: true };
      return {
        ok: false,
        error: ack.error,
        permanent: ack.code !== undefined && PERMANENT_ACK_ERRORS.includes(ack.code),
      };
    } catch {
      return { ok: false, error: 'no answer from the server', permanent: false };
    }
  }
}
