import { Router } from 'express';
import { sessionsContract, type RunningSession } from '@waymark/shared';
import { watching, type StaffService } from '../auth-and-accounts';
import type { OverrideService } from '../requests-and-overrides';
import type { LiveNotifier } from '../../sockets/live-notifier';
import type { SessionService } from './session-service';
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';

function sessionJson(row: {
  id: string;
  classId: string;
  startedBy: string;
  startsAt: Date;
  endsAt: Date;
}): RunningSession {
  return {
    id: row.id,
    classId: row.classId,
    startedBy: row.startedBy,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
  };
}

/** A lesson a teacher starts for a group: `/api/classes/:classId/session`. */
export function sessionRoutes(deps: {
  sessionService: SessionService;
  staffService: StaffService;
  overrideService: OverrideService;
  live: LiveNotifier;
  /** The school's lessons changed: devices move to their pupils' new lessons, on every process. */
  lessonsChanged: (schoolId: string) => Promise<void>;
}) {
  const { router, route } = contractRouter('/api/classes/:classId/session', Router({ mergeParams: true }));
  const teacher = watching(deps.staffService, 'lesson-overrides');

  route(sessionsContract.running, teacher, async ({ who, params }) => {
    const row = await deps.sessionService.running(who.schoolId, params.classId);
    return { session: row ? sessionJson(row) : null };
  });

  route(sessionsContract.start, teacher, async ({ who, params: { classId }, body }) => {
    const row = await deps.sessionService.start(who.schoolId, classId, who.id, body);
    if (!row) throw new HttpError(404, 'no such class');
    await deps.lessonsChanged(who.schoolId);
    // A planned session it replaced had sent its sites ahead: the devices drop them.
    if (row.replaced.some((s) => s.sites)) await deps.live.classPolicyChanged(classId);
    return { session: sessionJson(row) };
  });

  route(sessionsContract.scheduled, teacher, async ({ who, params }) => ({
    sessions: await deps.sessionService.upcoming(who.schoolId, params.classId),
  }));

  route(sessionsContract.schedule, teacher, async ({ who, params: { classId }, body }) => {
    if (body.sites) await deps.overrideService.assertLawful(who.schoolId, body.sites.sites);
    const session = await deps.sessionService.schedule(who.schoolId, classId, who.id, body);
    if (!session) throw new HttpError(404, 'no such class');
    await deps.lessonsChanged(who.schoolId);
    // Pupils at home in the group hold its sites ahead; their devices switch at the start.
    if (session.sites) await deps.live.classPolicyChanged(classId);
    return { session };
  });

  route(sessionsContract.cancel, teacher, async ({ who, params: { classId, sessionId } }) => {
    const session = await deps.sessionService.cancel(who.schoolId, classId, sessionId);
    if (!session) throw new HttpError(404, 'no such session to cancel');
    await deps.lessonsChanged(who.schoolId);
    if (session.sites) await deps.live.classPolicyChanged(classId);
    return { session };
  });

  route(sessionsContract.end, teacher, async ({ who, params: { classId } }) => {
    const row = await deps.sessionService.end(who.schoolId, classId);
    if (!row) throw new HttpError(404, 'no session running');
    await deps.lessonsChanged(who.schoolId);
    await deps.live.classPolicyChanged(classId);
    return { session: sessionJson(row) };
  });
  return router;
}
