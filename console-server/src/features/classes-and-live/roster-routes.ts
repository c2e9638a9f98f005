import { Router } from 'express';
import type { RosterService } from './roster-service';
import type { StaffService } from '../auth-and-accounts';
import { handle, HttpError, requireCapability } from '../../http/middleware';

/** The live class grid: `GET /api/classes/:classId/roster`. */
export function rosterRoutes(deps: { rosterService: RosterService; staffService: StaffService }) {
  const router = Router({ mergeParams: true });

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'watch-own-classes');
      const classId = String(req.params.classId);
      // Same answer for "no such class" and "not yours": IDs cannot be probed.
      const roster = (await deps.staffService.canWatchClass(who, classId))
        ? await deps.rosterService.roster(who, classId)
        : null;
      if (!roster) throw new HttpError(404, 'no such class');
      res.json(roster);
    }),
  );
  return router;
}
