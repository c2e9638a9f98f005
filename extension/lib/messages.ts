import type { CategoryEntries, DeviceEventInput, PolicyMessage } from '@waymark/shared';
import type { LockState, TeacherMessage } from './teacher-actions';

/** Messages the extension's pages send to the background, by type. */
export interface RuntimeMessages {
  /** Queue an event (unblock request, concern) for the server. */
  report: { request: { event: DeviceEventInput }; response: { queued: boolean; error?: string } };
  /** The visitor accepted the acceptable-use notice of this pass: browsing may start. */
  'accept-notice': { request: { passId: string }; response: { ok: boolean } };
  /** Whether the background reported a blocked attempt at this URL (it waits for the outbox). */
  reported: { request: { url: string }; response: { reported: boolean } };
  /** A mirror the block page found allowed: let this URL through for the sender's tab. */
  'pass-mirror': { request: { url: string }; response: { passed: boolean } };
  /** What the block page and popup show: school, class, connection. */
  status: {
    request: Record<string, never>;
    response: {
      connected: boolean;
      policy: PolicyMessage | null;
      user: string | null;
      pendingEvents: number;
      /** A teacher's lock in force now. */
      lock: LockState | null;
      /** The teacher's latest message, while it is recent. */
      teacherMessage: TeacherMessage | null;
    };
  };
  /** The held category entries that could decide this URL, and the list each came from (the block page's "why"). */
  'category-hits': {
    request: { url: string };
    response: { categoryLists: CategoryEntries; sources: Record<string, string> };
  };
  /** The pupil's one answer to the teacher's message. */
  reply: { request: { actionId: string; text: string }; response: { ok: boolean; error?: string } };
}

type MessageType = keyof RuntimeMessages;
export type RuntimeMessage = { [K in MessageType]: { type: K } & RuntimeMessages[K]['request'] }[MessageType];
