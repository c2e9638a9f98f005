import { Router } from 'express';
import { liveClassContract } from '@waymark/shared';
import type { RosterService } from './roster-service';
import { watching, type StaffService } from '../auth-and-accounts';
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';

/** The live class grid: `GET /api/classes/:classId/roster`. */
export function rosterRoutes(deps: { rosterService: RosterService; staffService: StaffService }) {
  const { router, route } = contractRouter('/api/classes/:classId/roster', Router({ mergeParams: true }));

  route(
    liveClassContract.roster,
    watching(deps.staffService, 'watch-own-classes'),
    async ({ who, params }) => {
      const roster = await deps.rosterService.roster(who, params.classId);
      if (!roster) throw new HttpError(404, 'no such class');
      return roster;
    },
  );
  return router;
}
