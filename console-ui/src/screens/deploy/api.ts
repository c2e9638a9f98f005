import type { DeployPolicyBody, DeployPolicyFile, DeployStatus, ProxyChoice } from '@waymark/shared';
import { api } from '../../lib/api';

export const deployKeys = {
  status: ['deploy', 'status'] as const,
};

export const deployApi = {
  status: () => api<DeployStatus>('/api/deploy/status'),
  /** POST: the body carries an enrollment token, which must not sit in a URL. */
  policy: (body: DeployPolicyBody) =>
    api<DeployPolicyFile>('/api/deploy/policy', { method: 'POST', body: JSON.stringify(body) }),
  /** The school's proxy choice: every file made after locks it. */
  saveProxy: (proxy: ProxyChoice) =>
    api<{ proxy: ProxyChoice }>('/api/deploy/proxy', { method: 'PUT', body: JSON.stringify({ proxy }) }),
};
