import { devicesContract, ExpectedDevicesImportBodySchema } from '@waymark/shared';
import type { DeviceHealthService } from './device-health';
import type { ExpectedDevicesService } from './expected-devices';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';
import { contractRouter, OK } from '../../http/contract-route';

export interface DeviceHealthDeps {
  deviceHealth: DeviceHealthService;
  expectedDevices: ExpectedDevicesService;
}

/** Device health and the expected-device inventory, for the technician: under `/api/devices`. */
export function deviceHealthRoutes({ deviceHealth, expectedDevices }: DeviceHealthDeps) {
  const { router, route } = contractRouter('/api/devices');

  route(devicesContract.health, 'manage-devices', async ({ who }) => deviceHealth.report(who.schoolId));

  route(devicesContract.classes, 'manage-devices', async ({ who }) => ({
    classes: await deviceHealth.classes(who.schoolId),
  }));

  route(devicesContract.expected, 'manage-devices', async ({ who }) => ({
    devices: await expectedDevices.list(who.schoolId),
  }));

  // A plain route: its refusal carries the problems by line, which the console shows.
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

  route(devicesContract.removeExpected, 'manage-devices', async ({ who, params }) => {
    if (!(await expectedDevices.remove(who.schoolId, params.assetTag))) {
      throw new HttpError(404, 'no such asset tag in the inventory');
    }
    return OK;
  });
  return router;
}
