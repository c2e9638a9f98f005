import { Router } from 'express';
import { CreateStaffBodySchema, ResetPasswordBodySchema } from '@waymark/shared';
import type { StaffService } from '../services/staff-service';
import { handle, HttpError, parseBody, requireCapability } from './middleware';

/** Staff accounts, for the school admin: `/api/staff`. */
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
      const result = await staffService.create(who.schoolId, parseBody(CreateStaffBodySchema, req.body));
      if (result.error !== undefined) throw new HttpError(409, result.error);
      res.status(201).json(result);
    }),
  );

  router.post(
    '/:id/reset-password',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-accounts');
      const { password } = parseBody(ResetPasswordBodySchema, req.body);
      if (!(await staffService.resetPassword(who.schoolId, String(req.params.id), password))) {
        throw new HttpError(404, 'no such staff member');
      }
      res.json({ ok: true });
    }),
  );
  return router;
}
