import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface ServerConfig {
  port: number;
  host: string;
  /** PGlite data folder; ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * A PGlite dump (`dumpDataDir`) that a new PGlite data folder starts from instead of an empty
   * database; the migrations run after it as always. The tests name their migrated template here.
   */
  pgliteTemplate: string | undefined;
  /** Connections per process to PostgreSQL (DATABASE_URL); one more is held by the Socket.IO adapter. */
  pgPoolSize: number;
  /**
   * Redis for the Socket.IO adapter (`REDIS_URL`): the processes of a deployment share rooms and
   * broadcasts through a Redis stream instead of PostgreSQL's NOTIFY.
   */
  redisUrl: string | undefined;
  /** The Redis stream's name: one per deployment sharing a Redis server. */
  redisStream: string;
  /** Built console UI to serve at `/`. */
  uiDir: string;
  /** Built extension, printed at start-up for loading unpacked. */
  extensionDir: string;
  /** Signed extension packages the server offers devices as updates (`npm run package` writes here). */
  releasesDir: string;
  secureCookies: boolean;
  trustProxy: boolean;
  seedDemo: boolean;
  /** `wales` seeds a Welsh demo school (Hwb, Welsh pupils' pages, Meic first); default england. */
  demoCountry: 'england' | 'wales';
  /** SMTP server for alerts and weekly digests, e.g. smtp://user:pass@mail.school.example:587. */
  smtpUrl: string | undefined;
  /** Where staff reach the console (links in e-mails). */
  publicUrl: string | undefined;
}

function demoCountry(value: string | undefined): 'england' | 'wales' {
  if (value === undefined || value === '' || value === 'england') return 'england';
  if (value === 'wales') return 'wales';
  throw new Error(`WAYMARK_DEMO_COUNTRY must be england or wales, not ${JSON.stringify(value)}`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.WAYMARK_DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteTemplate: env.WAYMARK_PGLITE_TEMPLATE ? path.resolve(env.WAYMARK_PGLITE_TEMPLATE) : undefined,
    pgPoolSize: Number(env.WAYMARK_PG_POOL_SIZE ?? 20),
    redisUrl: env.REDIS_URL || undefined,
    redisStream: env.WAYMARK_REDIS_STREAM || 'waymark',
    uiDir: path.resolve(env.WAYMARK_UI_DIR ?? path.join(repoRoot, 'console-ui/dist')),
    extensionDir: path.resolve(
      env.WAYMARK_EXTENSION_DIR ?? path.join(repoRoot, 'extension/.output/chrome-mv3'),
    ),
    releasesDir: path.resolve(env.WAYMARK_RELEASES_DIR ?? path.join(repoRoot, 'releases')),
    secureCookies: env.WAYMARK_SECURE_COOKIES === 'true',
    trustProxy: env.WAYMARK_TRUST_PROXY === 'true',
    seedDemo: env.WAYMARK_SEED_DEMO !== 'false',
    demoCountry: demoCountry(env.WAYMARK_DEMO_COUNTRY),
    smtpUrl: env.WAYMARK_SMTP_URL || undefined,
    publicUrl: env.WAYMARK_PUBLIC_URL || undefined,
  };
}
