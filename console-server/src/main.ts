import fs from 'node:fs';
import { createApplication } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { DEMO_ACCOUNTS, DEMO_ENROLLMENT_TOKENS, DEMO_PASSWORD, seedDemoSchool } from './seed/demo-school';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const seeded = config.seedDemo ? await seedDemoSchool(database.db) : false;
const application = createApplication({
  db: database.db,
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

  Demo sign-ins (password "${DEMO_PASSWORD}"):
${DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(10)} ${a.email}`).join('\n')}
`);

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
