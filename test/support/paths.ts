import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXTENSION_DIR = fileURLToPath(new URL('../../extension/.output/chrome-mv3/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The extension's ID, fixed by the `key` in extension/wxt.config.ts. */
export const EXTENSION_ID = 'kpibmoodjikkppkgpkmppfbpcedhpdbl';

export function requireBuiltExtension(): void {
  if (!fs.existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`the extension is not built (${EXTENSION_DIR}); run "npm run build" first`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}; apt-get install -y chromium`);
}
