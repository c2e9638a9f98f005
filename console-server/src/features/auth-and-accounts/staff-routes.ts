import { staffContract } from '@waymark/shared';
import type { StaffService } from './staff-service';
import { contractRouter, OK } from '../../http/contract-route';

/** Staff accounts holding school roles, for the school admin: `/api/staff`. */
export function staffRoutes({ staffService }: { staffService: StaffService }) {
  const { router, route } = contractRouter('/api/staff');

  route(staffContract.list, 'manage-accounts', async ({ who }) => ({
    staff: await staffService.list(who.schoolId),
  }));

  route(staffContract.create, 'manage-accounts', async ({ who, body }) =>
    staffService.create(who.schoolId, body),
  );

  route(staffContract.update, 'manage-accounts', async ({ who, params, body }) => {
    await staffService.update(who, params.id, body);
    return OK;
  });

  route(staffContract.resetPassword, 'manage-accounts', async ({ who, params, body }) => {
    await staffService.resetPassword(who.schoolId, params.id, body.password);
    return OK;
  });
  return router;
}
