import { and, eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Database } from '../../db/open-database';
import { oidcStates } from '../../db/schema';

/** A school's identity provider (Google Workspace, Microsoft 365), configured by environment. */
export interface OidcProviderConfig {
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const STATE_TTL_MS = 10 * 60 * 1000;

/** Reads WAYMARK_OIDC_GOOGLE_* and WAYMARK_OIDC_MICROSOFT_* (ISSUER, CLIENT_ID, CLIENT_SECRET). */
export function oidcProvidersFromEnv(env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const known = [
    { id: 'google', label: 'Google', defaultIssuer: 'https://accounts.google.com' },
    { id: 'microsoft', label: 'Microsoft', defaultIssuer: undefined },
  ];
  return known.flatMap(({ id, label, defaultIssuer }) => {
    const prefix = `WAYMARK_OIDC_${id.toUpperCase()}_`;
    const issuer = env[`${prefix}ISSUER`] ?? defaultIssuer;
    const clientId = env[`${prefix}CLIENT_ID`];
    const clientSecret = env[`${prefix}CLIENT_SECRET`];
    return issuer && clientId && clientSecret ? [{ id, label, issuer, clientId, clientSecret }] : [];
  });
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * OpenID Connect sign-in (authorization code with PKCE, state and nonce) with openid-client. The
 * state lives in the database, so any server process can finish a sign-in another one started.
 */
export function createOidc(deps: { db: Database; providers: OidcProviderConfig[] }) {
  const configs = new Map<string, Promise<client.Configuration>>();

  function configuration(provider: OidcProviderConfig) {
    let config = configs.get(provider.id);
    if (!config) {
      const issuer = new URL(provider.issuer);
      // Plain http only for an identity provider on this machine (tests, a lab).
      const options =
        issuer.protocol === 'http:' && isLoopback(issuer)
          ? { execute: [client.allowInsecureRequests] }
          : undefined;
      config = client.discovery(issuer, provider.clientId, provider.clientSecret, undefined, options);
      config.catch(() => configs.delete(provider.id));
      configs.set(provider.id, config);
    }
    return config;
  }

  const find = (id: string) => deps.providers.find((p) => p.id === id);

  return {
    providers: () => deps.providers.map(({ id, label }) => ({ id, label })),
    find,

    async start(provider: OidcProviderConfig, redirectUri: string): Promise<string> {
      const config = await configuration(provider);
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await deps.db.delete(oidcStates).where(lt(oidcStates.createdAt, new Date(Date.now() - STATE_TTL_MS)));
      await deps.db.insert(oidcStates).values({ state, provider: provider.id, codeVerifier, nonce });
      return client
        .buildAuthorizationUrl(config, {
          redirect_uri: redirectUri,
          scope: 'openid email profile',
          code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        })
        .toString();
    },

    /** Finishes a sign-in; returns the verified e-mail address, or throws with a reason. */
    async finish(provider: OidcProviderConfig, callbackUrl: URL): Promise<string> {
      const state = callbackUrl.searchParams.get('state') ?? '';
      const [pending] = await deps.db
        .delete(oidcStates)
        .where(and(eq(oidcStates.state, state), eq(oidcStates.provider, provider.id)))
        .returning();
      if (!pending || Date.now() - pending.createdAt.getTime() > STATE_TTL_MS) {
        throw new Error('this sign-in link has expired or was already used; start again');
      }
      const config = await configuration(provider);
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('the identity provider sent no ID token');
      // Some providers put the e-mail in the ID token, others only in userinfo.
      const claims =
        typeof idClaims.email === 'string'
          ? idClaims
          : await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
      if (!email) throw new Error('the identity provider did not give an e-mail address');
      if (claims.email_verified === false)
        throw new Error('the identity provider has not verified this e-mail address');
      return email;
    },
  };
}
export type Oidc = ReturnType<typeof createOidc>;
