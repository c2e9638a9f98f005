import { createHash, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_EXTENSION_ID } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { parseCrx } from '../src/features/deploy/crx-file';
import { extensionIdFromPublicKey } from '../src/features/deploy/extension-id';
import { readZipEntry } from '../src/features/deploy/zip-entry';
import { minimalBuild, runPackageScript, throwawayKey } from './deploy-fixture';
import { apiCall, connectDevice, login, startTestServer, type TestServer } from './harness';

let dir: string;
let releases: string;
let build: string;
let key: string;
let schoolId: string;
let server: TestServer;
let tech: string;

const pack = (version: string, browser: 'chrome' | 'edge', extra: string[] = []) =>
  runPackageScript([
    '--key',
    key,
    '--out',
    releases,
    '--build-dir',
    build,
    '--browsers',
    browser,
    '--version',
    version,
    ...extra,
  ]);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-deploy-'));
  releases = path.join(dir, 'releases');
  build = minimalBuild(path.join(dir, 'build'));
  key = throwawayKey(dir);
  schoolId = extensionIdFromPublicKey(
    createPublicKey(fs.readFileSync(key)).export({ type: 'spki', format: 'der' }),
  );
  await pack('1.0.0', 'chrome');
  server = await startTestServer(null, { releasesDir: releases });
  tech = await login(server.url, 'tech@demo.waymark.test');
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function updateManifest(query = '') {
  const res = await fetch(`${server.url}/extension/update.xml${query}`);
  return { status: res.status, type: res.headers.get('content-type'), xml: await res.text() };
}

describe('packaging', () => {
  it('signs a CRX3 with the school key: stable ID from the key, version stamped, the key in the manifest', async () => {
    const file = path.join(releases, 'waymark-1.0.0-chrome.crx');
    const crx = await parseCrx(fs.readFileSync(file));
    expect(crx.extensionId).toBe(schoolId);
    expect(crx.extensionId).not.toBe(DEVELOPMENT_EXTENSION_ID);
    expect(crx.version).toBe('1.0.0');
    const publicKey = createPublicKey(fs.readFileSync(key)).export({ type: 'spki', format: 'der' });
    expect(crx.manifest.key).toBe(publicKey.toString('base64'));
    expect(crx.manifest).not.toHaveProperty('update_url');
  });

  it('writes a store zip without the key or an update URL', async () => {
    const zip = fs.readFileSync(path.join(releases, 'waymark-1.0.0-chrome.zip'));
    const manifest = JSON.parse((await readZipEntry(zip, 'manifest.json'))!.toString('utf8'));
    expect(manifest).toMatchObject({ version: '1.0.0', name: 'Waymark' });
    expect(manifest).not.toHaveProperty('key');
    expect((await readZipEntry(zip, 'background.js'))!.toString()).toContain('waymark');
    expect(await readZipEntry(zip, 'no-such-file.js')).toBeNull();
    await expect(readZipEntry(zip.subarray(0, zip.length - 30), 'manifest.json')).rejects.toThrow();
  });

  it('packs the same build to the same bytes', async () => {
    const out = path.join(dir, 'again');
    await runPackageScript([
      '--key',
      key,
      '--out',
      out,
      '--build-dir',
      build,
      '--browsers',
      'chrome',
      '--version',
      '1.0.0',
    ]);
    expect(fs.readFileSync(path.join(out, 'waymark-1.0.0-chrome.crx'))).toEqual(
      fs.readFileSync(path.join(releases, 'waymark-1.0.0-chrome.crx')),
    );
  });

  // One process each: five packer runs in one test outgrew its time on a busy machine.
  const refusals: Array<[string, () => string[], RegExp]> = [
    ['without the school key', () => [], /no signing key/],
    [
      'with a key it cannot read',
      () => ['--key', path.join(dir, 'missing.pem')],
      /cannot read the signing key/,
    ],
    ['to overwrite a key', () => ['--new-key', key], /already exists/],
    [
      'to keep a new key in the repository',
      () => ['--new-key', path.join(process.cwd(), 'school.pem')],
      /inside the repository/,
    ],
    ['with a bad version', () => ['--key', key, '--version', '1.0-beta'], /not an extension version/],
  ];
  it.each(refusals)('refuses to run %s, and writes nothing', async (_name, args, message) => {
    const out = path.join(dir, 'refused');
    const base = ['--out', out, '--build-dir', build, '--browsers', 'chrome'];
    await expect(runPackageScript([...base, ...args()])).rejects.toThrow(message);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('self-hosted updates', () => {
  it('serves the update manifest with the newest version, its download and its hash', async () => {
    const { status, type, xml } = await updateManifest();
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/xml/);
    const crx = fs.readFileSync(path.join(releases, 'waymark-1.0.0-chrome.crx'));
    expect(xml).toContain(`<app appid="${schoolId}" status="ok">`);
    expect(xml).toContain(`codebase="${server.url}/extension/waymark-1.0.0-chrome.crx"`);
    expect(xml).toContain('version="1.0.0"');
    expect(xml).toContain(`hash_sha256="${createHash('sha256').update(crx).digest('hex')}"`);
    expect(xml).toContain('prodversionmin="120"');

    const download = await fetch(`${server.url}/extension/waymark-1.0.0-chrome.crx`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/x-chrome-extension');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(crx);
  });

  it('publishes a new version by writing it to the folder: no restart', async () => {
    await pack('1.0.1', 'chrome');
    const { xml } = await updateManifest();
    expect(xml).toContain('version="1.0.1"');
    expect(xml).toContain('waymark-1.0.1-chrome.crx');
  });

  it('serves Edge its own build', async () => {
    expect((await updateManifest('?browser=edge')).status).toBe(404);
    await pack('1.0.1', 'edge');
    const { status, xml } = await updateManifest('?browser=edge');
    expect(status).toBe(200);
    expect(xml).toContain('waymark-1.0.1-edge.crx');
    expect(xml).toContain(`appid="${schoolId}"`);
  });

  it('never offers a damaged package or one signed with another key, and says why', async () => {
    const good = fs.readFileSync(path.join(releases, 'waymark-1.0.1-chrome.crx'));
    const damaged = Buffer.from(good);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 30) ^ 0xff, damaged.length - 30);
    fs.writeFileSync(path.join(releases, 'waymark-9.9.9-chrome.crx'), damaged);
    fs.writeFileSync(path.join(releases, 'notes.crx'), 'not a package');
    const otherKey = throwawayKey(dir, 'other-key.pem');
    await runPackageScript([
      '--key',
      otherKey,
      '--out',
      releases,
      '--build-dir',
      build,
      '--browsers',
      'chrome',
      '--version',
      '0.9.0',
    ]);

    const { xml } = await updateManifest();
    expect(xml).toContain('version="1.0.1"');
    expect((await fetch(`${server.url}/extension/waymark-9.9.9-chrome.crx`)).status).toBe(404);
    const { body } = await apiCall(server.url, tech, 'GET', '/api/deploy/status');
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^waymark-9\.9\.9-chrome\.crx: the CRX signature does not match/),
        expect.stringMatching(/^notes\.crx: not a CRX file/),
        expect.stringMatching(/^waymark-0\.9\.0-chrome\.crx is signed with a different key/),
      ]),
    );
    for (const name of [
      'waymark-9.9.9-chrome.crx',
      'notes.crx',
      'waymark-0.9.0-chrome.crx',
      'waymark-0.9.0-chrome.zip',
    ]) {
      fs.rmSync(path.join(releases, name));
    }
  });

  it('answers junk with a 4xx', async () => {
    expect((await fetch(`${server.url}/extension/update.xml?browser=firefox`)).status).toBe(400);
    expect((await fetch(`${server.url}/extension/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/extension/waymark-1.0.1-chrome.zip`)).status).toBe(404);
  });
});

describe('deployment status and policies (technician)', () => {
  it('reports what is published, which versions devices run, and the form’s defaults', async () => {
    const devices = [
      await connectDevice(server.url, {
        enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
        extensionVersion: '1.0.1',
      }),
      await connectDevice(server.url, {
        enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
        extensionVersion: '1.0.0',
      }),
      await connectDevice(server.url, {
        enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
        extensionVersion: '1.0.0',
      }),
    ];
    await Promise.all(devices.map((d) => d.enrolled));
    const { status, body } = await apiCall(server.url, tech, 'GET', '/api/deploy/status');
    devices.forEach((d) => d.disconnect());
    expect(status).toBe(200);
    expect(body).toMatchObject({
      extensionId: schoolId,
      extensionIdSource: 'published',
      serverUrl: server.url,
      accountDomains: ['pupils.demo.waymark.test', 'demo.waymark.test'],
      devices: 3,
      latest: { chrome: { version: '1.0.1' }, edge: { version: '1.0.1' } },
    });
    expect(body.versions).toEqual([
      { version: '1.0.1', devices: 1, online: 1, current: true },
      { version: '1.0.0', devices: 2, online: 2, current: false },
    ]);
    expect(body.classes.map((c: { id: string }) => c.id).sort()).toEqual([
      'class-reception',
      'class-year2',
      'class-year5',
    ]);
  });

  it('generates a policy with the published ID, and says whether the token will enroll devices', async () => {
    const { status, body } = await apiCall(server.url, tech, 'POST', '/api/deploy/policy', {
      target: 'chrome-linux',
      serverUrl: server.url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      accountDomains: ['demo.waymark.test'],
    });
    expect(status).toBe(200);
    expect(body.extensionId).toBe(schoolId);
    expect(body.token).toMatchObject({ status: 'valid', label: 'Year 2 (Owls) devices' });
    const policy = JSON.parse(Buffer.from(body.contentBase64, 'base64').toString('utf8'));
    expect(policy.ExtensionInstallForcelist).toEqual([`${schoolId};${server.url}/extension/update.xml`]);
    expect(policy['3rdparty'].extensions[schoolId]).toEqual({
      serverUrl: server.url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
    });
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(['plain-http']);

    const unknown = await apiCall(server.url, tech, 'POST', '/api/deploy/policy', {
      target: 'edge-windows',
      serverUrl: 'https://waymark.school.example',
      enrollmentToken: 'nobody-made-this',
    });
    expect(unknown.body.token).toEqual({ status: 'unknown' });
    expect(unknown.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'token-unknown',
      'no-domains',
    ]);
    expect(unknown.body.warnings[0].message).toMatch(/not one of the school’s/);

    const created = await apiCall(server.url, tech, 'POST', '/api/devices/enrollment-tokens', {
      label: 'Trolley',
    });
    await apiCall(server.url, tech, 'POST', `/api/devices/enrollment-tokens/${created.body.id}/revoke`);
    const revoked = await apiCall(server.url, tech, 'POST', '/api/deploy/policy', {
      target: 'chrome-macos',
      serverUrl: 'https://waymark.school.example',
      enrollmentToken: created.body.token,
    });
    expect(revoked.body.token).toEqual({ status: 'revoked', label: 'Trolley' });
  });

  it('warns when the fixed profile chosen is not the one the token gives devices', async () => {
    const file = (enrollmentToken: string, fixedProfile: string) =>
      apiCall(server.url, tech, 'POST', '/api/deploy/policy', {
        target: 'chrome-linux',
        serverUrl: 'https://waymark.school.example',
        enrollmentToken,
        accountDomains: ['demo.waymark.test'],
        fixedProfile,
      });
    const codes = (res: Awaited<ReturnType<typeof file>>) =>
      res.body.warnings.map((w: { code: string }) => w.code);
    // The Year 2 token's class is KS1.
    expect(codes(await file(DEMO_ENROLLMENT_TOKENS.year2, 'KS1'))).toEqual([]);
    const mismatch = await file(DEMO_ENROLLMENT_TOKENS.year2, 'staff');
    expect(mismatch.body.warnings).toEqual([
      expect.objectContaining({ code: 'profile-mismatch', tokenProfile: 'KS1', fixedProfile: 'staff' }),
    ]);
    const ks4 = await apiCall(server.url, tech, 'POST', '/api/devices/enrollment-tokens', {
      label: 'KS4 laptops',
      profile: 'KS4',
    });
    expect(codes(await file(ks4.body.token, 'KS4'))).toEqual([]);
    // A token with neither class nor profile enrolls devices into the strictest pupil profile.
    const bare = await apiCall(server.url, tech, 'POST', '/api/devices/enrollment-tokens', { label: 'Bare' });
    expect((await file(bare.body.token, 'KS4')).body.warnings).toEqual([
      expect.objectContaining({ code: 'profile-mismatch', tokenProfile: 'EYFS' }),
    ]);
  });

  it('tells a Google Admin school when the package lacks the update URL the Admin console needs', async () => {
    const request = {
      target: 'google-admin',
      serverUrl: server.url,
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
    };
    const before = await apiCall(server.url, tech, 'POST', '/api/deploy/policy', request);
    expect(before.body.warnings).toContainEqual(
      expect.objectContaining({
        code: 'package-update-url',
        packageUpdateUrl: null,
        message: expect.stringMatching(/--update-url/),
      }),
    );
    await pack('1.0.2', 'chrome', ['--update-url', `${server.url}/extension/update.xml`]);
    const after = await apiCall(server.url, tech, 'POST', '/api/deploy/policy', request);
    expect(after.body.warnings.map((w: { code: string }) => w.code)).not.toContain('package-update-url');
  });

  it('the school’s proxy choice is stored, shown in the status and locked by every file made after', async () => {
    const request = {
      serverUrl: 'https://waymark.school.example',
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      accountDomains: ['demo.waymark.test'],
    };
    const fileFor = async (target: string) => {
      const { body } = await apiCall(server.url, tech, 'POST', '/api/deploy/policy', { ...request, target });
      return body as { text: string; settings: Array<{ name: string; value: string; why: string }> };
    };
    const linuxProxy = async () => JSON.parse((await fileFor('chrome-linux')).text).ProxySettings;
    expect((await apiCall(server.url, tech, 'GET', '/api/deploy/status')).body.proxy).toEqual({
      mode: 'system',
    });
    expect(await linuxProxy()).toEqual({ ProxyMode: 'system' });

    const pac = { mode: 'pac_script', pacUrl: 'https://proxy.school.example/waymark.pac' };
    const saved = await apiCall(server.url, tech, 'PUT', '/api/deploy/proxy', { proxy: pac });
    expect(saved).toMatchObject({ status: 200, body: { proxy: pac } });
    expect((await apiCall(server.url, tech, 'GET', '/api/deploy/status')).body.proxy).toEqual(pac);
    expect(await linuxProxy()).toEqual({ ProxyMode: 'pac_script', ProxyPacUrl: pac.pacUrl });
    const edge = await fileFor('edge-windows');
    expect(edge.text).toContain(
      '"ProxySettings"="{\\"ProxyMode\\":\\"pac_script\\",\\"ProxyPacUrl\\":\\"https://proxy.school.example/waymark.pac\\"}"',
    );
    expect(edge.settings.find((s) => s.name === 'ProxySettings')?.why).toMatch(
      /takes its proxy from the school’s auto-configuration file/,
    );

    await apiCall(server.url, tech, 'PUT', '/api/deploy/proxy', {
      proxy: { mode: 'fixed_servers', server: 'proxy.school.example:3128' },
    });
    expect(await linuxProxy()).toEqual({
      ProxyMode: 'fixed_servers',
      ProxyServer: 'proxy.school.example:3128',
    });

    // Refused whole, saying what is wrong; the stored choice stays.
    for (const [proxy, said] of [
      [
        { mode: 'pac_script', pacUrl: 'http://proxy.school.example/waymark.pac' },
        /proxy\.pacUrl: the PAC file address must be a full https:\/\//,
      ],
      [{ mode: 'pac_script' }, /proxy\.pacUrl/],
      [
        { mode: 'fixed_servers', server: 'proxy.school.example:70000' },
        /proxy\.server: a proxy server is a host name/,
      ],
      [{ mode: 'auto_detect' }, /the proxy mode must be one of system, direct, pac_script, fixed_servers/],
    ] as const) {
      const refused = await apiCall(server.url, tech, 'PUT', '/api/deploy/proxy', { proxy });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatch(said);
    }
    expect((await apiCall(server.url, tech, 'GET', '/api/deploy/status')).body.proxy).toEqual({
      mode: 'fixed_servers',
      server: 'proxy.school.example:3128',
    });
    // The file's own body names no proxy: the school's choice is the one devices get.
    const sideways = await apiCall(server.url, tech, 'POST', '/api/deploy/policy', {
      ...request,
      target: 'chrome-linux',
      proxyMode: 'direct',
    });
    expect(sideways.status).toBe(400);
    for (const email of ['teacher@', 'dsl@', 'governor@']) {
      const cookie = await login(server.url, `${email}demo.waymark.test`);
      const put = await apiCall(server.url, cookie, 'PUT', '/api/deploy/proxy', {
        proxy: { mode: 'direct' },
      });
      expect(put.status).toBe(403);
    }
    await apiCall(server.url, tech, 'PUT', '/api/deploy/proxy', { proxy: { mode: 'system' } });
    expect(await linuxProxy()).toEqual({ ProxyMode: 'system' });
  });

  it('refuses junk with a reason, and every role but the technician', async () => {
    const junk = await apiCall(server.url, tech, 'POST', '/api/deploy/policy', {
      target: 'chrome-linux',
      serverUrl: 'javascript:alert(1)',
      enrollmentToken: '',
    });
    expect(junk.status).toBe(400);
    expect(junk.body.error).toMatch(/serverUrl/);
    expect(junk.body.error).toMatch(/enrollmentToken/);
    for (const email of ['teacher@', 'dsl@', 'governor@', 'admin@']) {
      const cookie = await login(server.url, `${email}demo.waymark.test`);
      expect((await apiCall(server.url, cookie, 'GET', '/api/deploy/status')).status).toBe(403);
      const policy = await apiCall(server.url, cookie, 'POST', '/api/deploy/policy', {
        target: 'chrome-linux',
        serverUrl: server.url,
        enrollmentToken: 'x',
      });
      expect(policy.status).toBe(403);
    }
    expect((await fetch(`${server.url}/api/deploy/status`)).status).toBe(401);
  });

  it('names the development build, with a warning, when nothing is published', async () => {
    const bare = await startTestServer(null, { releasesDir: path.join(dir, 'empty') });
    try {
      const cookie = await login(bare.url, 'tech@demo.waymark.test');
      const { body } = await apiCall(bare.url, cookie, 'POST', '/api/deploy/policy', {
        target: 'chrome-linux',
        serverUrl: bare.url,
        enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      });
      expect(body.extensionId).toBe(DEVELOPMENT_EXTENSION_ID);
      expect(body.warnings[0]).toMatchObject({
        code: 'unpublished',
        extensionId: DEVELOPMENT_EXTENSION_ID,
        message: expect.stringMatching(/No signed package is published/),
      });
      expect((await fetch(`${bare.url}/extension/update.xml`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('the development ID is the one the repository’s public key gives', () => {
    const config = fs.readFileSync(new URL('../../extension/wxt.config.ts', import.meta.url), 'utf8');
    const publicKey = /const DEV_PUBLIC_KEY =\s*'([A-Za-z0-9+/=]+)'/.exec(config)![1]!;
    expect(extensionIdFromPublicKey(Buffer.from(publicKey, 'base64'))).toBe(DEVELOPMENT_EXTENSION_ID);
  });
});
