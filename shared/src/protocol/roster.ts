import { z } from 'zod';
import { calendarDate } from '../time/calendar-date';
import { safeText } from '../text/safe-text';
import { ProfileSchema } from '../policy/categories';

/** The kinds of teaching group: a primary class, a form or year group, a set taught in lessons. */
export const GroupKindSchema = z.enum(['class', 'form', 'teaching']);
export type GroupKind = z.infer<typeof GroupKindSchema>;

/** `POST /api/classes/:classId/session`: a lesson a teacher starts for a group, beating the timetable. */
export const StartSessionBodySchema = z.object({
  /** Minutes from now; default: the end of the group's timetabled lesson, else 60. */
  minutes: z.number().int().min(5).max(240).optional(),
});
export type StartSessionBody = z.infer<typeof StartSessionBodySchema>;

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
