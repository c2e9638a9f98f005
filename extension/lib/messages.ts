import type { DeviceEventInput, PolicyMessage } from '@waymark/shared';

/** Messages the extension's pages send to the background, by type. */
export interface RuntimeMessages {
  /** Queue an event (blocked attempt, request, concern) for the server. */
  report: { request: { event: DeviceEventInput }; response: { queued: boolean; error?: string } };
  /** The visitor accepted the acceptable-use notice of this pass: browsing may start. */
  'accept-notice': { request: { passId: string }; response: { ok: boolean } };
  /** What the block page and popup show: school, class, connection. */
  status: {
    request: Record<string, never>;
    response: {
      connected: boolean;
      policy: PolicyMessage | null;
      user: string | null;
      pendingEvents: number;
    };
  };
}

export type MessageType = keyof RuntimeMessages;
export type RuntimeMessage = { [K in MessageType]: { type: K } & RuntimeMessages[K]['request'] }[MessageType];
