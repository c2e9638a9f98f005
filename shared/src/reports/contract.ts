import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { AlertSchema } from '../protocol/events';
import { SchoolTermSchema } from '../roster/school-terms';
import {
  ConcernReportSchema,
  ConcernReportsQuerySchema,
  DigestSettingsSchema,
  ReportConcernBodySchema,
} from './concern-report';
import {
  PupilEventsReportSchema,
  PupilFilterSchema,
  PupilReportRowSchema,
  ReportDigestSchema,
  ReportPeriodQuerySchema,
  ReportSummarySchema,
} from './report-model';

const DigestSettingsAnswer = z.object({ settings: DigestSettingsSchema });

/**
 * Reports: `/api/reports`. Aggregates for the DSL, technician and governors; anything that names a
 * pupil for the DSL only. Two addresses are not here: the CSV export (a file download) and the
 * digest as a page (`GET /api/reports/digest` asked for HTML); both are plain routes.
 */
export const reportsContract = {
  terms: endpoint({
    method: 'GET',
    path: '/api/reports/terms',
    response: z.object({ terms: z.array(SchoolTermSchema) }),
  }),
  /** The digest as JSON: its figures and its lines (the weekly check reports a line). */
  digest: endpoint({
    method: 'GET',
    path: '/api/reports/digest',
    query: ReportPeriodQuerySchema,
    response: z.object({ digest: ReportDigestSchema, lines: z.array(z.string()) }),
  }),
  reportConcern: endpoint({
    method: 'POST',
    path: '/api/reports/concerns',
    body: ReportConcernBodySchema,
    response: z.object({ concern: ConcernReportSchema }),
    status: 201,
  }),
  concerns: endpoint({
    method: 'GET',
    path: '/api/reports/concerns',
    query: ConcernReportsQuerySchema,
    response: z.object({ concerns: z.array(ConcernReportSchema) }),
  }),
  digestSettings: endpoint({
    method: 'GET',
    path: '/api/reports/digest-settings',
    response: DigestSettingsAnswer,
  }),
  saveDigestSettings: endpoint({
    method: 'PUT',
    path: '/api/reports/digest-settings',
    body: DigestSettingsSchema,
    response: DigestSettingsAnswer,
  }),
  summary: endpoint({
    method: 'GET',
    path: '/api/reports/summary',
    query: ReportPeriodQuerySchema,
    response: z.object({ report: ReportSummarySchema }),
  }),
  pupils: endpoint({
    method: 'GET',
    path: '/api/reports/pupils',
    query: z.intersection(PupilFilterSchema, ReportPeriodQuerySchema),
    response: z.object({ pupils: z.array(PupilReportRowSchema) }),
  }),
  pupilEvents: endpoint({
    method: 'GET',
    path: '/api/reports/pupils/:key/events',
    query: ReportPeriodQuerySchema,
    response: PupilEventsReportSchema,
  }),
  alerts: endpoint({
    method: 'GET',
    path: '/api/reports/alerts',
    response: z.object({ alerts: z.array(AlertSchema) }),
  }),
};
