import { z } from 'zod';
import { instant } from '../time/calendar-date';
import { MAX_INT4, safeText } from '../text/safe-text';
import { CategorySchema, ProfileSchema } from '../policy/categories';
import { EventMatchSchema } from '../detection/types';

/**
 * The device protocol this build speaks. 2: live tab state (`watching` to the device, `tab-state`
 * from it). 3: filtering checks (`filter-check` to the device, answered in its ack). 4: each tab in
 * the tab state names its category (for the lesson's off-task categories). 5: thumbnails of the
 * active tab when a teacher shows the class's screens (`screens` to the device, `thumbnail` from it). The server still
 * accepts devices from MIN_PROTOCOL_VERSION on: an older extension
 * keeps filtering and reporting, and its tile says it needs an update for what it cannot do.
 */
export const PROTOCOL_VERSION = 5;
/** The oldest device protocol the server still serves. */
export const MIN_PROTOCOL_VERSION = 1;
/** Devices from this protocol on send tab state while their class is watched. */
export const TAB_STATE_PROTOCOL = 2;
/** Devices from this protocol on answer filtering checks (what they do with each test address). */
export const FILTER_CHECK_PROTOCOL = 3;
/** Devices from this protocol on name each tab's category in their tab state (older: none). */
export const TAB_CATEGORY_PROTOCOL = 4;

const UUID = z.uuid();
const Url = safeText().min(1).max(8192);

const eventBase = {
  /** Client-generated uuid v7: re-sending the same event is idempotent. */
  id: UUID,
  occurredAt: instant(),
  /** Profile the device enforced when it happened. */
  profile: ProfileSchema,
  policyVersion: z.number().int().nonnegative().max(MAX_INT4),
};

export const BlockedEventSchema = z.object({
  ...eventBase,
  kind: z.literal('blocked'),
  url: Url,
  category: CategorySchema.nullable(),
  /** The rule that decided, as `evaluateUrl` words it. */
  rule: safeText().max(2000),
  frame: z.enum(['main_frame', 'sub_frame']).default('main_frame'),
  /** The same page blocked again within a minute (a reload loop, an auto-refresh) is folded into one report. */
  repeats: z.number().int().min(1).max(100_000).default(1),
});

export const SearchEventSchema = z.object({
  ...eventBase,
  kind: z.literal('search'),
  url: Url,
  engine: safeText().max(100),
  query: safeText().max(2000),
  /** Categories the query was flagged in (the server flags it again on arrival, and decides). */
  flags: z.array(CategorySchema).default([]),
  /** What matched: phrase, category, risk and the words typed (issue 14). */
  matches: z.array(EventMatchSchema).max(20).default([]),
  blocked: z.boolean().default(false),
});

/**
 * For KS2 and older: a page's or a video's title that the phrase library flagged on the device.
 * Text only: the title and what matched, never the page's address or contents (issue 14).
 */
export const FlaggedTitleEventSchema = z.object({
  ...eventBase,
  kind: z.literal('flagged-title'),
  /** A page's title, or a video's (YouTube), which names what the pupil watched. */
  source: z.enum(['page', 'video']),
  title: safeText().trim().min(1).max(500),
  flags: z.array(CategorySchema).min(1).max(20),
  matches: z.array(EventMatchSchema).min(1).max(20),
});

export const UnblockRequestEventSchema = z.object({
  ...eventBase,
  kind: z.literal('unblock-request'),
  url: Url,
  category: CategorySchema.nullable(),
  reason: safeText().trim().min(1, 'please say why you need the page').max(500),
});

export const ConcernEventSchema = z.object({
  ...eventBase,
  kind: z.literal('concern'),
  url: Url.nullable().default(null),
  message: safeText().max(2000).default(''),
});

/**
 * The hardening a device can see for itself. An extension cannot read the browser's policies
 * (incognito, developer tools, secure DNS, URLBlocklist), so it reports what it can observe:
 * a field is absent when the platform cannot tell.
 */
export const DeviceHardeningSchema = z.object({
  /** Waymark installed by device policy (`management.getSelf().installType` is `admin`): it cannot be removed or turned off. */
  forceInstalled: z.boolean().optional(),
  /** The proxy fixed by device policy (`ProxySettings`: `proxy.settings` is not controllable). */
  proxyLocked: z.boolean().optional(),
  /**
   * The school's device-policy file reached this browser (the extension's managed configuration
   * is there): the same file turns off incognito, guest mode, developer tools and secure DNS and
   * blocks file:// and internal pages.
   */
  policyFile: z.boolean().optional(),
});
export type DeviceHardening = z.infer<typeof DeviceHardeningSchema>;
export const HARDENING_CHECKS = [
  'forceInstalled',
  'proxyLocked',
  'policyFile',
] as const satisfies ReadonlyArray<keyof DeviceHardening>;

export const HeartbeatEventSchema = z.object({
  ...eventBase,
  kind: z.literal('heartbeat'),
  extensionVersion: safeText().max(50),
  /** Absent from extensions older than issue 21's. */
  hardening: DeviceHardeningSchema.optional(),
});

/**
 * Kinds of circumvention: a proxy set in the browser, a proxy or VPN site tried, an extension error,
 * a device gone silent in school hours (raised by the server), a profile the device claimed that
 * the school's records do not give it (raised by the server), the device's own filter rules found
 * changed behind its back, a scheduled filtering check that found the device allowing what its
 * policy blocks (raised by the server), or anything else.
 */
export const TAMPER_KINDS = [
  'proxy-settings',
  'proxy-vpn-site',
  'extension-error',
  'silent',
  'profile-claim',
  'rules-changed',
  'filter-check',
  'other',
] as const;
export type TamperKind = (typeof TAMPER_KINDS)[number];

export const TamperEventSchema = z.object({
  ...eventBase,
  kind: z.literal('tamper'),
  what: z.enum(TAMPER_KINDS),
  detail: safeText().max(2000),
  url: Url.nullable().default(null),
});

/** Everything a device reports. Discriminated on `kind`. */
export const DeviceEventSchema = z.discriminatedUnion('kind', [
  BlockedEventSchema,
  SearchEventSchema,
  FlaggedTitleEventSchema,
  UnblockRequestEventSchema,
  ConcernEventSchema,
  HeartbeatEventSchema,
  TamperEventSchema,
]);
export type DeviceEvent = z.infer<typeof DeviceEventSchema>;
export type DeviceEventInput = z.input<typeof DeviceEventSchema>;
export type EventKind = DeviceEvent['kind'];
export const EVENT_KINDS = DeviceEventSchema.options.map((o) => o.shape.kind.value);

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** An event as the server stored it: the device's report plus who, where and which class (DfE fields). */
export const StoredEventSchema = z.object({
  id: UUID,
  schoolId: safeText(),
  kind: z.enum(['blocked', 'search', 'flagged-title', 'unblock-request', 'concern', 'heartbeat', 'tamper']),
  severity: SeveritySchema,
  occurredAt: safeText(),
  receivedAt: safeText(),
  deviceId: safeText(),
  deviceName: safeText(),
  /** Pupil identity: the managed profile's e-mail, else null (the device stands for them). */
  user: safeText().nullable(),
  pupilName: safeText().nullable(),
  ip: safeText().nullable(),
  classId: safeText().nullable(),
  className: safeText().nullable(),
  profile: ProfileSchema,
  /** Hidden (null) for illegal categories unless the viewer may see them. */
  url: safeText().nullable(),
  urlHidden: z.boolean(),
  category: CategorySchema.nullable(),
  rule: safeText().nullable(),
  /** The rest of the device's report (search query, reason, message, …). */
  details: z.record(safeText(), z.unknown()),
  /** For unblock requests: pending, approved, denied or forwarded. Null for other kinds. */
  requestStatus: z.enum(['pending', 'approved', 'denied', 'forwarded']).nullable(),
});
export type StoredEvent = z.infer<typeof StoredEventSchema>;

/** Who an alert is with: the DSL first, then the deputy DSL, then the senior leader. */
export const ALERT_RECIPIENTS = ['dsl', 'deputy-dsl', 'senior-leader'] as const;
export const AlertRecipientSchema = z.enum(ALERT_RECIPIENTS);
export type AlertRecipient = z.infer<typeof AlertRecipientSchema>;

/**
 * An immediate alert to the DSL for a high-severity event; repeats within 10 minutes are counted
 * into it. It needs acknowledging: nobody doing so in the school's time, it escalates.
 */
export const AlertSchema = z.object({
  id: safeText(),
  schoolId: safeText(),
  /** The pupil's e-mail, or `device:<id>` when no one is signed in. */
  pupilKey: safeText(),
  pupilLabel: safeText(),
  classId: safeText().nullable(),
  className: safeText().nullable(),
  /** The category (or, for concerns and tamper, the kind of event) the alert is about. */
  topic: safeText(),
  count: z.number().int(),
  firstEventId: safeText(),
  lastEventId: safeText(),
  createdAt: safeText(),
  lastAt: safeText(),
  severity: SeveritySchema,
  /** Who it is with now. */
  escalatedTo: AlertRecipientSchema,
  /** When it goes further if nobody acknowledges it; null when acknowledged or nobody is further. */
  escalateAt: safeText().nullable(),
  escalations: z.array(z.object({ to: AlertRecipientSchema, at: safeText() })),
  acknowledgedAt: safeText().nullable(),
  acknowledgedByName: safeText().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;
