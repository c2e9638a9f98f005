import { Router } from 'express';
import { overridesContract } from '@waymark/shared';
import type { OverrideService } from './override-service';
import { watching, type StaffService } from '../auth-and-accounts';
import type { LiveNotifier } from '../../sockets/live-notifier';
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';

/** Lesson overrides: `/api/classes/:classId/overrides`. */
export function overrideRoutes(deps: {
  overrideService: OverrideService;
  staffService: StaffService;
  live: LiveNotifier;
}) {
  const { router, route } = contractRouter('/api/classes/:classId/overrides', Router({ mergeParams: true }));
  const teacher = watching(deps.staffService, 'lesson-overrides');

  route(overridesContract.list, teacher, async ({ who, params }) => ({
    overrides: await deps.overrideService.current(who.schoolId, [params.classId]),
  }));

  route(overridesContract.start, teacher, async ({ who, params: { classId }, body }) => {
    const override = await deps.overrideService.start(who.schoolId, classId, who.id, body);
    if (!override) throw new HttpError(404, 'no such class');
    await deps.live.classPolicyChanged(classId);
    return { override };
  });

  route(overridesContract.end, teacher, async ({ who, params: { classId, overrideId } }) => {
    const ended = await deps.overrideService.end(who.schoolId, classId, overrideId);
    if (!ended) throw new HttpError(404, 'no such override running');
    await deps.live.classPolicyChanged(classId);
    return { override: ended };
  });
  return router;
}
