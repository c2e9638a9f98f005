import { Router } from 'express';
import type { DeviceService } from './device-service';
import { CreateEnrollmentTokenBodySchema } from '@waymark/shared';
import { deviceHealthRoutes, type DeviceHealthDeps } from './device-health-routes';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

/** Devices and enrollment tokens, for the technician: `/api/devices`. */
export function deviceRoutes({
  deviceService,
  ...health
}: { deviceService: DeviceService } & DeviceHealthDeps) {
  const router = Router();
  router.use(deviceHealthRoutes(health));

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      res.json({ devices: await deviceService.list(who.schoolId) });
    }),
  );

  router.get(
    '/enrollment-tokens',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      res.json({ tokens: await deviceService.enrollmentTokens(who.schoolId) });
    }),
  );
  router.post(
    '/enrollment-tokens',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      const created = await deviceService.createEnrollmentToken(
        who.schoolId,
        parseBody(CreateEnrollmentTokenBodySchema, req.body),
      );
      if (!created) throw new HttpError(400, 'classId: no such class in this school');
      res.status(201).json(created);
    }),
  );

  router.post(
    '/enrollment-tokens/:id/revoke',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      if (!(await deviceService.revokeEnrollmentToken(who.schoolId, String(req.params.id)))) {
        throw new HttpError(404, 'no such enrollment token, or it is already revoked');
      }
      res.json({ ok: true });
    }),
  );
  return router;
}
