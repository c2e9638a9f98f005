import { z } from 'zod';
import { endpoint, OkResponseSchema } from '../contract/endpoint';
import {
  IssuedVisitorPassSchema,
  IssueVisitorPassBodySchema,
  VisitorNoticeBodySchema,
  VisitorNoticeSchema,
  VisitorPassSchema,
} from '../protocol/visitors';

/** Visitor passes and the visitors' acceptable-use notice, for the technician and the DSL: `/api/visitor-passes`. */
export const visitorsContract = {
  list: endpoint({
    method: 'GET',
    path: '/api/visitor-passes',
    response: z.object({ passes: z.array(VisitorPassSchema) }),
  }),
  issue: endpoint({
    method: 'POST',
    path: '/api/visitor-passes',
    body: IssueVisitorPassBodySchema,
    response: IssuedVisitorPassSchema,
    status: 201,
  }),
  notice: endpoint({ method: 'GET', path: '/api/visitor-passes/notice', response: VisitorNoticeSchema }),
  saveNotice: endpoint({
    method: 'PUT',
    path: '/api/visitor-passes/notice',
    body: VisitorNoticeBodySchema,
    response: VisitorNoticeSchema,
  }),
  revoke: endpoint({ method: 'POST', path: '/api/visitor-passes/:id/revoke', response: OkResponseSchema }),
};
