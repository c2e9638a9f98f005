import { z } from 'zod';
import { calendarDate } from '../time/calendar-date';
import { safeText } from '../text/safe-text';
import { IncidentStatusSchema } from '../incidents/model';
import { SeveritySchema } from './events';

/**
 * A trust (multi-academy trust or local authority) runs several schools on one deployment. Its
 * trust-level staff see across the schools of their own trust, `/api/trust/*`.
 */
/** A school year and a bit: enough for the annual report to trustees. */
const MAX_TRUST_PERIOD_DAYS = 400;

export const TrustPeriodQuerySchema = z
  .object({
    from: calendarDate().optional(),
    to: calendarDate().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: '"from" must be before "to"' })
  .refine(
    (q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_TRUST_PERIOD_DAYS * 86_400_000,
    {
      message: `a trust report covers at most ${MAX_TRUST_PERIOD_DAYS} days`,
    },
  );
export type TrustPeriodQuery = z.infer<typeof TrustPeriodQuerySchema>;

export const TrustIncidentsQuerySchema = z.object({
  school: safeText().min(1).max(200).optional(),
  status: IncidentStatusSchema.optional(),
});
export type TrustIncidentsQuery = z.infer<typeof TrustIncidentsQuerySchema>;

export const TrustSchoolSchema = z.object({ id: safeText(), name: safeText() });
export type TrustSchool = z.infer<typeof TrustSchoolSchema>;

/** One school's counts for a period: what its governors see in its digest, side by side with the others. */
export const TrustSchoolSummarySchema = TrustSchoolSchema.extend({
  blocked: z.number().int(),
  flaggedSearches: z.number().int(),
  concerns: z.number().int(),
  tamper: z.number().int(),
  alerts: z.number().int(),
  incidentsOpened: z.number().int(),
  /** Incidents not closed now, whenever they were raised. */
  incidentsOpenNow: z.number().int(),
  devices: z.number().int(),
  devicesOnline: z.number().int(),
});
export type TrustSchoolSummary = z.infer<typeof TrustSchoolSummarySchema>;

export const TrustOverviewSchema = z.object({
  trust: z.object({ id: safeText(), name: safeText() }),
  from: safeText(),
  to: safeText(),
  schools: z.array(TrustSchoolSummarySchema),
});
export type TrustOverview = z.infer<typeof TrustOverviewSchema>;

/** An incident as the trust safeguarding lead oversees it: no names, no description, no evidence. */
export const TrustIncidentSchema = z.object({
  id: safeText(),
  schoolId: safeText(),
  schoolName: safeText(),
  reference: safeText(),
  subject: z.enum(['pupil', 'staff']),
  category: safeText(),
  severity: SeveritySchema,
  status: IncidentStatusSchema,
  illegal: z.boolean(),
  ownerName: safeText().nullable(),
  followUpDate: safeText().nullable(),
  createdAt: safeText(),
});
export type TrustIncident = z.infer<typeof TrustIncidentSchema>;
