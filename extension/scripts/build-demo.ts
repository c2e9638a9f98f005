// `npm start`'s extension build: the unpacked extension connects to the local demo server with the
// Year 2 class's enrollment token (seeded by the demo school). Production builds (`npm run build`,
// `npm run package`) carry no server and no token: a device gets both from device policy.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

execFileSync('npx', ['wxt', 'build', ...process.argv.slice(2)], {
  cwd: fileURLToPath(new URL('../', import.meta.url)),
  stdio: 'inherit',
  env: {
    ...process.env,
    WXT_SERVER_URL: process.env.WXT_SERVER_URL ?? `http://localhost:${process.env.PORT ?? 8080}`,
    WXT_ENROLLMENT_TOKEN: process.env.WXT_ENROLLMENT_TOKEN ?? 'demo-enrol-year2',
  },
});
