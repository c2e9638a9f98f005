import { z } from 'zod';
import { calendarDate } from '../time/calendar-date';
import { safeText } from '../text/safe-text';

/**
 * "The reports are checked weekly by the IT technician and any cause for concern is reported to
 * the headteacher": one line of a week's digest, reported to the school's senior leaders.
 */
export const ReportConcernBodySchema = z
  .object({
    /** The Monday the digest's week begins, in the school's dates. */
    weekStart: calendarDate().refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, {
      message: 'must be the Monday the digest’s week begins',
    }),
    /** The digest line as the reporter saw it. */
    line: safeText().trim().min(1, 'choose the line of the digest that worries you').max(500),
    note: safeText().trim().max(2000).optional(),
  })
  .strict();
export type ReportConcernBody = z.infer<typeof ReportConcernBodySchema>;

export const ConcernReportsQuerySchema = z.object({ weekStart: calendarDate().optional() }).strict();

export const ConcernReportSchema = z.object({
  id: safeText(),
  /** The ISO week of the digest, e.g. 2026-W49. */
  week: safeText(),
  weekStart: safeText(),
  line: safeText(),
  note: safeText().nullable(),
  reportedByName: safeText(),
  reportedTo: z.array(z.object({ name: safeText(), email: safeText() })),
  createdAt: safeText(),
});
export type ConcernReport = z.infer<typeof ConcernReportSchema>;

/** The DSL's choice: whether the technician's copy of the weekly digest names pupils. */
export const DigestSettingsSchema = z.object({ technicianDigestNamesPupils: z.boolean() }).strict();
export type DigestSettings = z.infer<typeof DigestSettingsSchema>;
