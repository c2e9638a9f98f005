import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { LiveActionBodySchema, LiveActionRecordSchema } from '../protocol/live-actions';

/** Teachers' actions on pupils' browsers, and their record: `/api/classes/:classId/actions`. */
export const liveActionsContract = {
  /** Who did what to which devices, and how each answered (the class's teachers and the DSL). */
  list: endpoint({
    method: 'GET',
    path: '/api/classes/:classId/actions',
    response: z.object({ actions: z.array(LiveActionRecordSchema) }),
  }),
  /** An action, sent now; the answer says how each device took it. */
  act: endpoint({
    method: 'POST',
    path: '/api/classes/:classId/actions',
    body: LiveActionBodySchema,
    response: z.object({ action: LiveActionRecordSchema }),
    status: 201,
  }),
};
