import { z } from 'zod';
import { calendarDate } from '../time/calendar-date';
import { safeText } from '../text/safe-text';
import { ProfileSchema } from '../policy/categories';
import { StartOverrideBodySchema } from './api';

/** The kinds of teaching group: a primary class, a form or year group, a set taught in lessons. */
export const GroupKindSchema = z.enum(['class', 'form', 'teaching']);
export type GroupKind = z.infer<typeof GroupKindSchema>;

/** `POST /api/classes/:classId/session`: a lesson a teacher starts for a group, beating the timetable. */
export const StartSessionBodySchema = z.object({
  /** Minutes from now; default: the end of the group's timetabled lesson, else 60. */
  minutes: z.number().int().min(5).max(240).optional(),
  /**
   * Calls off the group's sessions planned to start before this one ends. Without it, such an
   * overlap is refused (409, naming the planned session), so a plan is never lost by accident.
   */
  replace: z.boolean().optional(),
});
export type StartSessionBody = z.infer<typeof StartSessionBodySchema>;

/** The longest session a teacher may schedule ahead: a school day. */
export const MAX_SCHEDULED_SESSION_MINUTES = 8 * 60;

/**
 * `POST /api/classes/:classId/session/scheduled`: a session a teacher plans ahead for a group; it
 * starts and ends by itself. The server checks it is not in the past, by its own clock.
 */
export const ScheduleSessionBodySchema = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    /** Sites opened for the session, or the only ones it may use (focus). */
    sites: StartOverrideBodySchema.pick({ kind: true, sites: true }).optional(),
  })
  .refine((b) => Date.parse(b.startsAt) < Date.parse(b.endsAt), {
    message: 'a session must end after it starts',
    path: ['endsAt'],
  })
  .refine((b) => Date.parse(b.endsAt) - Date.parse(b.startsAt) <= MAX_SCHEDULED_SESSION_MINUTES * 60_000, {
    message: 'a session is at most a school day long (8 hours)',
    path: ['endsAt'],
  });
export type ScheduleSessionBody = z.infer<typeof ScheduleSessionBodySchema>;

/** A lesson a teacher started for a group (`GET /api/classes/:classId/session`). */
export const RunningSessionSchema = z.object({
  id: safeText(),
  classId: safeText(),
  startedBy: safeText(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
export type RunningSession = z.infer<typeof RunningSessionSchema>;

/** A session as the console lists it. */
export const ScheduledSessionSchema = RunningSessionSchema.extend({
  sites: z.object({ kind: z.enum(['open', 'focus']), sites: z.array(safeText()) }).nullable(),
});
export type ScheduledSession = z.infer<typeof ScheduledSessionSchema>;

/** `PATCH /api/classes/:classId/group`: the profile the group's pupils enforce in its lessons. */
export const GroupPatchBodySchema = z.object({ profileOverride: ProfileSchema.nullable() });

const CalendarEntrySchema = z
  .object({
    kind: z.enum(['term', 'holiday']),
    name: safeText().trim().min(1).max(200),
    startsOn: calendarDate(),
    endsOn: calendarDate(),
  })
  .refine((e) => e.startsOn <= e.endsOn, { message: 'endsOn is before startsOn' });

/** `PUT /api/roster/calendar`: the school's terms and holidays, and its timetable's weeks. */
export const SchoolCalendarBodySchema = z.object({
  entries: z.array(CalendarEntrySchema).max(200),
  timetableWeeks: z.union([z.literal(1), z.literal(2)]),
  /** A Monday of week 1 (A); needed for a two-week timetable. */
  timetableWeekOne: calendarDate().nullable(),
});
export type SchoolCalendarBody = z.infer<typeof SchoolCalendarBodySchema>;

const MAX_IMPORT_CHARS = 40_000_000;

/**
 * `POST /api/roster/oneroster/preview` and `/apply`: a OneRoster 1.1 or 1.2 CSV bundle, as the
 * ZIP (base64) or as its files by name (`users.csv`, …).
 */
export const OneRosterImportBodySchema = z
  .object({
    zipBase64: z.string().max(MAX_IMPORT_CHARS).optional(),
    files: z.record(z.string().max(100), z.string().max(MAX_IMPORT_CHARS)).optional(),
  })
  .refine((b) => (b.zipBase64 === undefined) !== (b.files === undefined), {
    message: 'send either zipBase64 or files',
  });
export type OneRosterImportBody = z.infer<typeof OneRosterImportBodySchema>;

/** `POST /api/roster/timetable/preview` and `/apply`: the timetable CSV (columns in the README). */
export const TimetableImportBodySchema = z.object({ csv: z.string().min(1).max(MAX_IMPORT_CHARS) });

export const ImportErrorSchema = z.object({ file: z.string(), line: z.number().int(), error: z.string() });
export type ImportError = z.infer<typeof ImportErrorSchema>;

/** What an import would change (preview), or changed (apply). Names are samples, at most 50 each. */
export const RosterChangesSchema = z.object({
  kind: z.enum(['oneroster', 'timetable']),
  version: z.string().nullable(),
  org: z.object({ sourcedId: z.string(), name: z.string() }).nullable(),
  counts: z.object({
    pupilsAdded: z.number().int(),
    pupilsMoved: z.number().int(),
    pupilsLeaving: z.number().int(),
    pupilsUnchanged: z.number().int(),
    groupsAdded: z.number().int(),
    groupsEnded: z.number().int(),
    teachersAdded: z.number().int(),
    enrollments: z.number().int(),
    terms: z.number().int(),
    lessons: z.number().int(),
  }),
  samples: z.object({
    pupilsAdded: z.array(z.string()),
    pupilsMoved: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
    pupilsLeaving: z.array(z.string()),
    groupsAdded: z.array(z.string()),
    groupsEnded: z.array(z.string()),
  }),
  /** Nothing was (or will be) applied while any is listed. */
  errors: z.array(ImportErrorSchema),
  applied: z.boolean(),
});
export type RosterChanges = z.infer<typeof RosterChangesSchema>;

/** A pupil of a group who is in another lesson now, and why (the console says so). */
export const ElsewherePupilSchema = z.object({
  name: safeText(),
  email: safeText(),
  className: safeText(),
  source: z.enum(['session', 'timetable']),
});
export type ElsewherePupil = z.infer<typeof ElsewherePupilSchema>;

/** `GET /api/reports/terms`: the school's terms, for the reports' "this term" (none: estimated). */
export interface SchoolTermsResponse {
  terms: Array<{ name: string; startsOn: string; endsOn: string }>;
}
