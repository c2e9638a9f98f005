import { Router } from 'express';
import { SetOffTaskBodySchema, TimelineQuerySchema, type Capability } from '@waymark/shared';
import type { StaffService } from '../auth-and-accounts';
import type { LessonTimeline } from './lesson-timeline';
import type { OffTaskService } from './off-task-service';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

/**
 * The lesson's off-task categories (`/api/classes/:classId/off-task`) and a pupil's lesson
 * timeline (`/api/classes/:classId/timeline`): the class's teachers and the DSL only.
 */
export function lessonRoutes(deps: {
  offTask: OffTaskService;
  timeline: LessonTimeline;
  staffService: StaffService;
  /** Every console watching the class shows the lesson's controls again. */
  lessonControlsChanged(classId: string): void;
}) {
  const router = Router({ mergeParams: true });

  async function ownClass(req: Parameters<Parameters<typeof handle>[0]>[0], capability: Capability) {
    const who = requireCapability(req, capability);
    const classId = String(req.params.classId);
    // Same answer for "no such class" and "not yours": ids cannot be probed.
    if (!(await deps.staffService.canWatchClass(who, classId))) throw new HttpError(404, 'no such class');
    return { who, classId };
  }

  router.get(
    '/off-task',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req, 'watch-own-classes');
      res.json(await deps.offTask.current(who.schoolId, classId));
    }),
  );

  router.put(
    '/off-task',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req, 'lesson-overrides');
      const { categories } = parseBody(SetOffTaskBodySchema, req.body);
      const marked = await deps.offTask.set(who.schoolId, classId, who.id, categories);
      deps.lessonControlsChanged(classId);
      res.json(marked);
    }),
  );

  router.get(
    '/timeline',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req, 'watch-own-classes');
      const { pupil, since } = parseBody(TimelineQuerySchema, req.query);
      res.json({
        timeline: await deps.timeline.forPupil(who.schoolId, classId, pupil, new Date(since)),
      });
    }),
  );
  return router;
}
