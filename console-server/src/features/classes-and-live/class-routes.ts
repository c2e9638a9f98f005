import type { EventService } from '../events';
import { redactFor } from '../events';
import type { StaffService } from '../auth-and-accounts';
import { classesContract } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { importClasses } from './class-import';
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';

export function classRoutes({
  db,
  staffService,
  eventService,
}: {
  db: Database;
  staffService: StaffService;
  eventService: EventService;
}) {
  const { router, route } = contractRouter('/api/classes');

  route(classesContract.list, 'signed-in', async ({ who }) => ({
    classes: await staffService.watchableClasses(who),
  }));

  route(classesContract.import, 'manage-classes', async ({ who, body }) =>
    importClasses(db, who.schoolId, body.csv),
  );

  route(classesContract.events, 'signed-in', async ({ who, params }) => {
    // Same answer for "no such class" and "not yours": IDs cannot be probed.
    if (!(await staffService.canWatchClass(who, params.classId))) throw new HttpError(404, 'no such class');
    const events = await eventService.recentForClass(who.schoolId, params.classId);
    return { events: events.map((e) => redactFor(who.role, e)) };
  });
  return router;
}
