import { visitorsContract } from '@waymark/shared';
import type { DeviceService } from '../devices-and-enrollment';
import { HttpError } from '../../http/middleware';
import { contractRouter, OK } from '../../http/contract-route';

/** Visitor passes, for the technician and the DSL: `/api/visitor-passes`. */
export function visitorRoutes({
  deviceService,
  disconnectDevices,
}: {
  deviceService: DeviceService;
  disconnectDevices: (deviceIds: string[]) => void;
}) {
  const { router, route } = contractRouter('/api/visitor-passes');

  route(visitorsContract.list, 'issue-visitor-passes', async ({ who }) => ({
    passes: await deviceService.visitorPasses(who.schoolId),
  }));

  route(visitorsContract.issue, 'issue-visitor-passes', async ({ who, body }) =>
    deviceService.issueVisitorPass(who, body),
  );

  // The acceptable-use notice a visitor's device shows first (the school's own, or Waymark's default).
  route(visitorsContract.notice, 'issue-visitor-passes', async ({ who }) =>
    deviceService.visitorNotice(who.schoolId),
  );

  route(visitorsContract.saveNotice, 'issue-visitor-passes', async ({ who, body }) =>
    deviceService.setVisitorNotice(who.schoolId, body.notice),
  );

  route(visitorsContract.revoke, 'issue-visitor-passes', async ({ who, params }) => {
    const passes = await deviceService.visitorPasses(who.schoolId);
    const pass = passes.find((p) => p.id === params.id && p.revokedAt === null);
    if (!pass) throw new HttpError(404, 'no such visitor pass in force');
    disconnectDevices(await deviceService.revokeVisitorPass(who.schoolId, params.id));
    return OK;
  });
  return router;
}
