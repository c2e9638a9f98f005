import fs from 'node:fs';
import { createApplication } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { createMailer } from './alerts/mailer';
import { oidcProvidersFromEnv } from './auth/oidc';
import { sendWeeklyDigests } from './reports/weekly-digest';
import { DEMO_ACCOUNTS, DEMO_ENROLLMENT_TOKENS, DEMO_PASSWORD, seedDemoSchool } from './seed/demo-school';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const seeded = config.seedDemo ? await seedDemoSchool(database.db) : false;
const mailer = createMailer(config.smtpUrl);
const application = createApplication({
  db: database.db,
  mailer,
  publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  oidcProviders: oidcProvidersFromEnv(process.env),
  uiDir: config.uiDir,
  secureCookies: config.secureCookies,
  trustProxy: config.trustProxy,
});
const port = await application.listen(config.port, config.host);
const url = `http://localhost:${port}`;

console.log(`
Waymark console server is running.

  Console:     ${url}
  Database:    ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}${seeded ? ' (demo school created)' : ''}
  Extension:   ${config.extensionDir}${fs.existsSync(config.extensionDir) ? '' : ' (not built yet: npm run build)'}
               load it at chrome://extensions → Developer mode → Load unpacked
  Enrollment:  ${DEMO_ENROLLMENT_TOKENS.year2} (Year 2, KS1; the demo extension build uses it)
  E-mail:      ${mailer.configured ? 'alerts and weekly digests by SMTP' : 'none (set WAYMARK_SMTP_URL for alert and digest e-mails)'}

  Demo sign-ins (password "${DEMO_PASSWORD}"):
${DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(10)} ${a.email}`).join('\n')}
`);

// The weekly digest goes to each school's DSLs on Monday; checked hourly, sent once per week.
const digestTimer = setInterval(
  () => {
    sendWeeklyDigests({ db: database.db, mailer, reports: application.services.reportService }).catch(
      (error) => console.error('waymark: weekly digest failed', error),
    );
  },
  60 * 60 * 1000,
);
digestTimer.unref();

// Devices silent during school hours raise tamper; checked every minute.
setInterval(() => {
  application.services
    .checkSilentDevices()
    .catch((error: unknown) => console.error('waymark: silent-device check failed', error));
}, 60_000).unref();

// Retention: events older than each school's period are purged daily (and at start), and logged.
const purge = () =>
  application.services.dataProtection
    .purgeExpired()
    .catch((error: unknown) => console.error('waymark: retention purge failed', error));
void purge();
setInterval(() => void purge(), 24 * 60 * 60 * 1000).unref();

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`waymark: ${signal}, stopping`);
  await application.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
