import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { ComplianceReportSchema } from './compliance-model';
import {
  PrepareReviewPackBodySchema,
  ReviewPackContentSchema,
  ReviewPackSchema,
  SignReviewPackBodySchema,
} from './review-pack-model';

const PackAnswer = z.object({ pack: ReviewPackSchema });

/**
 * The DfE standards with their live evidence, and the annual review packs: `/api/compliance`.
 * (A pack's PDF, `GET /api/compliance/review-packs/:id/pdf`, is a file download: a plain route.)
 */
export const complianceContract = {
  report: endpoint({
    method: 'GET',
    path: '/api/compliance',
    response: z.object({ report: ComplianceReportSchema }),
  }),
  packs: endpoint({
    method: 'GET',
    path: '/api/compliance/review-packs',
    response: z.object({ packs: z.array(ReviewPackSchema) }),
  }),
  prepare: endpoint({
    method: 'POST',
    path: '/api/compliance/review-packs',
    body: PrepareReviewPackBodySchema,
    response: PackAnswer,
    status: 201,
  }),
  pack: endpoint({
    method: 'GET',
    path: '/api/compliance/review-packs/:id',
    response: z.object({ pack: ReviewPackSchema, content: ReviewPackContentSchema }),
  }),
  sign: endpoint({
    method: 'POST',
    path: '/api/compliance/review-packs/:id/signatures',
    body: SignReviewPackBodySchema,
    response: PackAnswer,
    status: 201,
  }),
};
