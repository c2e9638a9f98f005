import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_SCRIPT = fileURLToPath(new URL('../../extension/scripts/package.ts', import.meta.url));

/** A throwaway signing key (the school's real key never comes near the tests); its ID is not the development ID. */
export function throwawayKey(dir: string, name = 'school-key.pem'): string {
  const file = path.join(dir, name);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return file;
}

/** The smallest MV3 extension the package script will pack. */
export function minimalBuild(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Waymark',
      version: '0.0.1',
      minimum_chrome_version: '120',
      key: 'the development key, replaced when packed',
      background: { service_worker: 'background.js' },
    }),
  );
  fs.writeFileSync(path.join(dir, 'background.js'), 'console.log("waymark");\n');
  return dir;
}

/**
 * Runs `npm run package`'s script for real; rejects with its output when it fails. Asynchronous:
 * a synchronous run stopped this process's event loop for seconds, and the server under test
 * (in this process) then closed its idle keep-alive connection just as fetch reused it (ECONNRESET).
 */
export function runPackageScript(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', PACKAGE_SCRIPT, ...args],
      { encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`package script failed (${error.code}):\n${stderr}${stdout}`));
        else resolve(stdout);
      },
    );
  });
}
