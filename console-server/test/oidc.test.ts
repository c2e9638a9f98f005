import http from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication, seedDemoSchool } from '../src';
import { openTestPglite } from './harness';

/**
 * A real OpenID Connect provider on this machine (oidc-provider, as a school's Google Workspace
 * or Microsoft 365 would be), with its development login and consent pages.
 */
let idp: http.Server;
let idpUrl: string;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  idp = http.createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  idpUrl = `http://127.0.0.1:${(idp.address() as { port: number }).port}`;

  const database = await openTestPglite();
  await seedDemoSchool(database.db);
  const app = createApplication({
    db: database.db,
    oidcProviders: [
      {
        id: 'google',
        label: 'Google',
        issuer: idpUrl,
        clientId: 'waymark',
        clientSecret: 'a-test-secret-that-is-long-enough',
      },
    ],
  });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;

  const provider = new Provider(idpUrl, {
    clients: [
      {
        client_id: 'waymark',
        client_secret: 'a-test-secret-that-is-long-enough',
        redirect_uris: [`${url}/api/auth/oidc/google/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true }) };
    },
  });
  idp.on('request', provider.callback());
  close = async () => {
    await app.close();
    await database.close();
    await new Promise<void>((resolve) => idp.close(() => resolve()));
  };
});
afterAll(() => close());

/** A person at a browser: follows redirects, keeps cookies per host, fills the provider's forms. */
async function signInAs(login: string): Promise<{ finalUrl: string; cookies: Map<string, string> }> {
  const jar = new Map<string, Map<string, string>>();
  const cookieFor = (u: URL) =>
    [...(jar.get(u.host)?.entries() ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  let next = new URL(`${url}/api/auth/oidc/google/start`);
  let method = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    const res = await fetch(next, {
      method,
      redirect: 'manual',
      headers: {
        cookie: cookieFor(next),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      const hostJar = jar.get(next.host) ?? new Map<string, string>();
      hostJar.set(k!.trim(), v.join('='));
      jar.set(next.host, hostJar);
    }
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location')!, next);
      method = 'GET';
      body = undefined;
      if (next.origin === url && !next.pathname.startsWith('/api/'))
        return { finalUrl: next.toString(), cookies: jar.get(next.host) ?? new Map() };
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`stuck at ${next}: ${res.status} ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const [tag] of html.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (name) fields.set(name, /value="([^"]*)"/.exec(tag)?.[1] ?? '');
    }
    if (fields.has('login')) fields.set('login', login);
    if (fields.has('password')) fields.set('password', 'anything');
    next = new URL(action.replaceAll('&amp;', '&'), next);
    method = 'POST';
    body = fields.toString();
  }
  throw new Error('too many steps');
}

describe('single sign-on with OpenID Connect', () => {
  it('lists the configured providers for the sign-in page', async () => {
    expect(await (await fetch(`${url}/api/auth/providers`)).json()).toEqual({
      providers: [{ id: 'google', label: 'Google' }],
    });
  });

  it('a teacher signs in with the school account and gets a session', async () => {
    const { finalUrl, cookies } = await signInAs('teacher@demo.waymark.test');
    expect(decodeURIComponent(finalUrl)).toBe(`${url}/`);
    const session = cookies.get('waymark_session');
    expect(session).toBeTruthy();
    const me = await fetch(`${url}/api/auth/me`, { headers: { cookie: `waymark_session=${session}` } });
    expect(await me.json()).toMatchObject({ staff: { email: 'teacher@demo.waymark.test', role: 'teacher' } });
  });

  it('an account the school has not created is refused with a reason', async () => {
    const { finalUrl, cookies } = await signInAs('stranger@example.com');
    expect(decodeURIComponent(finalUrl)).toContain(
      '/sign-in?error=stranger@example.com has no Waymark account',
    );
    expect(cookies.has('waymark_session')).toBe(false);
  });

  it('a replayed or forged callback is refused', async () => {
    const res = await fetch(`${url}/api/auth/oidc/google/callback?code=abc&state=forged`, {
      redirect: 'manual',
    });
    expect(decodeURIComponent(res.headers.get('location')!)).toContain('expired or was already used');
    expect((await fetch(`${url}/api/auth/oidc/nope/start`)).status).toBe(404);
  });
});
