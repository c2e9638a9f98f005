import { Router } from 'express';
import { CreateStaffBodySchema, ResetPasswordBodySchema, UpdateStaffBodySchema } from '@waymark/shared';
import { StaffChangeError, type StaffService } from './staff-service';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

const STATUS: Record<StaffChangeError['reason'], number> = { 'not-found': 404, conflict: 409, invalid: 400 };

/** The service's refusals as HTTP answers. */
async function answering<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof StaffChangeError) throw new HttpError(STATUS[error.reason], error.message);
    throw error;
  }
}

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
      res.status(201).json(await answering(staffService.create(who.schoolId, body)));
    }),
  );

  router.patch(
    '/:id',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-accounts');
      const body = parseBody(UpdateStaffBodySchema, req.body);
      await answering(staffService.update(who, String(req.params.id), body));
      res.json({ ok: true });
    }),
  );

  router.post(
    '/:id/reset-password',
    handle(async (req, res) => {
      const who = requireCapability(req, 'manage-accounts');
      const { password } = parseBody(ResetPasswordBodySchema, req.body);
      await answering(staffService.resetPassword(who.schoolId, String(req.params.id), password));
      res.json({ ok: true });
    }),
  );
  return router;
}
