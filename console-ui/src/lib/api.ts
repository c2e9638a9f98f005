import { authContract, classesContract } from '@waymark/shared';
import { call } from './call';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** JSON over fetch, with the header the server's CSRF guard asks for and the server's error message. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark', ...init.headers },
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? `request failed (${res.status})`);
  return body as T;
}

export const endpoints = {
  me: () => call(authContract.me).then((r) => r.staff),
  login: (email: string, password: string) => call(authContract.login, { body: { email, password } }),
  logout: () => call(authContract.logout),
  providers: () => call(authContract.providers).then((r) => r.providers),
  classes: () => call(classesContract.list).then((r) => r.classes),
};
