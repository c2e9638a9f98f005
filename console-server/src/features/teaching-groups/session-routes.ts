import { Router } from 'express';
import { ScheduleSessionBodySchema, StartSessionBodySchema } from '@waymark/shared';
import type { StaffService } from '../auth-and-accounts';
import type { OverrideService } from '../requests-and-overrides';
import type { LiveNotifier } from '../../sockets/live-notifier';
import type { SessionService } from './session-service';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

function sessionJson(row: { id: string; classId: string; startedBy: string; startsAt: Date; endsAt: Date }) {
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
      const row = await deps.sessionService.running(who.schoolId, classId);
      res.json({ session: row ? sessionJson(row) : null });
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req);
      const body = parseBody(StartSessionBodySchema, req.body);
      const row = await deps.sessionService.start(who.schoolId, classId, who.id, body);
      if (!row) throw new HttpError(404, 'no such class');
      await deps.lessonsChanged(who.schoolId);
      // A planned session it replaced had sent its sites ahead: the devices drop them.
      if (row.replaced.some((s) => s.sites)) await deps.live.classPolicyChanged(classId);
      res.status(201).json({ session: sessionJson(row) });
    }),
  );

  router.get(
    '/scheduled',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req);
      res.json({ sessions: await deps.sessionService.upcoming(who.schoolId, classId) });
    }),
  );

  router.post(
    '/scheduled',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req);
      const body = parseBody(ScheduleSessionBodySchema, req.body);
      if (body.sites) await deps.overrideService.assertLawful(who.schoolId, body.sites.sites);
      const session = await deps.sessionService.schedule(who.schoolId, classId, who.id, body);
      if (!session) throw new HttpError(404, 'no such class');
      await deps.lessonsChanged(who.schoolId);
      // Pupils at home in the group hold its sites ahead; their devices switch at the start.
      if (session.sites) await deps.live.classPolicyChanged(classId);
      res.status(201).json({ session });
    }),
  );

  router.post(
    '/scheduled/:sessionId/cancel',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req);
      const session = await deps.sessionService.cancel(who.schoolId, classId, String(req.params.sessionId));
      if (!session) throw new HttpError(404, 'no such session to cancel');
      await deps.lessonsChanged(who.schoolId);
      if (session.sites) await deps.live.classPolicyChanged(classId);
      res.json({ session });
    }),
  );

  router.post(
    '/end',
    handle(async (req, res) => {
      const { who, classId } = await ownClass(req);
      const row = await deps.sessionService.end(who.schoolId, classId);
      if (!row) throw new HttpError(404, 'no session running');
      await deps.lessonsChanged(who.schoolId);
      await deps.live.classPolicyChanged(classId);
      res.json({ session: sessionJson(row) });
    }),
  );
  return router;
}
