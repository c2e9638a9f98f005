import { Router, type Request } from 'express';
import {
  ConcernReportsQuerySchema,
  DigestSettingsSchema,
  NAMED_REPORTS,
  PupilFilterSchema,
  PupilKeySchema,
  ReportExportQuerySchema,
  ReportConcernBodySchema,
  ReportPeriodQuerySchema,
  type SchoolTermsResponse,
} from '@waymark/shared';
import type { AlertService } from '../alerts';
import type { ConcernService } from './concern-service';
import { digestLines } from './digest-lines';
import { digestHtml } from './digest-html';
import { addDays, type DefaultPeriod } from './report-period';
import type { ReportService } from './report-service';
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
  const router = Router();

  async function period(req: Request, schoolId: string, fallback: DefaultPeriod) {
    const query = parseBody(ReportPeriodQuerySchema, req.query);
    return { period: await reportService.period(schoolId, query, fallback), lang: query.lang ?? 'en' };
  }

  // The school's terms: the reports' "this term" is the school's own (estimated when it gave none).
  router.get(
    '/terms',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-reports');
      const body: SchoolTermsResponse = { terms: await reportService.terms(who.schoolId) };
      res.json(body);
    }),
  );

  router.get(
    '/digest',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-reports');
      const { period: p, lang } = await period(req, who.schoolId, 'last-week');
      const digest = await reportService.digest(who.schoolId, p.from, p.to);
      if (req.accepts(['html', 'json']) === 'html') {
        // A self-contained page: its own inline styles, nothing else.
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
        res.type('html').send(digestHtml(who.schoolName, digest, lang, { timeZone: p.timeZone }));
      } else res.json({ digest, lines: digestLines(digest, lang) });
    }),
  );

  // The weekly check: any line of a week's digest reported to the head teacher.
  router.post(
    '/concerns',
    handle(async (req, res) => {
      const who = requireCapability(req, 'report-concerns');
      const body = parseBody(ReportConcernBodySchema, req.body);
      res.status(201).json({ concern: await concernService.report(who, body) });
    }),
  );

  router.get(
    '/concerns',
    handle(async (req, res) => {
      const who = requireCapability(req, 'read-concern-reports');
      const { weekStart } = parseBody(ConcernReportsQuerySchema, req.query);
      res.json({ concerns: await concernService.list(who.schoolId, weekStart) });
    }),
  );

  // Whether the technician's copy of the digest names pupils: the DSL's choice.
  router.get(
    '/digest-settings',
    handle(async (req, res) => {
      const who = requireCapability(req, 'read-concern-reports');
      res.json({ settings: await concernService.settings(who.schoolId) });
    }),
  );

  router.put(
    '/digest-settings',
    handle(async (req, res) => {
      const who = requireCapability(req, 'see-pupil-names-in-reports');
      const settings = parseBody(DigestSettingsSchema, req.body);
      res.json({ settings: await concernService.setSettings(who.schoolId, settings) });
    }),
  );

  router.get(
    '/summary',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-reports');
      const { period: p } = await period(req, who.schoolId, 'last-4-weeks');
      res.json({ report: await reportService.summary(who, p) });
    }),
  );

  router.get(
    '/pupils',
    handle(async (req, res) => {
      const who = requireCapability(req, 'see-pupil-names-in-reports');
      const filter = parseBody(PupilFilterSchema, req.query);
      const { period: p } = await period(req, who.schoolId, 'last-4-weeks');
      res.json({ pupils: await reportService.byPupil(who.schoolId, p, filter) });
    }),
  );

  router.get(
    '/pupils/:key/events',
    handle(async (req, res) => {
      const who = requireCapability(req, 'see-pupil-names-in-reports');
      const key = parseBody(PupilKeySchema, req.params.key);
      const { period: p } = await period(req, who.schoolId, 'last-4-weeks');
      res.json(await reportService.pupilEvents(who, p, key));
    }),
  );

  router.get(
    '/export.csv',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-reports');
      const request = parseBody(ReportExportQuerySchema, req.query);
      if (NAMED_REPORTS.includes(request.report)) requireCapability(req, 'see-pupil-names-in-reports');
      const { period: p, lang } = await period(req, who.schoolId, 'last-4-weeks');
      const csv = await reportService.csv(who, p, request, lang);
      const lastDay = addDays(p.toDate, -1);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="waymark-${request.report}-${p.fromDate}-to-${lastDay}.csv"`,
      );
      res.type('text/csv; charset=utf-8').send(csv);
    }),
  );

  router.get(
    '/alerts',
    handle(async (req, res) => {
      const who = requireCapability(req, 'work-incident-log');
      res.json({ alerts: await alertService.recent(who.schoolId) });
    }),
  );

  return router;
}
