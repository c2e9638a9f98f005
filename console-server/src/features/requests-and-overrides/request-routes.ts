import { Router } from 'express';
import { z } from 'zod';
import { RequestDecisionBodySchema } from '@waymark/shared';
import type { RequestService } from './request-service';
import type { LiveNotifier } from '../../sockets/live-notifier';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

export function requestRoutes({
  requestService,
  live,
}: {
  requestService: RequestService;
  live: LiveNotifier;
}) {
  const router = Router();

  /** Approve for this lesson, deny, or forward to the DSL. The pupil's device hears within a second. */
  router.post(
    '/:eventId/decision',
    handle(async (req, res) => {
      const who = requireCapability(req, 'lesson-overrides');
      const body = parseBody(RequestDecisionBodySchema, req.body);
      const eventId = z.uuid().safeParse(req.params.eventId);
      if (!eventId.success) throw new HttpError(404, 'no such unblock request');
      const outcome = await requestService.decide(who, eventId.data, body);
      await live.requestDecided(outcome);
      res.json({ status: outcome.status });
    }),
  );
  return router;
}
