import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { CategorySchema, isIllegalCategory } from '../policy/categories';

/** Longest title and address a tab reports; longer ones are cut on the device. */
export const TAB_TITLE_MAX = 300;
export const TAB_URL_MAX = 2048;
/** Tabs a device reports at most (the active one always among them). */
export const TAB_LIMIT = 100;
/** At most this many tab-state messages a second from one device (the device debounces to it). */
export const TAB_STATE_PER_SECOND = 2;

const WebAddress = safeText()
  .max(TAB_URL_MAX)
  .refine((u) => /^https?:\/\//i.test(u), { message: 'an http(s) address' });

/** A tab's category as the device's category data names it: never an illegal one (such a tab is blanked). */
export const TabCategorySchema = CategorySchema.refine((c) => !isIllegalCategory(c), {
  message: 'an illegal category is never named in a tab state',
});

/** One open tab. `url` and `title` are null when they may not leave the device (an illegal category). */
export const TabInfoSchema = z.object({
  id: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 31),
  title: safeText().max(TAB_TITLE_MAX).nullable(),
  url: safeText().max(TAB_URL_MAX).nullable(),
  /** Only an http(s) favicon address: data: and chrome: icons stay on the device. */
  favIconUrl: WebAddress.nullable(),
  /** Showing Waymark's block page (for `url`, the blocked address). */
  blocked: z.boolean(),
  /** The address's category in the device's category data (protocol 4; absent from older devices). */
  category: TabCategorySchema.nullable().optional(),
});
export type TabInfo = z.infer<typeof TabInfoSchema>;

/** What the pupil's browser shows now (`tab-state` from a device whose class is watched). */
export const TabStateSchema = z.object({
  /** `snapshot`: sent because watching started (or another console joined); `change`: a tab changed. */
  reason: z.enum(['snapshot', 'change']),
  /** The active tab of the last-focused window; null when no window is open. */
  activeTabId: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 31)
    .nullable(),
  tabs: z.array(TabInfoSchema).max(TAB_LIMIT),
  /** Whether a browser window has the focus (false: the pupil is in another application). */
  windowFocused: z.boolean(),
  /** `chrome.idle`: active, idle (no input for a while) or locked (screen locked). */
  idle: z.enum(['active', 'idle', 'locked']),
  at: z.iso.datetime({ offset: true }),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** Server → device: whether someone watches the device's class now (start: send a snapshot). */
export const WatchingMessageSchema = z.object({ watching: z.boolean() });
export type WatchingMessage = z.infer<typeof WatchingMessageSchema>;

/**
 * Why the server refused a device's tab state: `not-requested` (no one watches its class),
 * `too-fast` (over TAB_STATE_PER_SECOND), `invalid` (not a TabState), `unavailable` (the server
 * could not check it now). The device sends its next state as usual whichever it is.
 */
export const TAB_STATE_REFUSALS = ['not-requested', 'too-fast', 'invalid', 'unavailable'] as const;
export type TabStateRefusal = (typeof TAB_STATE_REFUSALS)[number];
export type TabStateAck = (
  response: { ok: true } | { ok: false; error: string; code: TabStateRefusal },
) => void;

/**
 * To the consoles watching the class: one device's tab state, or `state: null` with
 * `updateNeeded` when its extension is too old to report tabs.
 */
export const LiveTabsSchema = z.object({
  deviceId: safeText(),
  classId: safeText(),
  user: safeText().nullable(),
  deviceName: safeText(),
  pupilName: safeText().nullable(),
  state: TabStateSchema.nullable(),
  updateNeeded: z.boolean(),
  receivedAt: safeText(),
});
export type LiveTabs = z.infer<typeof LiveTabsSchema>;
