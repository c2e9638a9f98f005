import fs from 'node:fs';
import { createAdapter } from '@socket.io/postgres-adapter';
import { createApplication } from './app';
import { loadConfig } from './config';
import { createJobLeases } from './db/job-lease';
import { openDatabase } from './db/open-database';
import { createMailer } from './features/alerts/mailer';
import { oidcProvidersFromEnv } from './features/auth-and-accounts/oidc';
import { sendWeeklyDigests } from './features/reports/weekly-digest';
import { DEMO_ACCOUNTS, DEMO_ENROLLMENT_TOKENS, DEMO_PASSWORD, seedDemoSchool } from './seed/demo-school';

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.pgPoolSize,
});
const seeded = config.seedDemo
  ? await database.exclusive(() => seedDemoSchool(database.db, config.demoCountry))
  : false;
const mailer = createMailer(config.smtpUrl);
const application = createApplication({
  db: database.db,
  mailer,
  publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  oidcProviders: oidcProvidersFromEnv(process.env),
  uiDir: config.uiDir,
  secureCookies: config.secureCookies,
  trustProxy: config.trustProxy,
  releasesDir: config.releasesDir,
  // With PostgreSQL, every process of the deployment shares rooms and broadcasts through it: a
  // teacher on one process sees the events of devices connected to another.
  adapter: database.pool
    ? createAdapter(database.pool, {
        errorHandler: (error) => console.error('waymark: Socket.IO adapter:', error.message),
      })
    : undefined,
});
const port = await application.listen(config.port, config.host);
const url = `http://localhost:${port}`;

console.log(`
Waymark console server is running.

  Console:     ${url}
  Database:    ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL), shared with any other Waymark processes on it'}${seeded ? ' (demo school created)' : ''}
  Extension:   ${config.extensionDir}${fs.existsSync(config.extensionDir) ? '' : ' (not built yet: npm run build)'}
               load it at chrome://extensions → Developer mode → Load unpacked
  Enrollment:  ${DEMO_ENROLLMENT_TOKENS.year2} (Year 2, KS1; the demo extension build uses it)
  E-mail:      ${mailer.configured ? 'alerts and weekly digests by SMTP' : 'none (set WAYMARK_SMTP_URL for alert and digest e-mails)'}

  Demo sign-ins (password "${DEMO_PASSWORD}"):
${DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(13)} ${a.email}`).join('\n')}
`);

// Scheduled jobs run on one process of the deployment at a time (each holds a lease on the job
// that it renews at every run; another process takes over when it stops).
const jobs = createJobLeases(database.db);
function schedule(name: string, everyMs: number, job: () => Promise<unknown>, atStart = false) {
  const run = () =>
    jobs
      .runExclusive(name, 2 * everyMs, job)
      .catch((error: unknown) => console.error(`waymark: ${name} failed`, error));
  if (atStart) void run();
  setInterval(() => void run(), everyMs).unref();
}

// The weekly digest goes to each school's DSLs on Monday; checked hourly, sent once per week.
schedule('weekly-digest', 60 * 60 * 1000, () =>
  sendWeeklyDigests({ db: database.db, mailer, reports: application.services.reportService }),
);
// Devices silent during school hours raise tamper; checked every minute.
schedule('silent-devices', 60_000, () => application.services.checkSilentDevices());
// Retention: events older than each school's period are purged daily (and at start), and logged.
schedule('retention', 24 * 60 * 60 * 1000, () => application.services.dataProtection.purgeExpired(), true);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`waymark: ${signal}, stopping`);
  await application.close();
  await jobs.release().catch(() => {});
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
