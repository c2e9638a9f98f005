import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
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

/** Runs `npm run package`'s script for real; throws with its output when it fails. */
/**
 * Runs the packaging script in a child process without blocking the event loop (the test's own
 * server keeps answering; a blocked loop left its keep-alive sockets to be reset under the client).
 */
export async function runPackageScript(args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', PACKAGE_SCRIPT, ...args], {
      encoding: 'utf8',
    });
    return stdout;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`package script failed (${failed.code}):\n${failed.stderr ?? ''}${failed.stdout ?? ''}`);
  }
}
