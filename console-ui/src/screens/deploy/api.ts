import { deployContract, type DeployPolicyBody, type ProxyChoice } from '@waymark/shared';
import { call } from '../../lib/call';

export const deployKeys = {
  status: ['deploy', 'status'] as const,
};

export const deployApi = {
  status: () => call(deployContract.status),
  /** POST: the body carries an enrollment token, which must not sit in a URL. */
  policy: (body: DeployPolicyBody) => call(deployContract.policy, { body }),
  /** The school's proxy choice: every file made after locks it. */
  saveProxy: (proxy: ProxyChoice) => call(deployContract.saveProxy, { body: { proxy } }),
};
