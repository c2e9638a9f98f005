import { Router } from 'express';
import { TrustIncidentsQuerySchema, TrustPeriodQuerySchema } from '@waymark/shared';
import type { TrustService } from './trust-service';
import { handle, parseBody, requireCapability } from '../../http/middleware';

/** Trust-level staff: the schools of their own trust, side by side (`/api/trust`). */
export function trustRoutes({ trustService }: { trustService: TrustService }) {
  const router = Router();

  router.get(
    '/',
    handle(async (req, res) => {
      res.json(await trustService.schools(requireCapability(req, 'view-trust-reports')));
    }),
  );

  router.get(
    '/overview',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-trust-reports');
      res.json(await trustService.overview(who, parseBody(TrustPeriodQuerySchema, req.query)));
    }),
  );

  router.get(
    '/incidents',
    handle(async (req, res) => {
      const who = requireCapability(req, 'oversee-trust-safeguarding');
      res.json({
        incidents: await trustService.incidents(who, parseBody(TrustIncidentsQuerySchema, req.query)),
      });
    }),
  );

  router.get(
    '/alerts',
    handle(async (req, res) => {
      const who = requireCapability(req, 'oversee-trust-safeguarding');
      res.json({ alerts: await trustService.alerts(who) });
    }),
  );

  router.get(
    '/schools/:schoolId/pupils',
    handle(async (req, res) => {
      const who = requireCapability(req, 'see-trust-pupil-names');
      const query = parseBody(TrustPeriodQuerySchema, req.query);
      res.json(await trustService.pupils(who, String(req.params.schoolId), query));
    }),
  );
  return router;
}
