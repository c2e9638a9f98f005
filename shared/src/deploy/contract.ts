import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { DeployPolicyBodySchema, DeployPolicyFileSchema, DeployStatusSchema } from './api';
import { ProxyChoiceSchema, SaveProxyChoiceBodySchema } from './proxy-choice';

/**
 * Deployment, for the technician: `/api/deploy`. (The self-hosted update manifest and packages
 * under `/extension` are files fetched by browsers: plain routes.)
 */
export const deployContract = {
  status: endpoint({ method: 'GET', path: '/api/deploy/status', response: DeployStatusSchema }),
  /** POST, not GET: the body carries an enrollment token, which must not sit in URLs and logs. */
  policy: endpoint({
    method: 'POST',
    path: '/api/deploy/policy',
    body: DeployPolicyBodySchema,
    response: DeployPolicyFileSchema,
  }),
  /** The school's proxy choice, which every policy file made after locks (`ProxySettings`). */
  saveProxy: endpoint({
    method: 'PUT',
    path: '/api/deploy/proxy',
    body: SaveProxyChoiceBodySchema,
    response: z.object({ proxy: ProxyChoiceSchema }),
  }),
};
