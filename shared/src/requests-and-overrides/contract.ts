import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { LessonOverrideSchema } from '../policy/schema';
import { RequestDecisionBodySchema, StartOverrideBodySchema } from '../protocol/api';
import { RequestStatusMessageSchema } from '../protocol/socket';
import { safeText } from '../text/safe-text';

/** A lesson override as the server sends it: with the unblock request that opened it, if one did. */
export const LessonOverrideAnswerSchema = LessonOverrideSchema.and(
  z.object({ requestEventId: safeText().nullable() }),
);
export type LessonOverrideAnswer = z.infer<typeof LessonOverrideAnswerSchema>;

/**
 * A class's lesson overrides (sites opened, or the only ones allowed): `/api/classes/:classId/overrides`.
 * The class's teachers and the DSL only; another class answers 404 "no such class".
 */
export const overridesContract = {
  /** Running and scheduled overrides (a scheduled session's sites among them). */
  list: endpoint({
    method: 'GET',
    path: '/api/classes/:classId/overrides',
    response: z.object({ overrides: z.array(LessonOverrideAnswerSchema) }),
  }),
  start: endpoint({
    method: 'POST',
    path: '/api/classes/:classId/overrides',
    body: StartOverrideBodySchema,
    response: z.object({ override: LessonOverrideAnswerSchema }),
    status: 201,
  }),
  end: endpoint({
    method: 'POST',
    path: '/api/classes/:classId/overrides/:overrideId/end',
    response: z.object({ override: LessonOverrideAnswerSchema }),
  }),
};

/** Pupils' unblock requests: `/api/requests`. */
export const requestsContract = {
  /** Approve for this lesson, deny, or forward to the DSL; the answer is what the pupil's device is told. */
  decide: endpoint({
    method: 'POST',
    path: '/api/requests/:eventId/decision',
    body: RequestDecisionBodySchema,
    response: z.object({ status: RequestStatusMessageSchema }),
  }),
};
