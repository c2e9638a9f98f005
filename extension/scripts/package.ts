// `npm run package`: production builds of the extension for Chrome and Edge, packed for the stores
// (zip) and for self-hosting (CRX3 signed with the school's key). See docs/deploy.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packExtension, type Browser, type Packed } from './pack-extension';
import { createSigningKey, loadSigningKey } from './signing-key';

const EXTENSION_DIR = fileURLToPath(new URL('../', import.meta.url));
const REPO_ROOT = path.resolve(EXTENSION_DIR, '..');
const DEVELOPMENT_ID = 'kpibmoodjikkppkgpkmppfbpcedhpdbl';

const USAGE = `Usage: npm run package -- --key <school-key.pem> [options]

Builds Waymark for Chrome and Edge and writes, for each browser, to the releases folder:
  waymark-<version>-<browser>.zip   for the Chrome Web Store or Edge Add-ons
  waymark-<version>-<browser>.crx   signed with the school's key, served by the console server
                                    to devices as /extension/update.xml (publishing = writing here)

Options:
  --key <file>         the school's private signing key (PEM); or set WAYMARK_SIGNING_KEY.
                       The extension ID comes from this key: sign every version with the same key.
  --new-key <file>     first time only: create the school's key at <file> (outside the repository,
                       never overwritten) and sign with it. Back it up: a lost key means a new ID.
  --out <dir>          where to write (default: releases/ at the repository root, which the
                       console server serves; or set WAYMARK_RELEASES_DIR)
  --browsers <list>    chrome,edge (default: both)
  --version <x.y.z>    the version to stamp (default: the root package.json's version)
  --update-url <url>   write update_url into the CRX manifest, e.g.
                       https://waymark.school.example/extension/update.xml (needed when the Google
                       Admin console installs it "from a custom URL")
  --no-build           package the existing builds in extension/.output
  --build-dir <dir>    package this folder instead of a WXT build (one browser)
  -h, --help           this text
`;

/** Chrome's version format: one to four numbers 0–65535, separated by dots. */
function checkVersion(version: string): string {
  const parts = version.split('.');
  if (parts.length > 4 || parts.some((p) => !/^(0|[1-9]\d{0,4})$/.test(p) || Number(p) > 65535)) {
    throw new Error(`"${version}" is not an extension version (one to four numbers 0–65535, e.g. 1.4.2)`);
  }
  return version;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      key: { type: 'string' },
      'new-key': { type: 'string' },
      out: { type: 'string' },
      browsers: { type: 'string', default: 'chrome,edge' },
      version: { type: 'string' },
      'update-url': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'build-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const browsers = values.browsers.split(',').map((b) => b.trim());
  for (const b of browsers)
    if (b !== 'chrome' && b !== 'edge') throw new Error(`unknown browser "${b}" (chrome, edge)`);
  if (values['build-dir'] && browsers.length !== 1)
    throw new Error('--build-dir packs one browser: give --browsers too');
  const updateUrl = values['update-url'];
  if (updateUrl && !/^https?:\/\/\S+$/.test(updateUrl))
    throw new Error('--update-url must be an http(s) URL');

  const keyPath = values.key ?? process.env.WAYMARK_SIGNING_KEY;
  if (values['new-key'] && keyPath) throw new Error('give --key or --new-key, not both');
  if (!values['new-key'] && !keyPath) {
    throw new Error(
      "no signing key: give the school's key with --key <file> or WAYMARK_SIGNING_KEY (first time: --new-key <file>)",
    );
  }
  const key = values['new-key'] ? createSigningKey(values['new-key'], REPO_ROOT) : loadSigningKey(keyPath!);

  const rootPackage = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const version = checkVersion(values.version ?? rootPackage.version);
  const outDir = path.resolve(
    values.out ?? process.env.WAYMARK_RELEASES_DIR ?? path.join(REPO_ROOT, 'releases'),
  );

  const packed: Packed[] = [];
  for (const browser of browsers as Browser[]) {
    const buildDir = values['build-dir']
      ? path.resolve(values['build-dir'])
      : path.join(EXTENSION_DIR, '.output', `${browser}-mv3`);
    if (!values['no-build'] && !values['build-dir']) {
      process.stderr.write(`waymark package: production build for ${browser}…\n`);
      execFileSync('npx', ['wxt', 'build', '-b', browser], {
        cwd: EXTENSION_DIR,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    packed.push(
      await packExtension({ buildDir, browser, version, key, outDir, ...(updateUrl ? { updateUrl } : {}) }),
    );
  }

  const lines = [
    `Waymark ${version}, signed with ${key.path}`,
    `Extension ID: ${key.extensionId}${key.extensionId === DEVELOPMENT_ID ? ' (the development key)' : ' (the development build is ' + DEVELOPMENT_ID + ')'}`,
    ...packed.flatMap((p) => [`  ${p.browser.padEnd(6)} ${p.crx}`, `  ${' '.repeat(6)} ${p.zip}`]),
    `The console server serves the .crx files in ${outDir} (WAYMARK_RELEASES_DIR) at /extension/update.xml;`,
    'devices on an older version take the update at their next check. Generate device policies in the',
    'console (Devices › Deploy) or with "npx waymark deploy-policy": they name this ID.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`waymark package: ${(error as Error).message}\n\n${USAGE}`);
  process.exitCode = 1;
});
