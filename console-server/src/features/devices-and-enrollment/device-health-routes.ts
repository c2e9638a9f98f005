import { Router } from 'express';
import { ExpectedDevicesImportBodySchema } from '@waymark/shared';
import type { DeviceHealthService } from './device-health';
import type { ExpectedDevicesService } from './expected-devices';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

export interface DeviceHealthDeps {
  deviceHealth: DeviceHealthService;
  expectedDevices: ExpectedDevicesService;
}

/** Device health and the expected-device inventory, for the technician: under `/api/devices`. */
export function deviceHealthRoutes({ deviceHealth, expectedDevices }: DeviceHealthDeps) {
  const router = Router();

  router.get(
    '/health',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      res.json(await deviceHealth.report(who.schoolId));
    }),
  );

  router.get(
    '/classes',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      res.json({ classes: await deviceHealth.classes(who.schoolId) });
    }),
  );

  router.get(
    '/expected',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      res.json({ devices: await expectedDevices.list(who.schoolId) });
    }),
  );

  router.post(
    '/expected/import',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      const { csv } = parseBody(ExpectedDevicesImportBodySchema, req.body);
      const result = await expectedDevices.import(who.schoolId, csv);
      if (!result.ok) {
        const first = result.problems[0]!;
        res.status(400).json({
          error: `nothing was imported: ${result.problemCount} problem${result.problemCount === 1 ? '' : 's'} (line ${first.line}: ${first.error})`,
          problems: result.problems,
          problemCount: result.problemCount,
        });
        return;
      }
      res.json({ imported: result.imported });
    }),
  );

  router.delete(
    '/expected/:assetTag',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-devices');
      if (!(await expectedDevices.remove(who.schoolId, String(req.params.assetTag)))) {
        throw new HttpError(404, 'no such asset tag in the inventory');
      }
      res.json({ ok: true });
    }),
  );
  return router;
}
