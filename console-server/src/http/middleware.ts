import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { can, type Capability, describeZodError, isSafeText, type Staff } from '@waymark/shared';
import type { StaffService } from '../features/auth-and-accounts';
import { httpAnswer } from '../errors/answers';
import { sameOrigin } from './origin';
import { readSessionCookie } from './session-cookie';

declare module 'express-serve-static-core' {
  interface Request {
    staff?: Staff;
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A stable name for the refusal, for clients that act on it (the message is for people). */
    readonly code?: string,
    /** More for the client, sent beside `error` and `code` (a refused import's wrong lines). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Express 5 forwards rejected promises to the error handler; this keeps handlers one line. */
export const handle =
  (fn: (req: Request, res: Response) => Promise<unknown>): RequestHandler =>
  (req, res, next) =>
    fn(req, res).catch(next);

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, describeZodError(result.error));
  return result.data;
}

/**
 * CSRF: state-changing API calls must carry `X-Requested-With: waymark` (a custom header a
 * cross-site form or image cannot send, and no CORS is offered) and, when the browser sends one,
 * an Origin that is the console's own (see `sameOrigin`). Together with SameSite=Strict cookies.
 */
export function csrfGuard({ publicUrl }: { publicUrl?: string } = {}): RequestHandler {
  return (req, _res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    if (req.get('x-requested-with') !== 'waymark') {
      return next(new HttpError(403, 'missing X-Requested-With: waymark header (CSRF protection)'));
    }
    const origin = req.get('origin');
    if (origin !== undefined && !sameOrigin(origin, req.get('host'), publicUrl)) {
      return next(new HttpError(403, `cross-site request from ${JSON.stringify(origin)} refused`));
    }
    next();
  };
}

export function authenticate(staffService: StaffService): RequestHandler {
  return (req, _res, next) => {
    staffService.staffForSession(readSessionCookie(req.get('cookie'))).then((who) => {
      if (who) req.staff = who;
      next();
    }, next);
  };
}

export function requireStaff(req: Request): Staff {
  if (!req.staff) throw new HttpError(401, 'sign in first');
  return req.staff;
}

export function requireCapability(req: Request, capability: Capability): Staff {
  const who = requireStaff(req);
  if (!can(who.role, capability)) throw new HttpError(403, `your role (${who.role}) cannot ${capability}`);
  return who;
}

export function errorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction) {
  const refusal = httpAnswer(error);
  if (refusal) return res.status(refusal.status).json(refusal.body);
  if (error instanceof HttpError)
    return res
      .status(error.status)
      .json({ error: error.message, ...(error.code ? { code: error.code } : {}), ...error.detail });
  const status =
    (error as { status?: number; statusCode?: number }).status ??
    (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // body-parser's errors: malformed JSON, body too large, wrong charset.
    return res.status(status).json({ error: (error as Error).message });
  }
  console.error('waymark: unhandled error', error);
  res.status(500).json({ error: 'internal error; it has been logged' });
}

/**
 * Ids in the address and the query string are text like any other: a NUL or half a surrogate
 * pair is a 400 here, before a handler passes it to the database (which refuses it with a 500).
 */
export const safeAddress: RequestHandler = (req, _res, next) => {
  const query = req.originalUrl.indexOf('?');
  let parts: string[];
  try {
    parts = [
      decodeURIComponent(req.path),
      ...(query === -1 ? [] : [...new URLSearchParams(req.originalUrl.slice(query + 1))].flat()),
    ];
  } catch {
    return next(new HttpError(400, 'the address is not valid (a malformed %-escape)'));
  }
  if (!parts.every(isSafeText))
    return next(new HttpError(400, 'the address contains a NUL character or an unpaired surrogate'));
  next();
};
