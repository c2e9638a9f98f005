import { z } from 'zod';
import { requestsContract } from '@waymark/shared';
import type { RequestService } from './request-service';
import type { LiveNotifier } from '../../sockets/live-notifier';
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';

/** Pupils' unblock requests: `/api/requests`. */
export function requestRoutes({
  requestService,
  live,
}: {
  requestService: RequestService;
  live: LiveNotifier;
}) {
  const { router, route } = contractRouter('/api/requests');

  /** Approve for this lesson, deny, or forward to the DSL. The pupil's device hears within a second. */
  route(requestsContract.decide, 'lesson-overrides', async ({ who, params, body }) => {
    const eventId = z.uuid().safeParse(params.eventId);
    if (!eventId.success) throw new HttpError(404, 'no such unblock request');
    const outcome = await requestService.decide(who, eventId.data, body);
    await live.requestDecided(outcome);
    return { status: outcome.status };
  });
  return router;
}
