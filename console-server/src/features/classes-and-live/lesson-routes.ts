import { Router } from 'express';
import { liveClassContract } from '@waymark/shared';
import { watching, type StaffService } from '../auth-and-accounts';
import type { LessonTimeline } from './lesson-timeline';
import type { OffTaskService } from './off-task-service';
import { contractRouter } from '../../http/contract-route';

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
  const { router, route } = contractRouter('/api/classes/:classId', Router({ mergeParams: true }));
  const watcher = watching(deps.staffService, 'watch-own-classes');
  const teacher = watching(deps.staffService, 'lesson-overrides');

  route(liveClassContract.offTask, watcher, async ({ who, params }) =>
    deps.offTask.current(who.schoolId, params.classId),
  );

  route(liveClassContract.setOffTask, teacher, async ({ who, params: { classId }, body }) => {
    const marked = await deps.offTask.set(who.schoolId, classId, who.id, body.categories);
    deps.lessonControlsChanged(classId);
    return marked;
  });

  route(liveClassContract.timeline, watcher, async ({ who, params, query: { pupil, since } }) => ({
    timeline: await deps.timeline.forPupil(who.schoolId, params.classId, pupil, new Date(since)),
  }));
  return router;
}
