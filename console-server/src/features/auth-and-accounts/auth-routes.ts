import { Router, type Request } from 'express';
import type { Oidc } from './oidc';
import { rateLimit } from 'express-rate-limit';
import { authContract } from '@waymark/shared';
import type { StaffService } from './staff-service';
import { handle, HttpError } from '../../http/middleware';
import { contractRouter, OK } from '../../http/contract-route';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from '../../http/session-cookie';

export function authRoutes({
  staffService,
  secureCookies,
  oidc,
}: {
  staffService: StaffService;
  secureCookies: boolean;
  oidc: Oidc;
}) {
  const { router, route } = contractRouter('/api/auth', Router());

  route(authContract.providers, 'public', async () => ({ providers: oidc.providers() }));

  const callbackUrl = (req: Request, id: string) =>
    `${req.protocol}://${req.get('host')}/api/auth/oidc/${id}/callback`;

  router.get(
    '/oidc/:provider/start',
    handle(async (req, res) => {
      const provider = oidc.find(String(req.params.provider));
      if (!provider) throw new HttpError(404, 'no such sign-in provider');
      res.redirect(await oidc.start(provider, callbackUrl(req, provider.id)));
    }),
  );

  router.get(
    '/oidc/:provider/callback',
    handle(async (req, res) => {
      const provider = oidc.find(String(req.params.provider));
      if (!provider) throw new HttpError(404, 'no such sign-in provider');
      const failed = (message: string) => res.redirect(`/sign-in?error=${encodeURIComponent(message)}`);
      let email: string;
      try {
        email = await oidc.finish(
          provider,
          new URL(`${req.protocol}://${req.get('host')}${req.originalUrl}`),
        );
      } catch (error) {
        return failed(`${provider.label} sign-in failed: ${(error as Error).message}`);
      }
      const result = await staffService.loginByEmail(email);
      if (!result) return failed(`${email} has no Waymark account; ask your school admin`);
      res.setHeader('Set-Cookie', sessionCookie(result.sessionToken, secureCookies));
      res.redirect('/');
    }),
  );
  // Slows guessing from one address; the per-account lockout in StaffService stops it across addresses.
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { error: 'too many sign-in attempts from this address; wait 15 minutes' },
  });

  route(
    authContract.login,
    'public',
    async ({ body: { email, password }, res }) => {
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
      return { staff: result.staff };
    },
    { before: [loginLimiter] },
  );

  route(authContract.logout, 'public', async ({ req, res }) => {
    await staffService.logout(readSessionCookie(req.get('cookie')));
    res.setHeader('Set-Cookie', clearedSessionCookie(secureCookies));
    return OK;
  });

  route(authContract.me, 'signed-in', async ({ who }) => ({ staff: who }));
  return router;
}
