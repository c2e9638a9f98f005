import { z } from 'zod';
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

/** A device came online or went offline (`presence` on the `/console` socket). */
export const DevicePresenceSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  classId: z.string().nullable(),
  user: z.string().nullable(),
  pupilName: z.string().nullable(),
  online: z.boolean(),
  at: z.string(),
});
export type DevicePresence = z.infer<typeof DevicePresenceSchema>;

export const RosterDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type RosterDevice = z.infer<typeof RosterDeviceSchema>;

/** The last page a pupil's device reported (a blocked page, a search, a request); hidden for illegal categories. */
export const LastPageSchema = z.object({
  eventId: z.string(),
  url: z.string().nullable(),
  urlHidden: z.boolean(),
  /** For searches: what was searched for. */
  query: z.string().nullable(),
  at: z.string(),
});
export type LastPage = z.infer<typeof LastPageSchema>;

/** One tile of the live class grid: a pupil of the class, or a device nobody is signed in to. */
export const RosterPupilSchema = z.object({
  /** `pupilKeyOf`: the pupil's e-mail, or `device:<id>`. */
  key: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  devices: z.array(RosterDeviceSchema),
  lastPage: LastPageSchema.nullable(),
  /** Blocked attempts since the lesson started (folded repeats counted), up to `asOf`. */
  blocked: z.number().int(),
  /** "I need help" from this pupil since the lesson started, up to `asOf`. */
  concerns: z.number().int(),
  /** Unblock requests since the lesson started that still wait for a decision (pending or with the DSL). */
  openRequests: z.array(z.object({ id: z.string(), status: RequestStatusSchema })),
});
export type RosterPupil = z.infer<typeof RosterPupilSchema>;

export const ATTENTION_LIMIT = 100;

/** `GET /api/classes/:classId/roster`: the class's pupils and devices, as of one moment. */
export const ClassRosterSchema = z.object({
  classId: z.string(),
  className: z.string(),
  profile: ProfileSchema,
  /** The counts include events the server received up to this moment; later ones arrive live. */
  asOf: z.string(),
  lesson: z.object({
    /** The timetable period's start; outside the timetable, an hour before `asOf`. */
    startsAt: z.string(),
    /** The period's end; null outside the timetable. */
    endsAt: z.string().nullable(),
    inTimetable: z.boolean(),
  }),
  pupils: z.array(RosterPupilSchema),
  /**
   * This lesson's concerns and undecided requests (newest first, at most ATTENTION_LIMIT), so they
   * are on screen and actionable after a reload even when many newer events have arrived.
   */
  attention: z.array(StoredEventSchema),
});
export type ClassRoster = z.infer<typeof ClassRosterSchema>;
