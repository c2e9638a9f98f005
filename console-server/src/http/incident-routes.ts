import { Router } from 'express';
import { z } from 'zod';
import {
  can,
  IncidentChangeBodySchema,
  RaiseFromEventsBodySchema,
  RaiseIncidentBodySchema,
} from '@waymark/shared';
import type { IncidentService } from '../incidents/incident-service';
import { handle, HttpError, parseBody, requireCapability, requireStaff } from './middleware';

const Id = z.uuid();

function incidentId(raw: unknown): string {
  const parsed = Id.safeParse(raw);
  if (!parsed.success) throw new HttpError(404, 'no such incident');
  return parsed.data;
}

/** The online-safety incident log: `/api/incidents`. */
export function incidentRoutes({ incidentService }: { incidentService: IncidentService }) {
  const router = Router();

  router.post(
    '/from-events',
    handle(async (req, res) => {
      const who = requireCapability(req, 'raise-incident');
      const id = await incidentService.raiseFromEvents(who, parseBody(RaiseFromEventsBodySchema, req.body));
      res.status(201).json(await incidentService.get(who, id));
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'raise-incident');
      const id = await incidentService.raise(who, parseBody(RaiseIncidentBodySchema, req.body));
      res.status(201).json(await incidentService.get(who, id));
    }),
  );

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireStaff(req);
      if (!can(who.role, 'raise-incident') && !can(who.role, 'work-incident-log')) {
        throw new HttpError(
          403,
          `your role (${who.role}) cannot see the incident log; reports show it in aggregate`,
        );
      }
      const status = typeof req.query.status === 'string' ? req.query.status : undefined;
      const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : undefined;
      res.json({ incidents: await incidentService.list(who, { status, q }) });
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      res.json(await incidentService.get(requireStaff(req), incidentId(req.params.id)));
    }),
  );

  router.post(
    '/:id/changes',
    handle(async (req, res) => {
      const who = requireStaff(req);
      const id = incidentId(req.params.id);
      await incidentService.change(who, id, parseBody(IncidentChangeBodySchema, req.body));
      res.json(await incidentService.get(who, id));
    }),
  );

  router.post(
    '/:id/countersign',
    handle(async (req, res) => {
      const who = requireStaff(req);
      const id = incidentId(req.params.id);
      await incidentService.countersign(who, id);
      res.json(await incidentService.get(who, id));
    }),
  );
  return router;
}
