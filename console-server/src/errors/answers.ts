import type { RefusalCode } from '@waymark/shared';
import { DomainError, type DomainErrorCode } from './domain-error';

/** The one place a domain error's code becomes an HTTP status. */
const HTTP_STATUS: Record<DomainErrorCode, number> = {
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  invalid: 400,
  'illegal-category': 403,
};

/** The HTTP answer to a service's refusal; null for anything else (the error handler decides). */
export function httpAnswer(
  error: unknown,
): { status: number; body: { error: string; code: RefusalCode } } | null {
  if (!(error instanceof DomainError)) return null;
  return { status: HTTP_STATUS[error.code], body: { error: error.message, code: error.code } };
}

/** The socket ack for a failed console request: a refusal says why, anything else is logged. */
export function refusalAck(error: unknown, what: string): { ok: false; error: string; code: RefusalCode } {
  if (error instanceof DomainError) return { ok: false, error: error.message, code: error.code };
  console.error(`waymark: ${what}`, error);
  return { ok: false, error: 'internal error', code: 'internal' };
}
