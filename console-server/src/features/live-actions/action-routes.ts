import { Router } from 'express';
import type { Namespace } from 'socket.io';
import { liveActionsContract, LOCK_MAX_MINUTES, type LiveActionRecord } from '@waymark/shared';
import { watching, type StaffService } from '../auth-and-accounts';
import type { Database } from '../../db/open-database';
import { lessonEnd } from '../classes-and-live';
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';
import { dispatchAction } from './action-dispatch';
import type { LiveActionService } from './action-service';

/** Teachers' actions on pupils' browsers: `/api/classes/:classId/actions`. */
export function actionRoutes(deps: {
  db: Database;
  actionService: LiveActionService;
  staffService: StaffService;
  devices: Namespace;
}) {
  const { router, route } = contractRouter('/api/classes/:classId/actions', Router({ mergeParams: true }));

  // The record: the class's teachers and the DSL read who did what to which devices, and when.
  route(
    liveActionsContract.list,
    watching(deps.staffService, 'watch-own-classes'),
    async ({ who, params }) => ({
      actions: await deps.actionService.forClass(who.schoolId, params.classId),
    }),
  );

  route(
    liveActionsContract.act,
    watching(deps.staffService, 'lesson-overrides'),
    async ({ who, params: { classId }, body }) => {
      const { action, deviceIds: asked } = body;
      const deviceIds = [...new Set(asked)];
      if (action.kind === 'close-tab' && deviceIds.length !== 1)
        throw new HttpError(400, 'a tab is closed on one device at a time (close a site on several)');
      const now = new Date();
      let until: Date | null = null;
      if (action.kind === 'lock') {
        // Never past the lesson's end, never longer than LOCK_MAX_MINUTES.
        const cap = new Date(now.getTime() + Math.min(action.minutes, LOCK_MAX_MINUTES) * 60_000);
        const end = await lessonEnd(deps.db, who.schoolId, classId, now);
        until = end && end < cap ? end : cap;
      }
      const recorded = await deps.actionService.record(who, classId, action, deviceIds, until);
      const results = await dispatchAction(deps.devices, classId, deviceIds, {
        id: recorded.id,
        action,
        from: who.name,
        at: recorded.createdAt.toISOString(),
        until: until?.toISOString() ?? null,
      });
      await deps.actionService.recordResults(recorded.id, results);
      const record: LiveActionRecord = {
        id: recorded.id,
        classId,
        staffId: who.id,
        staffName: who.name,
        action,
        until: until?.toISOString() ?? null,
        results,
        createdAt: recorded.createdAt.toISOString(),
        replies: [],
      };
      return { action: record };
    },
  );
  return router;
}
