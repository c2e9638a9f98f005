import { z } from 'zod';
import { calendarDate } from '../time/calendar-date';
import { safeText } from '../text/safe-text';
import { CategorySchema, ProfileSchema } from '../policy/categories';

/** A report covers at most this many days: a school year with room to spare. */
export const MAX_REPORT_DAYS = 400;

const REPORT_LANGUAGES = ['en', 'cy'] as const;
export const ReportLanguageSchema = z.enum(REPORT_LANGUAGES);
export type ReportLanguage = z.infer<typeof ReportLanguageSchema>;

/** Blocked attempts with no category: not on an allow-list, or on no category list. */
export const UNCATEGORISED = 'uncategorised';

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/**
 * A report's period in the school's own dates (its time zone): `from` is the first day, `to` the
 * day after the last (so one week is Monday to the next Monday). Either may be left out; the
 * route picks a default.
 */
export const ReportPeriodQuerySchema = z
  .object({
    from: calendarDate().optional(),
    to: calendarDate().optional(),
    lang: ReportLanguageSchema.optional(),
  })
  .refine((p) => !p.from || !p.to || p.from < p.to, {
    message: '"from" must be before "to" (to is the day after the last day of the period)',
  })
  .refine((p) => !p.from || !p.to || dayNumber(p.to) - dayNumber(p.from) <= MAX_REPORT_DAYS, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
  });

/** A blocked attempt's category, or `uncategorised`. */
const ReportCategorySchema = z.union([CategorySchema, z.literal(UNCATEGORISED)]);

/** Narrows the DSL's pupils report to the pupils behind one bar of a chart. */
export const PupilFilterSchema = z.object({
  category: ReportCategorySchema.optional(),
  profile: ProfileSchema.optional(),
  classId: safeText().min(1).max(100).optional(),
});
export type PupilFilter = z.infer<typeof PupilFilterSchema>;

/** A pupil in the reports: their school e-mail, or `device:<id>` when no one was signed in. */
export const PupilKeySchema = z.union([
  z.email().max(320),
  safeText().regex(/^device:[\w-]{1,100}$/, 'a pupil is an e-mail address or device:<id>'),
]);

/** Reports that can be downloaded as CSV (`GET /api/reports/export.csv?report=…`). */
const REPORT_NAMES = [
  'blocked-by-category',
  'blocked-by-key-stage',
  'blocked-by-class',
  'top-blocked-sites',
  'flagged-searches',
  'incidents-by-category',
  'incidents-by-action',
  'incidents-by-status',
  'incidents-by-outcome',
  'pupils',
  'pupil-events',
] as const;
export const ReportNameSchema = z.enum(REPORT_NAMES);
export type ReportName = z.infer<typeof ReportNameSchema>;

/** Reports that can name pupils (outcomes are free text written about them): the DSL's only. */
export const NAMED_REPORTS: readonly ReportName[] = ['incidents-by-outcome', 'pupils', 'pupil-events'];

export const ReportExportQuerySchema = z
  .object({ report: ReportNameSchema, pupil: PupilKeySchema.optional() })
  .extend(PupilFilterSchema.shape)
  .refine((q) => q.report !== 'pupil-events' || q.pupil !== undefined, {
    message: 'say which pupil (pupil=<e-mail or device:id>)',
  });

/** One line of a chart over time: a count for each bucket of `ReportSummary.buckets`. */
export const ReportSeriesSchema = z.object({
  /** A category (or `uncategorised`), a key stage, or a class id ('' for no class). */
  key: safeText(),
  /** The class's name, for classes; null otherwise. */
  label: safeText().nullable(),
  counts: z.array(z.number().int()),
  total: z.number().int(),
});
export type ReportSeries = z.infer<typeof ReportSeriesSchema>;

export const ReportCountSchema = z.object({ key: safeText(), count: z.number().int() });
export type ReportCount = z.infer<typeof ReportCountSchema>;

/** Everything on the reports screen for a period: aggregates only, never a pupil's name. */
export const ReportSummarySchema = z.object({
  /** The period as instants (the school's midnights). */
  from: safeText(),
  to: safeText(),
  /** The period as the school's dates (`to` is the day after the last). */
  fromDate: safeText(),
  toDate: safeText(),
  timeZone: safeText(),
  granularity: z.enum(['day', 'week']),
  /** First day of each bucket (a Monday for weeks), in the school's dates. */
  buckets: z.array(safeText()),
  totals: z.object({
    blocked: z.number().int(),
    flaggedSearches: z.number().int(),
    concerns: z.number().int(),
    unblockRequests: z.number().int(),
    tamper: z.number().int(),
    incidents: z.number().int(),
  }),
  blockedOverTime: z.object({
    byCategory: z.array(ReportSeriesSchema),
    byKeyStage: z.array(ReportSeriesSchema),
    byClass: z.array(ReportSeriesSchema),
  }),
  /** Illegal-category addresses are never listed, not even as a host. */
  topBlockedSites: z.array(
    z.object({ host: safeText(), count: z.number().int(), category: safeText().nullable() }),
  ),
  flaggedSearchesByCategory: z.array(ReportCountSchema),
  incidents: z.object({
    byCategory: z.array(ReportCountSchema),
    byAction: z.array(ReportCountSchema),
    byStatus: z.array(ReportCountSchema),
    /** Outcomes as the DSL wrote them; null for viewers who may not see pupil names. */
    byOutcome: z.array(ReportCountSchema).nullable(),
  }),
  /** Whether this viewer may see pupil names (the drill-down, outcomes). */
  pupilNames: z.boolean(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

/** A row of the DSL's pupils report. */
export const PupilReportRowSchema = z.object({
  key: safeText(),
  /** The pupil's name, else their e-mail; null when no one was signed in on the device. */
  pupil: safeText().nullable(),
  email: safeText().nullable(),
  deviceName: safeText().nullable(),
  className: safeText().nullable(),
  blocked: z.number().int(),
  flaggedSearches: z.number().int(),
  concerns: z.number().int(),
});
export type PupilReportRow = z.infer<typeof PupilReportRowSchema>;

/** One event in a pupil's drill-down. */
export const PupilEventRowSchema = z.object({
  id: safeText(),
  occurredAt: safeText(),
  kind: safeText(),
  severity: safeText(),
  url: safeText().nullable(),
  urlHidden: z.boolean(),
  category: safeText().nullable(),
  /** Search query, request reason, concern message or tamper detail. */
  text: safeText().nullable(),
  flags: z.array(safeText()),
  className: safeText().nullable(),
  deviceName: safeText(),
});
export type PupilEventRow = z.infer<typeof PupilEventRowSchema>;

const PupilIncidentRowSchema = z.object({
  id: safeText(),
  reference: safeText(),
  category: safeText(),
  status: safeText(),
  createdAt: safeText(),
});

export const PupilEventsReportSchema = z.object({
  key: safeText(),
  pupil: safeText().nullable(),
  events: z.array(PupilEventRowSchema),
  incidents: z.array(PupilIncidentRowSchema),
  /** More events happened than are listed. */
  truncated: z.boolean(),
});
export type PupilEventsReport = z.infer<typeof PupilEventsReportSchema>;

/** The weekly digest's figures for a period (`GET /api/reports/digest`, as JSON). */
export const ReportDigestSchema = z.object({
  from: safeText(),
  to: safeText(),
  blockedByCategory: z.array(z.object({ category: safeText(), count: z.number().int() })),
  topBlockedSites: z.array(z.object({ host: safeText(), count: z.number().int() })),
  flaggedSearchesByCategory: z.array(z.object({ category: safeText(), count: z.number().int() })),
  concerns: z.number().int(),
  tamper: z.number().int(),
  alerts: z.number().int(),
  incidentsOpened: z.number().int(),
  incidentsClosed: z.number().int(),
});
export type ReportDigest = z.infer<typeof ReportDigestSchema>;
