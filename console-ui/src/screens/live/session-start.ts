import { ApiError } from '../../lib/api';

/**
 * The server's sentence when starting a session now would overlap one planned for the group (409,
 * naming it), so the teacher may replace the plan or keep it; null for any other outcome.
 */
export function plannedOverlap(error: unknown): string | null {
  return error instanceof ApiError && error.status === 409 ? error.message : null;
}
