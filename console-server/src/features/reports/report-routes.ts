import type { Request, Response } from 'express';
import {
  NAMED_REPORTS,
  PupilKeySchema,
  ReportExportQuerySchema,
  ReportPeriodQuerySchema,
  reportsContract,
  type ReportLanguage,
} from '@waymark/shared';
import type { AlertService } from '../alerts';
import type { ConcernService } from './concern-service';
import { digestLines } from './digest-lines';
import { digestHtml } from './digest-html';
import { addDays, type DefaultPeriod } from './report-period';
import type { ReportService } from './report-service';
import { contractRouter } from '../../http/contract-route';
import { handle, parseBody, requireCapability } from '../../http/middleware';

/**
 * Reports: `/api/reports`. Aggregates for the DSL, technician and governors; anything that names a
 * pupil (the pupils report, a pupil's events, incident outcomes) for the DSL only.
 */
export function reportRoutes({
  reportService,
  alertService,
  concernService,
}: {
  reportService: ReportService;
  alertService: AlertService;
  concernService: ConcernService;
}) {
  const { router, route } = contractRouter('/api/reports');

  async function period(
    query: { from?: string; to?: string; lang?: ReportLanguage },
    schoolId: string,
    fallback: DefaultPeriod,
  ) {
    return { period: await reportService.period(schoolId, query, fallback), lang: query.lang ?? 'en' };
  }

  // The school's terms: the reports' "this term" is the school's own (estimated when it gave none).
  route(reportsContract.terms, 'view-reports', async ({ who }) => ({
    terms: await reportService.terms(who.schoolId),
  }));

  // The digest asked for as a page (a link opened in the browser): a self-contained document, so a
  // plain route ahead of the contract's JSON answer to the same address.
  router.get(
    '/digest',
    (req, res, next) => (req.accepts(['html', 'json']) === 'html' ? next() : next('route')),
    handle(async (req: Request, res: Response) => {
      const who = requireCapability(req, 'view-reports');
      const { period: p, lang } = await period(
        parseBody(ReportPeriodQuerySchema, req.query),
        who.schoolId,
        'last-week',
      );
      const digest = await reportService.digest(who.schoolId, p.from, p.to);
      // Its own inline styles, nothing else.
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.type('html').send(digestHtml(who.schoolName, digest, lang, { timeZone: p.timeZone }));
    }),
  );

  route(reportsContract.digest, 'view-reports', async ({ who, query }) => {
    const { period: p, lang } = await period(query, who.schoolId, 'last-week');
    const digest = await reportService.digest(who.schoolId, p.from, p.to);
    return { digest, lines: digestLines(digest, lang) };
  });

  // The weekly check: any line of a week's digest reported to the head teacher.
  route(reportsContract.reportConcern, 'report-concerns', async ({ who, body }) => ({
    concern: await concernService.report(who, body),
  }));

  route(reportsContract.concerns, 'read-concern-reports', async ({ who, query }) => ({
    concerns: await concernService.list(who.schoolId, query.weekStart),
  }));

  // Whether the technician's copy of the digest names pupils: the DSL's choice.
  route(reportsContract.digestSettings, 'read-concern-reports', async ({ who }) => ({
    settings: await concernService.settings(who.schoolId),
  }));

  route(reportsContract.saveDigestSettings, 'see-pupil-names-in-reports', async ({ who, body }) => ({
    settings: await concernService.setSettings(who.schoolId, body),
  }));

  route(reportsContract.summary, 'view-reports', async ({ who, query }) => {
    const { period: p } = await period(query, who.schoolId, 'last-4-weeks');
    return { report: await reportService.summary(who, p) };
  });

  route(reportsContract.pupils, 'see-pupil-names-in-reports', async ({ who, query }) => {
    const { category, profile, classId } = query;
    const { period: p } = await period(query, who.schoolId, 'last-4-weeks');
    return { pupils: await reportService.byPupil(who.schoolId, p, { category, profile, classId }) };
  });

  route(reportsContract.pupilEvents, 'see-pupil-names-in-reports', async ({ who, params, query }) => {
    const key = parseBody(PupilKeySchema, params.key);
    const { period: p } = await period(query, who.schoolId, 'last-4-weeks');
    return reportService.pupilEvents(who, p, key);
  });

  // A file download: a plain route.
  router.get(
    '/export.csv',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-reports');
      const request = parseBody(ReportExportQuerySchema, req.query);
      if (NAMED_REPORTS.includes(request.report)) requireCapability(req, 'see-pupil-names-in-reports');
      const { period: p, lang } = await period(
        parseBody(ReportPeriodQuerySchema, req.query),
        who.schoolId,
        'last-4-weeks',
      );
      const csv = await reportService.csv(who, p, request, lang);
      const lastDay = addDays(p.toDate, -1);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="waymark-${request.report}-${p.fromDate}-to-${lastDay}.csv"`,
      );
      res.type('text/csv; charset=utf-8').send(csv);
    }),
  );

  route(reportsContract.alerts, 'work-incident-log', async ({ who }) => ({
    alerts: await alertService.recent(who.schoolId),
  }));

  return router;
}
