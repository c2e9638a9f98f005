import { parse, serialize } from 'cookie';
import { SESSION_MAX_MS } from '../features/auth-and-accounts';

export const SESSION_COOKIE = 'waymark_session';

export function readSessionCookie(header: string | undefined): string | undefined {
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/** httpOnly (no script can read it), SameSite=Strict (never sent cross-site), Secure behind HTTPS. */
export function sessionCookie(token: string, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: SESSION_MAX_MS / 1000,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: 0 });
}
