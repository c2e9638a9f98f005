import { Router } from 'express';
import type { EventService } from '../events';
import { redactFor } from '../events';
import type { StaffService } from '../auth-and-accounts';
import { ClassImportBodySchema } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { importClasses } from './class-import';
import { handle, HttpError, parseBody, requireCapability, requireStaff } from '../../http/middleware';

export function classRoutes({
  db,
  staffService,
  eventService,
}: {
  db: Database;
  staffService: StaffService;
  eventService: EventService;
}) {
  const router = Router();

  router.get(
    '/',
    handle(async (req, res) => {
      res.json({ classes: await staffService.watchableClasses(requireStaff(req)) });
    }),
  );

  router.post(
    '/import',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-classes');
      const { csv } = parseBody(ClassImportBodySchema, req.body);
      res.json(await importClasses(db, who.schoolId, csv));
    }),
  );

  router.get(
    '/:classId/events',
    handle(async (req, res) => {
      const who = requireStaff(req);
      const classId = String(req.params.classId);
      // Same answer for "no such class" and "not yours": IDs cannot be probed.
      if (!(await staffService.canWatchClass(who, classId))) throw new HttpError(404, 'no such class');
      const events = await eventService.recentForClass(who.schoolId, classId);
      res.json({ events: events.map((e) => redactFor(who.role, e)) });
    }),
  );
  return router;
}
