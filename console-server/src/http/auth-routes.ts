import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { LoginBodySchema } from '@waymark/shared';
import type { StaffService } from '../services/staff-service';
import { handle, HttpError, parseBody, requireStaff } from './middleware';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from './session-cookie';

export function authRoutes({
  staffService,
  secureCookies,
}: {
  staffService: StaffService;
  secureCookies: boolean;
}) {
  const router = Router();
  // Slows guessing from one address; the per-account lockout in StaffService stops it across addresses.
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { error: 'too many sign-in attempts from this address; wait 15 minutes' },
  });

  router.post(
    '/login',
    loginLimiter,
    handle(async (req, res) => {
      const { email, password } = parseBody(LoginBodySchema, req.body);
      const result = await staffService.login(email, password);
      if (!result.ok) {
        throw result.reason === 'locked'
          ? new HttpError(
              423,
              `account locked after repeated failed sign-ins; try again after ${result.lockedUntil?.toISOString()}`,
            )
          : new HttpError(401, 'e-mail or password is wrong');
      }
      res.setHeader('Set-Cookie', sessionCookie(result.sessionToken, secureCookies));
      res.json({ staff: result.staff });
    }),
  );

  router.post(
    '/logout',
    handle(async (req, res) => {
      await staffService.logout(readSessionCookie(req.get('cookie')));
      res.setHeader('Set-Cookie', clearedSessionCookie(secureCookies));
      res.json({ ok: true });
    }),
  );

  router.get(
    '/me',
    handle(async (req, res) => {
      res.json({ staff: requireStaff(req) });
    }),
  );
  return router;
}
