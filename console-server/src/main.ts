import fs from 'node:fs';
import { createApplication } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { openClusterAdapter } from './sockets/cluster-adapter';
import { startScheduledJobs } from './jobs/scheduled-jobs';
import { createMailer } from './features/alerts';
import { oidcProvidersFromEnv } from './features/auth-and-accounts';
import { DEMO_ACCOUNTS, DEMO_ENROLLMENT_TOKENS, DEMO_PASSWORD, seedDemoSchool } from './seed/demo-school';

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.pgPoolSize,
  loadDataDir: config.pgliteTemplate,
});
const seeded = config.seedDemo
  ? await database.exclusive(() => seedDemoSchool(database.db, config.demoCountry))
  : false;
const mailer = createMailer(config.smtpUrl);
// Every process of the deployment shares rooms and broadcasts: a teacher on one process sees the
// events of devices connected to another.
const cluster = await openClusterAdapter({
  redisUrl: config.redisUrl,
  redisStream: config.redisStream,
  pool: database.pool,
});
const application = createApplication({
  db: database.db,
  mailer,
  publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  oidcProviders: oidcProvidersFromEnv(process.env),
  uiDir: config.uiDir,
  secureCookies: config.secureCookies,
  trustProxy: config.trustProxy,
  releasesDir: config.releasesDir,
  adapter: cluster.adapter,
});
const port = await application.listen(config.port, config.host);
const url = `http://localhost:${port}`;

console.log(`
Waymark console server is running.

  Console:     ${url}
  Database:    ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL), shared with any other Waymark processes on it'}${seeded ? ' (demo school created)' : ''}
  Processes:   ${cluster.kind === 'redis' ? `share rooms through Redis (REDIS_URL, stream "${config.redisStream}")` : cluster.kind === 'postgres' ? 'share rooms through PostgreSQL (set REDIS_URL to use Redis)' : 'one (PGlite)'}
  Extension:   ${config.extensionDir}${fs.existsSync(config.extensionDir) ? '' : ' (not built yet: npm run build)'}
               load it at chrome://extensions → Developer mode → Load unpacked
  Enrollment:  ${DEMO_ENROLLMENT_TOKENS.year2} (Year 2, KS1; the demo extension build uses it)
  E-mail:      ${mailer.configured ? 'alerts and weekly digests by SMTP' : 'none (set WAYMARK_SMTP_URL for alert and digest e-mails)'}

  Demo sign-ins (password "${DEMO_PASSWORD}"):
${DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(13)} ${a.email}`).join('\n')}
`);

const jobs = startScheduledJobs({
  db: database.db,
  mailer,
  services: application.services,
  consoleUrl: application.publicUrl,
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`waymark: ${signal}, stopping`);
  await application.close();
  await jobs.stop().catch(() => {});
  await cluster.close().catch(() => {});
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
