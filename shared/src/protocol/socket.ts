import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { CategorySchema, ProfileSchema } from '../policy/categories';
import { CountrySchema, PupilLocaleSchema } from '../policy/help-sites';
import { PolicySchema } from '../policy/schema';
import type { CategorySyncRequest, CategorySyncResponse } from '../policy/category-data';
import { DeviceVisitorPassSchema } from './visitors';
import type { Alert, DeviceEventInput, StoredEvent } from './events';
import type { DevicePresence } from './live-class';
import type { RefusalCode } from './refusals';
import type { LiveTabs, TabState, TabStateAck, WatchingMessage } from './tab-state';
import type {
  LiveThumbnail,
  ScreensMessage,
  ScreensStopped,
  ShowScreens,
  Thumbnail,
  ThumbnailAck,
} from './screens';
import type {
  ActionResultUpdate,
  DeviceAction,
  DeviceActionAck,
  LiveReply,
  MessageReply,
  MessageReplyAck,
} from './live-actions';
import type { FilterCheckAck, FilterCheckRequest } from './filter-checks';

/** `/device` handshake (`io(url + '/device', { auth })`). */
export const DeviceAuthSchema = z
  .object({
    protocolVersion: z.number().int(),
    /** The per-device token issued on enrollment. */
    deviceToken: safeText().min(1).max(200).optional(),
    /** The school's enrollment token from managed configuration; used until the device has its own. */
    enrollmentToken: safeText().min(1).max(200).optional(),
    deviceName: safeText().trim().min(1).max(200),
    assetTag: safeText().max(100).optional(),
    /** Managed profile e-mail (`identity.getProfileUserInfo`), when the browser is signed in. */
    user: z.email().max(320).nullable().optional(),
    extensionVersion: safeText().max(50),
    /** From managed configuration: a shared device (e.g. in Reception) always enforces this profile. */
    fixedProfile: ProfileSchema.optional(),
  })
  .refine((a) => a.deviceToken !== undefined || a.enrollmentToken !== undefined, {
    message: 'a device needs a deviceToken or an enrollmentToken',
  });
export type DeviceAuth = z.infer<typeof DeviceAuthSchema>;

export const EnrolledMessageSchema = z.object({
  deviceId: safeText(),
  deviceToken: safeText(),
  schoolName: safeText(),
});
export type EnrolledMessage = z.infer<typeof EnrolledMessageSchema>;

export const PolicyMessageSchema = z.object({
  policy: PolicySchema,
  /** The classes the device's pupil (or the device) belongs to: decides overrides and nominations. */
  classIds: z.array(safeText()),
  className: safeText().nullable(),
  schoolName: safeText(),
  /** Keyword lists for flagging searches on the device (the server flags again on arrival). */
  keywords: z.partialRecord(CategorySchema, z.array(safeText().max(200))).default({}),
  /** The school's country (england when absent): decides which help sites the block page shows first. */
  country: CountrySchema.optional(),
  /** The school's language for pupils' pages (en when absent); a device's managed `locale` wins over it. */
  locale: PupilLocaleSchema.optional(),
  /** Set on a device enrolled with a visitor pass. */
  visitor: DeviceVisitorPassSchema.nullable().optional(),
  /** The school lets teachers see thumbnails of screens in lessons: pupils' pages say so. */
  screenThumbnails: z.boolean().optional(),
});
export type PolicyMessage = z.infer<typeof PolicyMessageSchema>;

/**
 * Why an acked send failed, for the device to act on (the `error` text is for people):
 * `invalid-event` and `unstorable` are permanent (the same event will never be stored, so the
 * device sets it aside and sends the next); `unavailable` is for now (retry later, in order).
 */
export const ACK_ERROR_CODES = ['invalid-event', 'unstorable', 'unavailable'] as const;
export type AckErrorCode = (typeof ACK_ERROR_CODES)[number];
export const PERMANENT_ACK_ERRORS: readonly AckErrorCode[] = ['invalid-event', 'unstorable'];

export type Ack<T = { id: string }> = (
  response: ({ ok: true } & T) | { ok: false; error: string; code?: AckErrorCode },
) => void;

/** A console's acked request: refused with the same codes as the HTTP API. */
export type ConsoleAck<T> = (
  response: ({ ok: true } & T) | { ok: false; error: string; code: RefusalCode },
) => void;

const REQUEST_STATUSES = ['pending', 'approved', 'denied', 'forwarded'] as const;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

/** The teacher's answer to a pupil's unblock request, sent to the device that asked. */
export const RequestStatusMessageSchema = z.object({
  requestId: safeText(),
  /** Null for a site in an illegal category: its address goes to no one but the DSL. */
  url: safeText().nullable(),
  status: RequestStatusSchema,
  /** When approved for the lesson: until when the site stays open. */
  until: safeText().nullable(),
  decidedBy: safeText().nullable(),
});
export type RequestStatusMessage = z.infer<typeof RequestStatusMessageSchema>;

export interface DeviceServerToClientEvents {
  enrolled: (message: EnrolledMessage) => void;
  policy: (message: PolicyMessage) => void;
  'request-status': (message: RequestStatusMessage) => void;
  /** Protocol 2: a console started watching the device's class (send a snapshot) or the last one stopped. */
  watching: (message: WatchingMessage) => void;
  /** Protocol 2: a teacher's action (close, open, message, lock, unlock), acked when applied. */
  action: (message: DeviceAction, ack: DeviceActionAck) => void;
  /** Protocol 3: a filtering check; the ack carries what the device does with each address. */
  'filter-check': (message: FilterCheckRequest, ack: FilterCheckAck) => void;
  /** Category data changed on the server (a feed's new version): the device syncs. */
  'categories-changed': () => void;
  /** Protocol 5: send thumbnails of the active tab (a console shows the class's screens), or stop. */
  screens: (message: ScreensMessage) => void;
}
export interface DeviceClientToServerEvents {
  event: (event: DeviceEventInput, ack: Ack) => void;
  /** Protocol 2: what the browser shows now, only while the class is watched (never stored). */
  'tab-state': (state: TabState, ack: TabStateAck) => void;
  /** Protocol 2: the pupil's one answer to a teacher's message. */
  'message-reply': (reply: MessageReply, ack: MessageReplyAck) => void;
  /** The category data for the device's blocked categories: deltas from what it holds, or snapshots. */
  'category-sync': (request: CategorySyncRequest, ack: Ack<{ sync: CategorySyncResponse }>) => void;
  /** Protocol 5: a thumbnail of the active tab, only while asked (never stored). */
  thumbnail: (thumbnail: Thumbnail, ack: ThumbnailAck) => void;
}

export const WatchClassSchema = z.object({ classId: safeText().min(1).max(100) });
export type WatchClass = z.infer<typeof WatchClassSchema>;

export interface ConsoleServerToClientEvents {
  event: (event: StoredEvent) => void;
  /** A request was decided (by anyone): consoles update its buttons. */
  'request-status': (message: RequestStatusMessage & { classId: string | null }) => void;
  /** To the DSL: a high-severity event (or the first of a burst). */
  alert: (alert: Alert) => void;
  /** An alert was acknowledged, escalated or counted another event: consoles showing it update. */
  'alert-changed': (alert: Alert) => void;
  /** A device of a watched class (or, to the DSL, of the school) came online or went offline. */
  presence: (presence: DevicePresence) => void;
  /** A class's lesson overrides changed (started, ended, or opened by an approved request). */
  'overrides-changed': (message: { classId: string }) => void;
  /** Pupils joined or left the class's lesson (a period boundary, a session started or ended): reload its roster. */
  'lesson-changed': (message: { classId: string }) => void;
  /** A device of a watched class: its tabs now (live only, never stored), or that it needs an update. */
  'tab-state': (message: LiveTabs) => void;
  /** A pupil of a watched class answered a teacher's message. */
  'message-reply': (message: LiveReply) => void;
  /** A device offline when an action was sent reconnected within the lesson and answered it. */
  'action-result': (message: ActionResultUpdate) => void;
  /** To the consoles showing a class's screens: one device's thumbnail (never stored). */
  thumbnail: (message: LiveThumbnail) => void;
  /** The class's screens stopped: the school turned them off, or the lesson ended. */
  'screens-stopped': (message: ScreensStopped) => void;
}
export interface ConsoleClientToServerEvents {
  'watch-class': (body: WatchClass, ack: ConsoleAck<{ classId: string; recent: StoredEvent[] }>) => void;
  'unwatch-class': (body: WatchClass, ack: ConsoleAck<{ classId: string }>) => void;
  /** Show (or stop showing) the screens of a watched class in a lesson, where the school allows it. */
  'show-screens': (
    body: ShowScreens,
    ack: (
      response: { ok: true; classId: string; show: boolean } | { ok: false; error: string; code: string },
    ) => void,
  ) => void;
}

/** Turns a zod error into one line a person (or a device log) can act on. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
