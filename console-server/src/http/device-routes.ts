import { Router } from 'express';
import type { DeviceService } from '../services/device-service';
import { handle, requireCapability } from './middleware';

/** Devices and enrollment tokens, for the technician: `/api/devices`. */
export function deviceRoutes({ deviceService }: { deviceService: DeviceService }) {
  const router = Router();

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
  return router;
}
