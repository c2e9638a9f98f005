import { trustContract } from '@waymark/shared';
import type { TrustService } from './trust-service';
import { contractRouter } from '../../http/contract-route';

/** Trust-level staff: the schools of their own trust, side by side (`/api/trust`). */
export function trustRoutes({ trustService }: { trustService: TrustService }) {
  const { router, route } = contractRouter('/api/trust');

  route(trustContract.schools, 'view-trust-reports', async ({ who }) => trustService.schools(who));

  route(trustContract.overview, 'view-trust-reports', async ({ who, query }) =>
    trustService.overview(who, query),
  );

  route(trustContract.incidents, 'oversee-trust-safeguarding', async ({ who, query }) => ({
    incidents: await trustService.incidents(who, query),
  }));

  route(trustContract.alerts, 'oversee-trust-safeguarding', async ({ who }) => ({
    alerts: await trustService.alerts(who),
  }));

  route(trustContract.pupils, 'see-trust-pupil-names', async ({ who, params, query }) =>
    trustService.pupils(who, params.schoolId, query),
  );
  return router;
}
