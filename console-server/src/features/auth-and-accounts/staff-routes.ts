import { Router } from 'express';
import { CreateStaffBodySchema, ResetPasswordBodySchema, UpdateStaffBodySchema } from '@waymark/shared';
import type { StaffService } from './staff-service';
import { handle, parseBody, requireCapability } from '../../http/middleware';

/** Staff accounts holding school roles, for the school admin: `/api/staff`. */
export function staffRoutes({ staffService }: { staffService: StaffService }) {
  const router = Router();

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-accounts');
      res.json({ staff: await staffService.list(who.schoolId) });
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-accounts');
      const body = parseBody(CreateStaffBodySchema, req.body);
      res.status(201).json(await staffService.create(who.schoolId, body));
    }),
  );

  router.patch(
    '/:id',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-accounts');
      const body = parseBody(UpdateStaffBodySchema, req.body);
      await staffService.update(who, String(req.params.id), body);
      res.json({ ok: true });
    }),
  );

  router.post(
    '/:id/reset-password',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-accounts');
      const { password } = parseBody(ResetPasswordBodySchema, req.body);
      await staffService.resetPassword(who.schoolId, String(req.params.id), password);
      res.json({ ok: true });
    }),
  );
  return router;
}
