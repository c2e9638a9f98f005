import { z } from 'zod';
import { safeText } from '../text/safe-text';

/** Longest message a teacher sends a pupil, and a pupil's one reply. */
export const LIVE_MESSAGE_MAX = 500;
/** A lock releases by itself after at most this long (and at the end of the lesson, if sooner). */
export const LOCK_MAX_MINUTES = 60;
/** Devices one action may go to at once (a class, or a selection of it). */
export const LIVE_ACTION_DEVICES_MAX = 200;

const WebAddress = safeText()
  .trim()
  .max(2048)
  .refine(
    (u) => {
      try {
        return /^https?:$/.test(new URL(u).protocol);
      } catch {
        return false;
      }
    },
    { message: 'an http(s) address' },
  );

/** What a teacher asks pupils' browsers to do (`POST /api/classes/:classId/actions`). */
export const LiveActionSchema = z.discriminatedUnion('kind', [
  /** One tab of one device (its id from the device's tab state). */
  z.object({
    kind: z.literal('close-tab'),
    tabId: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 31),
  }),
  /** Every tab on a site (a host; its subdomains too). */
  z.object({ kind: z.literal('close-site'), site: safeText().trim().min(1).max(253) }),
  z.object({ kind: z.literal('open-url'), url: WebAddress }),
  z.object({ kind: z.literal('message'), text: safeText().trim().min(1).max(LIVE_MESSAGE_MAX) }),
  z.object({
    kind: z.literal('lock'),
    message: safeText().trim().max(200),
    minutes: z.number().int().min(1).max(LOCK_MAX_MINUTES),
  }),
  z.object({ kind: z.literal('unlock') }),
]);
export type LiveAction = z.infer<typeof LiveActionSchema>;
export type LiveActionKind = LiveAction['kind'];

export const LiveActionBodySchema = z.object({
  deviceIds: z.array(safeText().min(1).max(100)).min(1).max(LIVE_ACTION_DEVICES_MAX),
  action: LiveActionSchema,
});
export type LiveActionBody = z.infer<typeof LiveActionBodySchema>;

/** Server → device (`action`, acked): what to do, from whom; `until` is a lock's release time. */
export const DeviceActionSchema = z.object({
  id: safeText(),
  action: LiveActionSchema,
  from: safeText(),
  at: safeText(),
  until: z.iso.datetime({ offset: true }).nullable(),
});
export type DeviceAction = z.infer<typeof DeviceActionSchema>;
export type DeviceActionAck = (response: { ok: true } | { ok: false; error: string }) => void;

/** Per device: done, not connected (to any process), or the device could not. */
export const ACTION_OUTCOMES = ['applied', 'offline', 'failed'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];
export const ActionResultSchema = z.object({
  deviceId: safeText(),
  outcome: z.enum(ACTION_OUTCOMES),
  error: safeText().nullable(),
});
export type ActionResult = z.infer<typeof ActionResultSchema>;

/** One recorded action: who, what, which devices, when, and how each device answered. */
export const LiveActionRecordSchema = z.object({
  id: safeText(),
  classId: safeText(),
  staffId: safeText(),
  staffName: safeText(),
  action: LiveActionSchema,
  until: safeText().nullable(),
  results: z.array(ActionResultSchema),
  createdAt: safeText(),
  /** Replies to a message, one per device at most. */
  replies: z.array(z.object({ deviceId: safeText(), text: safeText(), at: safeText() })),
});
export type LiveActionRecord = z.infer<typeof LiveActionRecordSchema>;

/**
 * Server → console: a device that was offline when an action was sent has reconnected within
 * the lesson and answered it (`action-result`).
 */
export const ActionResultUpdateSchema = z.object({
  actionId: safeText(),
  classId: safeText(),
  result: ActionResultSchema,
});
export type ActionResultUpdate = z.infer<typeof ActionResultUpdateSchema>;

/** Device → server: the pupil's one answer to a message (`message-reply`, acked). */
export const MessageReplySchema = z.object({
  actionId: safeText().min(1).max(100),
  text: safeText().trim().min(1).max(LIVE_MESSAGE_MAX),
});
export type MessageReply = z.infer<typeof MessageReplySchema>;
export const REPLY_REFUSALS = ['invalid', 'not-found', 'already-replied', 'unavailable'] as const;
export type ReplyRefusal = (typeof REPLY_REFUSALS)[number];
export type MessageReplyAck = (
  response: { ok: true } | { ok: false; error: string; code: ReplyRefusal },
) => void;

/** To the consoles watching the class: a pupil answered a message. */
export const LiveReplySchema = z.object({
  actionId: safeText(),
  classId: safeText(),
  deviceId: safeText(),
  deviceName: safeText(),
  user: safeText().nullable(),
  pupilName: safeText().nullable(),
  text: safeText(),
  at: safeText(),
});
export type LiveReply = z.infer<typeof LiveReplySchema>;
