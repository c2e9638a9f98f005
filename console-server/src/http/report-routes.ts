import { Router } from 'express';
import { z } from 'zod';
import type { AlertService } from '../alerts/alert-service';
import { digestHtml } from '../reports/digest-html';
import type { ReportService } from '../reports/report-service';
import { weekOf } from '../reports/weekly-digest';
import { handle, parseBody, requireCapability } from './middleware';

const PeriodSchema = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

/** Reports for the DSL, technician and governors: `/api/reports` (aggregates, no pupil names). */
export function reportRoutes({
  reportService,
  alertService,
}: {
  reportService: ReportService;
  alertService: AlertService;
}) {
  const router = Router();

  function period(query: unknown) {
    const { from, to } = parseBody(PeriodSchema, query);
    const thisWeek = weekOf(new Date()).start;
    return {
      from: from ? new Date(`${from}T00:00:00Z`) : new Date(thisWeek.getTime() - 7 * 86_400_000),
      to: to ? new Date(`${to}T00:00:00Z`) : thisWeek,
    };
  }

  router.get(
    '/digest',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-reports');
      const { from, to } = period(req.query);
      const digest = await reportService.digest(who.schoolId, from, to);
      if (req.accepts(['html', 'json']) === 'html') {
        // A self-contained page: its own inline styles, nothing else.
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
        res.type('html').send(digestHtml(who.schoolName, digest));
      } else res.json({ digest });
    }),
  );

  router.get(
    '/pupils',
    handle(async (req, res) => {
      const who = requireCapability(req, 'see-pupil-names-in-reports');
      const { from, to } = period(req.query);
      res.json({ pupils: await reportService.byPupil(who.schoolId, from, to) });
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
