import type { ClassSummary, Staff } from '@waymark/shared';

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
  me: () => api<{ staff: Staff }>('/api/auth/me').then((r) => r.staff),
  login: (email: string, password: string) =>
    api<{ staff: Staff }>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) }),
  logout: () => api('/api/auth/logout', { method: 'POST' }),
  providers: () =>
    api<{ providers: Array<{ id: string; label: string }> }>('/api/auth/providers').then((r) => r.providers),
  classes: () => api<{ classes: ClassSummary[] }>('/api/classes').then((r) => r.classes),
};
