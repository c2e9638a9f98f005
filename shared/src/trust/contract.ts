import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { safeText } from '../text/safe-text';
import { AlertSchema } from '../protocol/events';
import {
  TrustIncidentSchema,
  TrustIncidentsQuerySchema,
  TrustOverviewSchema,
  TrustPeriodQuerySchema,
  TrustSchoolSchema,
} from '../protocol/trust';

/** An alert of one of the trust's schools, for the trust safeguarding lead. */
export const TrustAlertSchema = AlertSchema.extend({ schoolName: safeText() });
export type TrustAlert = z.infer<typeof TrustAlertSchema>;

/** One pupil's counts in one school of the trust, for a period. */
export const TrustPupilRowSchema = z.object({
  pupil: safeText(),
  className: safeText().nullable(),
  blocked: z.number().int(),
  flaggedSearches: z.number().int(),
  concerns: z.number().int(),
});
export type TrustPupilRow = z.infer<typeof TrustPupilRowSchema>;

const TrustSummarySchema = z.object({ id: safeText(), name: safeText() });

/** Trust-level staff: the schools of their own trust, side by side: `/api/trust`. */
export const trustContract = {
  schools: endpoint({
    method: 'GET',
    path: '/api/trust',
    response: z.object({ trust: TrustSummarySchema, schools: z.array(TrustSchoolSchema) }),
  }),
  overview: endpoint({
    method: 'GET',
    path: '/api/trust/overview',
    query: TrustPeriodQuerySchema,
    response: TrustOverviewSchema,
  }),
  incidents: endpoint({
    method: 'GET',
    path: '/api/trust/incidents',
    query: TrustIncidentsQuerySchema,
    response: z.object({ incidents: z.array(TrustIncidentSchema) }),
  }),
  alerts: endpoint({
    method: 'GET',
    path: '/api/trust/alerts',
    response: z.object({ alerts: z.array(TrustAlertSchema) }),
  }),
  pupils: endpoint({
    method: 'GET',
    path: '/api/trust/schools/:schoolId/pupils',
    query: TrustPeriodQuerySchema,
    response: z.object({
      school: TrustSchoolSchema,
      from: safeText(),
      to: safeText(),
      pupils: z.array(TrustPupilRowSchema),
    }),
  }),
};
