import { Router } from 'express';
import type { EventService } from '../services/event-service';
import { redactFor } from '../services/event-service';
import type { StaffService } from '../services/staff-service';
import { handle, HttpError, requireStaff } from './middleware';

export function classRoutes({
  staffService,
  eventService,
}: {
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
