import { Router } from 'express';
import { IssueVisitorPassBodySchema, VisitorNoticeBodySchema } from '@waymark/shared';
import type { DeviceService } from '../devices-and-enrollment';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

/** Visitor passes, for the technician and the DSL: `/api/visitor-passes`. */
export function visitorRoutes({
  deviceService,
  disconnectDevices,
}: {
  deviceService: DeviceService;
  disconnectDevices: (deviceIds: string[]) => void;
}) {
  const router = Router();
  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'issue-visitor-passes');
      res.json({ passes: await deviceService.visitorPasses(who.schoolId) });
    }),
  );
  router.post(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'issue-visitor-passes');
      const pass = await deviceService.issueVisitorPass(who, parseBody(IssueVisitorPassBodySchema, req.body));
      res.status(201).json(pass);
    }),
  );
  // The acceptable-use notice a visitor's device shows first (the school's own, or Waymark's default).
  router.get(
    '/notice',
    handle(async (req, res) => {
      const who = requireCapability(req, 'issue-visitor-passes');
      res.json(await deviceService.visitorNotice(who.schoolId));
    }),
  );
  router.put(
    '/notice',
    handle(async (req, res) => {
      const who = requireCapability(req, 'issue-visitor-passes');
      const { notice } = parseBody(VisitorNoticeBodySchema, req.body);
      res.json(await deviceService.setVisitorNotice(who.schoolId, notice));
    }),
  );
  router.post(
    '/:id/revoke',
    handle(async (req, res) => {
      const who = requireCapability(req, 'issue-visitor-passes');
      const id = String(req.params.id);
      const passes = await deviceService.visitorPasses(who.schoolId);
      const pass = passes.find((p) => p.id === id && p.revokedAt === null);
      if (!pass) throw new HttpError(404, 'no such visitor pass in force');
      disconnectDevices(await deviceService.revokeVisitorPass(who.schoolId, id));
      res.json({ ok: true });
    }),
  );
  return router;
}
