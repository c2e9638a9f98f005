export { reportRoutes } from './report-routes';
export { createReportService, type ReportService } from './report-service';
export { sendWeeklyDigests } from './weekly-digest';
export { createConcernService, type ConcernService } from './concern-service';
export { resolvePeriod, type ReportPeriod } from './report-period';
export { summaryReport } from './report-summary';
