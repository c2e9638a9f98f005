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
export interface ReportSeries {
  /** A category (or `uncategorised`), a key stage, or a class id ('' for no class). */
  key: string;
  /** The class's name, for classes; null otherwise. */
  label: string | null;
  counts: number[];
  total: number;
}

export interface ReportCount {
  key: string;
  count: number;
}

/** Everything on the reports screen for a period: aggregates only, never a pupil's name. */
export interface ReportSummary {
  /** The period as instants (the school's midnights). */
  from: string;
  to: string;
  /** The period as the school's dates (`to` is the day after the last). */
  fromDate: string;
  toDate: string;
  timeZone: string;
  granularity: 'day' | 'week';
  /** First day of each bucket (a Monday for weeks), in the school's dates. */
  buckets: string[];
  totals: {
    blocked: number;
    flaggedSearches: number;
    concerns: number;
    unblockRequests: number;
    tamper: number;
    incidents: number;
  };
  blockedOverTime: { byCategory: ReportSeries[]; byKeyStage: ReportSeries[]; byClass: ReportSeries[] };
  /** Illegal-category addresses are never listed, not even as a host. */
  topBlockedSites: Array<{ host: string; count: number; category: string | null }>;
  flaggedSearchesByCategory: ReportCount[];
  incidents: {
    byCategory: ReportCount[];
    byAction: ReportCount[];
    byStatus: ReportCount[];
    /** Outcomes as the DSL wrote them; null for viewers who may not see pupil names. */
    byOutcome: ReportCount[] | null;
  };
  /** Whether this viewer may see pupil names (the drill-down, outcomes). */
  pupilNames: boolean;
}

/** A row of the DSL's pupils report. */
export interface PupilReportRow {
  key: string;
  /** The pupil's name, else their e-mail; null when no one was signed in on the device. */
  pupil: string | null;
  email: string | null;
  deviceName: string | null;
  className: string | null;
  blocked: number;
  flaggedSearches: number;
  concerns: number;
}

/** One event in a pupil's drill-down. */
export interface PupilEventRow {
  id: string;
  occurredAt: string;
  kind: string;
  severity: string;
  url: string | null;
  urlHidden: boolean;
  category: string | null;
  /** Search query, request reason, concern message or tamper detail. */
  text: string | null;
  flags: string[];
  className: string | null;
  deviceName: string;
}

interface PupilIncidentRow {
  id: string;
  reference: string;
  category: string;
  status: string;
  createdAt: string;
}

export interface PupilEventsReport {
  key: string;
  pupil: string | null;
  events: PupilEventRow[];
  incidents: PupilIncidentRow[];
  /** More events happened than are listed. */
  truncated: boolean;
}
