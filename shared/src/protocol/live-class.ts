import { z } from 'zod';
import { ElsewherePupilSchema } from './roster';
import { safeText } from '../text/safe-text';
import { ProfileSchema } from '../policy/categories';
import { StoredEventSchema } from './events';
import { RequestStatusSchema } from './socket';

/**
 * Who an event or device stands for on the live class grid: the pupil's school e-mail when a
 * pupil is signed in to the browser, else the device itself (a shared Chromebook, say).
 */
export function pupilKeyOf(thing: { user: string | null; deviceId: string }): string {
  return thing.user ?? `device:${thing.deviceId}`;
}

/** A grid tile's pupil: its key, the name it shows (the pupil's, else their e-mail, else the device's) and e-mail. */
export function gridPupilOf(thing: {
  user: string | null;
  deviceId: string;
  deviceName: string;
  pupilName: string | null;
}): { key: string; name: string; email: string | null } {
  return {
    key: pupilKeyOf(thing),
    name: thing.pupilName ?? thing.user ?? thing.deviceName,
    email: thing.user,
  };
}

/** A device came online or went offline (`presence` on the `/console` socket). */
export const DevicePresenceSchema = z.object({
  deviceId: safeText(),
  deviceName: safeText(),
  classId: safeText().nullable(),
  user: safeText().nullable(),
  pupilName: safeText().nullable(),
  online: z.boolean(),
  at: safeText(),
});
export type DevicePresence = z.infer<typeof DevicePresenceSchema>;

export const RosterDeviceSchema = z.object({
  id: safeText(),
  name: safeText(),
  online: z.boolean(),
  lastSeenAt: safeText().nullable(),
});
export type RosterDevice = z.infer<typeof RosterDeviceSchema>;

/** The last page a pupil's device reported (a blocked page, a search, a request); hidden for illegal categories. */
export const LastPageSchema = z.object({
  eventId: safeText(),
  url: safeText().nullable(),
  urlHidden: z.boolean(),
  /** For searches: what was searched for. */
  query: safeText().nullable(),
  at: safeText(),
});
export type LastPage = z.infer<typeof LastPageSchema>;

/** One tile of the live class grid: a pupil of the class, or a device nobody is signed in to. */
export const RosterPupilSchema = z.object({
  /** `pupilKeyOf`: the pupil's e-mail, or `device:<id>`. */
  key: safeText(),
  name: safeText(),
  email: safeText().nullable(),
  devices: z.array(RosterDeviceSchema),
  lastPage: LastPageSchema.nullable(),
  /** Blocked attempts since the lesson started (folded repeats counted), up to `asOf`. */
  blocked: z.number().int(),
  /** "I need help" from this pupil since the lesson started, up to `asOf`. */
  concerns: z.number().int(),
  /** Unblock requests since the lesson started that still wait for a decision (pending or with the DSL). */
  openRequests: z.array(z.object({ id: safeText(), status: RequestStatusSchema })),
});
export type RosterPupil = z.infer<typeof RosterPupilSchema>;

export const ATTENTION_LIMIT = 100;

/** `GET /api/classes/:classId/roster`: the class's pupils and devices, as of one moment. */
export const ClassRosterSchema = z.object({
  classId: safeText(),
  className: safeText(),
  profile: ProfileSchema,
  /** The counts include events the server received up to this moment; later ones arrive live. */
  asOf: safeText(),
  lesson: z.object({
    /** The timetable period's start; outside the timetable, an hour before `asOf`. */
    startsAt: safeText(),
    /** The period's end; null outside the timetable. */
    endsAt: safeText().nullable(),
    inTimetable: z.boolean(),
    /**
     * What puts the group in a lesson now: a session a teacher started (it beats the timetable),
     * the timetable, or neither (the group's pupils at home in it are shown).
     */
    source: z.enum(['session', 'timetable', 'none']).optional(),
    room: safeText().nullable().optional(),
    period: safeText().nullable().optional(),
  }),
  /**
   * Whether pupils' live tabs are shown now: `outside-lessons` when the school shows them only in
   * the class's timetabled lessons and sessions and the class has none now (devices are not asked).
   */
  tabState: z.enum(['shown', 'outside-lessons']).optional(),
  /**
   * Whether a teacher may show pupils' screens now: `off` when the school has screen thumbnails
   * off (the console does not offer them), `outside-lessons` when the class has no timetabled
   * lesson or session now. The server checks again when a console asks.
   */
  screens: z.enum(['available', 'off', 'outside-lessons']).optional(),
  pupils: z.array(RosterPupilSchema),
  /** The group's pupils in another lesson now (a session elsewhere, a clash): not in this one. */
  elsewhere: z.array(ElsewherePupilSchema).optional(),
  /**
   * This lesson's concerns and undecided requests (newest first, at most ATTENTION_LIMIT), so they
   * are on screen and actionable after a reload even when many newer events have arrived.
   */
  attention: z.array(StoredEventSchema),
});
export type ClassRoster = z.infer<typeof ClassRosterSchema>;

/** `GET /api/live-settings`: when teachers may see pupils' live tabs and screens. */
export const LiveClassSettingsSchema = z.object({
  /** True: only in the class's timetabled lessons and sessions; false: at any time. */
  tabsInLessonsOnly: z.boolean(),
  /** Thumbnails of pupils' screens, in lessons, when a teacher asks (off by default). */
  screenThumbnails: z.boolean(),
});
export type LiveClassSettings = z.infer<typeof LiveClassSettingsSchema>;

/** `PUT /api/live-settings`: a change-control entry, so it carries a reason. */
export const LiveClassSettingsBodySchema = LiveClassSettingsSchema.partial()
  .extend({ reason: safeText().trim().min(5, 'say why (it goes in the change-control log)').max(2000) })
  .strict();
export type LiveClassSettingsBody = z.infer<typeof LiveClassSettingsBodySchema>;
