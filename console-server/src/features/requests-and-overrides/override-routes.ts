import { Router } from 'express';
import { StartOverrideBodySchema } from '@waymark/shared';
import type { OverrideService } from './override-service';
import type { StaffService } from '../auth-and-accounts';
import type { LiveNotifier } from '../../sockets/live-notifier';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

/** Lesson overrides: `/api/classes/:classId/overrides`. */
export function overrideRoutes(deps: {
  overrideService: OverrideService;
  staffService: StaffService;
  live: LiveNotifier;
}) {
  const router = Router({ mergeParams: true });

  async function ownClass(req: Parameters<Parameters<typeof handle>[0]>[0]) {
    const who = requireCapability(req, 'lesson-overrides');
    const classId = String(req.params.classId);
    if (!(await deps.staffService.canWatchClass(who, classId))) throw new HttpError(404, 'no such class');
    return { who, classId };
  }

  router.get(
    '/',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req);
      res.json({ overrides: await deps.overrideService.current(who.schoolId, [classId]) });
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req);
      const body = parseBody(StartOverrideBodySchema, req.body);
      const override = await deps.overrideService.start(who.schoolId, classId, who.id, body);
      if (!override) throw new HttpError(404, 'no such class');
      await deps.live.classPolicyChanged(classId);
      res.status(201).json({ override });
    }),
  );

  router.post(
    '/:overrideId/end',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req);
      const ended = await deps.overrideService.end(who.schoolId, classId, String(req.params.overrideId));
      if (!ended) throw new HttpError(404, 'no such override running');
      await deps.live.classPolicyChanged(classId);
      res.json({ override: ended });
    }),
  );
  return router;
}
