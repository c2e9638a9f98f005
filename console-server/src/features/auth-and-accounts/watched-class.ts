import type { Request } from 'express';
import type { Capability, Staff } from '@waymark/shared';
import type { AccessCheck } from '../../http/contract-route';
import { HttpError, requireCapability } from '../../http/middleware';
import type { StaffService } from './staff-service';

/**
 * The check of every route under `/api/classes/:classId/…` that a class's teachers and the DSL use:
 * the capability (401/403), then a class the caller may watch, else 404 "no such class" — the same
 * answer for a class that does not exist and one that is not theirs, so ids cannot be probed
 * (docs/architecture.md, "Declaring an HTTP endpoint").
 */
export async function watchedClass(
  req: Request,
  staffService: Pick<StaffService, 'canWatchClass'>,
  capability: Capability,
): Promise<{ who: Staff; classId: string }> {
  const who = requireCapability(req, capability);
  const classId = String(req.params.classId);
  if (!(await staffService.canWatchClass(who, classId))) throw new HttpError(404, 'no such class');
  return { who, classId };
}

/** `watchedClass` as a contract route's access: `route(endpoint, watching(staffService, 'lesson-overrides'), …)`. */
export function watching(
  staffService: Pick<StaffService, 'canWatchClass'>,
  capability: Capability,
): AccessCheck {
  return async (req) => (await watchedClass(req, staffService, capability)).who;
}
