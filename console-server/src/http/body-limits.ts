import express, { type RequestHandler } from 'express';
import { can, type Capability } from '@waymark/shared';
import { HttpError } from './middleware';

/** Routes whose bodies may be large (lists and MIS exports), and who may send them. */
const IMPORTS: ReadonlyArray<{ path: string; capability: Capability; limit: string }> = [
  // UT1's adult list is tens of megabytes.
  { path: '/api/policies/category-lists/import', capability: 'edit-policies', limit: '60mb' },
  { path: '/api/policies/keyword-lists/import', capability: 'edit-policies', limit: '60mb' },
  { path: '/api/classes/import', capability: 'manage-classes', limit: '25mb' },
  // A OneRoster bundle (its ZIP in base64, or its files) and the timetable, previewed then applied.
  { path: '/api/roster/oneroster/preview', capability: 'manage-classes', limit: '60mb' },
  { path: '/api/roster/oneroster/apply', capability: 'manage-classes', limit: '60mb' },
  { path: '/api/roster/timetable/preview', capability: 'manage-classes', limit: '25mb' },
  { path: '/api/roster/timetable/apply', capability: 'manage-classes', limit: '25mb' },
];

/** A profile edited by hand (its own allow and block lists; category lists are imported). */
const POLICY_EDIT = { path: /^\/api\/policies\/[^/]+$/, limit: '2mb' };
const SIGN_IN = { path: '/api/auth/', limit: '8kb' };
const DEFAULT_LIMIT = '64kb';

const HAS_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * An answer before any of the body is read: the connection is closed rather than drained, so a
 * refused upload costs neither memory nor parsing.
 */
function refuse(error: HttpError): RequestHandler {
  return (_req, res, next) => {
    res.set('Connection', 'close');
    next(error);
  };
}

/**
 * Bodies are read only after the caller is known (`authenticate` and the CSRF guard run first):
 * a caller who is not signed in reaches no parser but sign-in's; each route gets the smallest
 * limit it needs, and the large ones only for the roles that may import.
 */
export function bodyParsers(): RequestHandler {
  const parsers = new Map<string, RequestHandler>();
  const parser = (limit: string) => {
    let p = parsers.get(limit);
    if (!p) parsers.set(limit, (p = express.json({ limit })));
    return p;
  };
  return (req, res, next) => {
    if (!HAS_BODY.has(req.method)) return next();
    const path = req.baseUrl + req.path;
    if (path.startsWith(SIGN_IN.path)) return parser(SIGN_IN.limit)(req, res, next);
    if (!req.staff) return refuse(new HttpError(401, 'sign in first'))(req, res, next);
    const upload = IMPORTS.find((i) => i.path === path);
    if (upload) {
      if (!can(req.staff.role, upload.capability))
        return refuse(new HttpError(403, `your role (${req.staff.role}) cannot ${upload.capability}`))(
          req,
          res,
          next,
        );
      return parser(upload.limit)(req, res, next);
    }
    return parser(POLICY_EDIT.path.test(path) ? POLICY_EDIT.limit : DEFAULT_LIMIT)(req, res, next);
  };
}
