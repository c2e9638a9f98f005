import { Router } from 'express';
import { z } from 'zod';
import {
  can,
  IncidentChangeBodySchema,
  IncidentListQuerySchema,
  type Staff,
  RaiseFromEventsBodySchema,
  RaiseIncidentBodySchema,
} from '@waymark/shared';
import type { IncidentService } from './incident-service';
import { handle, HttpError, parseBody, requireCapability, requireStaff } from '../../http/middleware';

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

  /** Who may read the log at all: those who raise incidents (their own) and the DSL (all). */
  const requireLogReader = (req: Parameters<typeof requireStaff>[0]): Staff => {
    const who = requireStaff(req);
    if (!can(who.role, 'raise-incident') && !can(who.role, 'work-incident-log')) {
      throw new HttpError(
        403,
        `your role (${who.role}) cannot see the incident log; reports show it in aggregate`,
      );
    }
    return who;
  };

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireLogReader(req);
      const filter = parseBody(IncidentListQuerySchema, req.query);
      res.json({ incidents: await incidentService.list(who, filter) });
    }),
  );

  router.get(
    '/directory',
    handle(async (req, res) => {
      res.json(await incidentService.directory(requireLogReader(req)));
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
