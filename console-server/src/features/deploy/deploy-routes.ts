import { Router } from 'express';
import { DeployPolicyBodySchema, SaveProxyChoiceBodySchema } from '@waymark/shared';
import { handle, parseBody, requireCapability } from '../../http/middleware';
import type { DeployService } from './deploy-service';
import { requestOrigin } from './extension-routes';

/** Deployment for the technician: `/api/deploy`. */
export function deployRoutes({ deployService }: { deployService: DeployService }) {
  const router = Router();

  router.get(
    '/status',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      res.json(await deployService.status(who.schoolId, requestOrigin(req)));
    }),
  );

  /** POST, not GET: the body carries an enrollment token, which must not sit in URLs and logs. */
  router.post(
    '/policy',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      const { bytes: _bytes, ...file } = await deployService.policy(
        who.schoolId,
        parseBody(DeployPolicyBodySchema, req.body),
      );
      res.set('cache-control', 'no-store').json(file);
    }),
  );
  /** The school's proxy choice, which every policy file made after locks (`ProxySettings`). */
  router.put(
    '/proxy',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      const { proxy } = parseBody(SaveProxyChoiceBodySchema, req.body);
      res.json({ proxy: await deployService.saveProxyChoice(who.schoolId, proxy) });
    }),
  );
  return router;
}
