import type { DeviceService } from './device-service';
import { devicesContract, type Profile } from '@waymark/shared';
import { deviceHealthRoutes, type DeviceHealthDeps } from './device-health-routes';
import { HttpError } from '../../http/middleware';
import { contractRouter, OK } from '../../http/contract-route';

/** Devices and enrollment tokens, for the technician: `/api/devices`. */
export function deviceRoutes({
  deviceService,
  ...health
}: { deviceService: DeviceService } & DeviceHealthDeps) {
  const { router, route } = contractRouter('/api/devices');
  router.use(deviceHealthRoutes(health));

  route(devicesContract.list, 'manage-devices', async ({ who }) => ({
    devices: (await deviceService.list(who.schoolId)).map((d) => ({
      ...d,
      lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
      enrolledAt: d.enrolledAt.toISOString(),
    })),
  }));

  route(devicesContract.tokens, 'manage-devices', async ({ who }) => ({
    tokens: (await deviceService.enrollmentTokens(who.schoolId)).map((t) => ({
      ...t,
      // The column is text; only profiles are ever written to it.
      profile: t.profile as Profile | null,
      expiresAt: t.expiresAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
      createdAt: t.createdAt.toISOString(),
    })),
  }));

  route(devicesContract.createToken, 'manage-devices', async ({ who, body }) => {
    const created = await deviceService.createEnrollmentToken(who.schoolId, body);
    if (!created) throw new HttpError(400, 'classId: no such class in this school');
    return { ...created, expiresAt: created.expiresAt?.toISOString() ?? null };
  });

  route(devicesContract.revokeToken, 'manage-devices', async ({ who, params }) => {
    if (!(await deviceService.revokeEnrollmentToken(who.schoolId, params.id))) {
      throw new HttpError(404, 'no such enrollment token, or it is already revoked');
    }
    return OK;
  });
  return router;
}
