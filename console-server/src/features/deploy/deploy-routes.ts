import { deployContract } from '@waymark/shared';
import { contractRouter } from '../../http/contract-route';
import type { DeployService } from './deploy-service';
import { requestOrigin } from './extension-routes';

/** Deployment for the technician: `/api/deploy`. */
export function deployRoutes({ deployService }: { deployService: DeployService }) {
  const { router, route } = contractRouter('/api/deploy');

  route(deployContract.status, 'manage-devices', async ({ who, req }) =>
    deployService.status(who.schoolId, requestOrigin(req)),
  );

  /** POST, not GET: the body carries an enrollment token, which must not sit in URLs and logs. */
  route(deployContract.policy, 'manage-devices', async ({ who, body, res }) => {
    const { bytes: _bytes, ...file } = await deployService.policy(who.schoolId, body);
    res.set('cache-control', 'no-store');
    return file;
  });

  /** The school's proxy choice, which every policy file made after locks (`ProxySettings`). */
  route(deployContract.saveProxy, 'manage-devices', async ({ who, body: { proxy } }) => ({
    proxy: await deployService.saveProxyChoice(who.schoolId, proxy),
  }));
  return router;
}
