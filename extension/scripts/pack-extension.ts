import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import crx3 from 'crx3';
import { ZipFile } from 'yazl';
import type { SigningKey } from './signing-key';

export type Browser = 'chrome' | 'edge';

interface PackOptions {
  /** The browser's production build (WXT's .output/<browser>-mv3). */
  buildDir: string;
  browser: Browser;
  version: string;
  key: SigningKey;
  outDir: string;
  /** Written into the CRX's manifest: where installs outside policy control look for updates. */
  updateUrl?: string;
}

export interface Packed {
  browser: Browser;
  crx: string;
  zip: string;
  extensionId: string;
}

/** Same files in the same order with the same dates: the same build packs to the same bytes. */
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function zipOf(buildDir: string, manifest: Record<string, unknown>): ZipFile {
  const zip = new ZipFile();
  for (const name of filesUnder(buildDir)) {
    if (name === 'manifest.json') continue;
    zip.addFile(path.join(buildDir, name), name, { mtime: FIXED_DATE, mode: 0o100644 });
  }
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', {
    mtime: FIXED_DATE,
    mode: 0o100644,
  });
  zip.end();
  return zip;
}

/**
 * Packs one browser's build twice:
 * - `waymark-<version>-<browser>.zip` for the Chrome Web Store or Edge Add-ons: no `key` (the
 *   store assigns the ID) and no `update_url` (the store updates it);
 * - `waymark-<version>-<browser>.crx`, a CRX3 signed with the school's key, whose public half is
 *   the manifest's `key`, so the ID is the same however the package is installed.
 */
export async function packExtension(options: PackOptions): Promise<Packed> {
  const { buildDir, browser, version, key, outDir } = options;
  const manifestPath = path.join(buildDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`no build at ${buildDir} (no manifest.json)`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `waymark-${version}-${browser}`);

  const { key: _developmentKey, update_url: _updateUrl, ...storeManifest } = manifest;
  await pipeline(
    zipOf(buildDir, { ...storeManifest, version }).outputStream,
    fs.createWriteStream(`${base}.zip`),
  );

  const crxManifest = {
    ...storeManifest,
    version,
    key: key.publicKeyBase64,
    ...(options.updateUrl ? { update_url: options.updateUrl } : {}),
  };
  // Written beside the final name and renamed, so a server reading the folder never sees half a package.
  const partial = `${base}.crx.partial`;
  const { appId } = await crx3(zipOf(buildDir, crxManifest).outputStream, {
    keyPath: key.path,
    crxPath: partial,
  });
  if (appId !== key.extensionId) throw new Error(`crx3 signed as ${appId}, expected ${key.extensionId}`);
  fs.renameSync(partial, `${base}.crx`);
  return { browser, crx: `${base}.crx`, zip: `${base}.zip`, extensionId: appId };
}
