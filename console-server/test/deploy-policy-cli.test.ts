import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parsePlist } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_EXTENSION_ID } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { main } from '../src/cli/main';
import { minimalBuild, runPackageScript, throwawayKey } from './deploy-fixture';

const BIN = fileURLToPath(new URL('../bin/waymark.js', import.meta.url));

let dir: string;
let releases: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-deploy-cli-'));
  releases = path.join(dir, 'releases');
  await runPackageScript([
    '--key',
    throwawayKey(dir),
    '--out',
    releases,
    '--build-dir',
    minimalBuild(path.join(dir, 'build')),
    '--browsers',
    'chrome',
    '--version',
    '2.0.0',
  ]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: Buffer[] = [];
  let stderr = '';
  const io = {
    stdout: { write: (t: string | Uint8Array) => out.push(Buffer.from(t)) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  const code = await main(['deploy-policy', ...args], io);
  return { code, stdout: Buffer.concat(out), stderr };
}

describe('waymark deploy-policy', () => {
  it('without a server URL or token, writes the demo school’s Chrome on Linux policy to standard output', async () => {
    const { code, stdout, stderr } = await run(['--target', 'chrome-linux', '--releases-dir', releases]);
    expect(code).toBe(0);
    const policy = JSON.parse(stdout.toString('utf8'));
    const id = Object.keys(policy['3rdparty'].extensions)[0]!;
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(id).not.toBe(DEVELOPMENT_EXTENSION_ID);
    expect(policy.ExtensionInstallForcelist).toEqual([`${id};http://localhost:8080/extension/update.xml`]);
    expect(policy['3rdparty'].extensions[id]).toEqual({
      serverUrl: 'http://localhost:8080',
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    });
    const name = (d: string) => d.replace(/\./g, '\\.').replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
    expect(policy.RestrictSigninToPattern).toBe(
      `.*@(${name('pupils.demo.waymark.test')}|${name('demo.waymark.test')})`,
    );
    expect(stderr).toMatch(/using the demo school’s/);
  });

  it('writes a .reg to standard output as the UTF-16 regedit reads', async () => {
    const { code, stdout } = await run([
      '--target',
      'edge-windows',
      '--server-url',
      'https://waymark.school.example',
      '--token',
      'tok-1',
      '--domain',
      'school.example',
      '--releases-dir',
      releases,
    ]);
    expect(code).toBe(0);
    expect([...stdout.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = stdout.subarray(2).toString('utf16le');
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n\r\n')).toBe(true);
    expect(text).toContain('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge]');
    expect(text).toContain('"enrollmentToken"="tok-1"');
  });

  it('--out writes the file, and a README beside a JSON file explaining every setting', async () => {
    const out = path.join(dir, 'admin.json');
    const { code, stderr } = await run([
      '--target',
      'google-admin',
      '--server-url',
      'https://waymark.school.example',
      '--token',
      'tok-2',
      '--locale',
      'cy',
      '--releases-dir',
      releases,
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual({
      serverUrl: { Value: 'https://waymark.school.example' },
      enrollmentToken: { Value: 'tok-2' },
      locale: { Value: 'cy' },
    });
    const readme = fs.readFileSync(`${out}.README.md`, 'utf8');
    expect(readme).toContain('| DnsOverHttpsMode |');
    expect(readme).toContain('In the Admin console');
    expect(stderr).toMatch(/sign-in is not restricted/);

    const profile = path.join(dir, 'mac.mobileconfig');
    expect((await run(['--target', 'chrome-macos', '--releases-dir', releases, '--out', profile])).code).toBe(
      0,
    );
    expect((parsePlist(fs.readFileSync(profile, 'utf8')) as { PayloadType: string }).PayloadType).toBe(
      'Configuration',
    );
    expect(fs.existsSync(`${profile}.README.md`)).toBe(false);
  });

  it('--explain prints why each setting is there', async () => {
    const { code, stdout } = await run([
      '--target',
      'chrome-windows',
      '--extension-id',
      DEVELOPMENT_EXTENSION_ID,
      '--explain',
    ]);
    expect(code).toBe(0);
    expect(stdout.toString()).toContain('## Why each setting is there');
    expect(stdout.toString()).toContain(`Extension ID: ${DEVELOPMENT_EXTENSION_ID}`);
  });

  it('warns when no package is published, and names the development build', async () => {
    const { code, stdout, stderr } = await run([
      '--target',
      'chrome-linux',
      '--releases-dir',
      path.join(dir, 'none'),
    ]);
    expect(code).toBe(0);
    expect(stdout.toString()).toContain(DEVELOPMENT_EXTENSION_ID);
    expect(stderr).toMatch(/no signed package/);
  });

  it('answers bad arguments with exit code 2 and the reason', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /give --target/],
      [['--target', 'chrome-beos'], /target/],
      [['--target', 'chrome-linux', '--server-url', 'ftp://x'], /serverUrl/],
      [['--target', 'chrome-linux', '--domain', 'not a domain'], /accountDomains/],
      [['--target', 'chrome-linux', '--extension-id', 'xyz'], /--extension-id/],
      [['--target', 'chrome-linux', '--frobnicate'], /frobnicate/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it('runs as npx waymark deploy-policy, bytes intact on standard output', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [BIN, 'deploy-policy', '--target', 'chrome-windows', '--releases-dir', releases],
      { encoding: 'buffer' },
    );
    expect([...stdout.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(stdout.subarray(2).toString('utf16le')).toMatch(/^Windows Registry Editor Version 5\.00\r\n/);
  });
});
