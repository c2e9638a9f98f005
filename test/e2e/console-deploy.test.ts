import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parsePlist } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { connectDevice, type DeviceClient } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';
import { REPO_ROOT } from '../support/paths';

/** A signed package in a releases folder, as `npm run package` makes it (throwaway key, tiny build). */
function publish(dir: string, version: string): string {
  const build = path.join(dir, 'build');
  fs.mkdirSync(build, { recursive: true });
  fs.writeFileSync(
    path.join(build, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Waymark', version: '0.0.1', minimum_chrome_version: '120' }),
  );
  const key = path.join(dir, 'key.pem');
  if (!fs.existsSync(key)) {
    fs.writeFileSync(
      key,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
  }
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'extension/scripts/package.ts'),
      ...['--key', key, '--out', path.join(dir, 'releases'), '--build-dir', build],
      ...['--browsers', 'chrome', '--version', version],
    ],
    { encoding: 'utf8', cwd: REPO_ROOT },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return /Extension ID: ([a-p]{32})/.exec(result.stdout)![1]!;
}

describe('Devices › Deploy', () => {
  let harness: ConsoleHarness;
  let dir: string;
  let extensionId: string;
  const devices: DeviceClient[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-console-deploy-'));
    extensionId = publish(dir, '1.2.0');
    harness = await startConsoleHarness({ releasesDir: path.join(dir, 'releases') });
    for (const [token, version] of [
      [DEMO_ENROLLMENT_TOKENS.year2, '1.2.0'],
      [DEMO_ENROLLMENT_TOKENS.year2, '1.1.0'],
      [DEMO_ENROLLMENT_TOKENS.year5, '1.1.0'],
    ] as const) {
      const device = await connectDevice(harness.server.url, {
        enrollmentToken: token,
        extensionVersion: version,
      });
      await device.enrolled;
      devices.push(device);
    }
  });
  afterAll(async () => {
    for (const device of devices) device.disconnect();
    await harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the technician sees the published package and the versions on devices, and makes a .reg file', async () => {
    const { page } = await harness.signIn('tech@demo.waymark.test');
    await page.goto('/devices/deploy');
    await page.getByRole('heading', { name: 'Deploy to pupil devices' }).waitFor();
    await expect
      .poll(() => page.getByRole('link', { name: 'Deploy' }).getAttribute('aria-current'))
      .toBe('page');

    const packages = page.getByRole('table', { name: 'Signed packages this server offers devices' });
    await expect.poll(() => packages.getByRole('row').count()).toBe(2);
    expect(await packages.innerText()).toMatch(/Chrome\s+1\.2\.0\s+newest/);
    await page.getByText(`The files below name the extension ID ${extensionId}.`).waitFor();
    const versions = page.getByRole('table', { name: 'The extension version each device last reported' });
    expect(await versions.getByRole('row', { name: /1\.2\.0/ }).innerText()).toMatch(/1\s+1\s+Up to date/);
    expect(await versions.getByRole('row', { name: /1\.1\.0/ }).innerText()).toMatch(/2\s+2\s+Update due/);

    // A mistake first: the field says what is wrong, and nothing is sent.
    await page.getByRole('button', { name: 'Show the file' }).click();
    const token = page.getByLabel('Token value');
    expect(await token.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('deploy-enrollmentToken');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: /Chrome on Windows/ }).check();
    await token.fill(DEMO_ENROLLMENT_TOKENS.year2);
    await page.getByRole('button', { name: 'Show the file' }).click();
    await page.getByRole('heading', { name: 'Your file: waymark-chrome.reg' }).waitFor();
    expect(await token.getAttribute('aria-invalid')).toBeNull();
    await page.getByText('The token is “Year 2 (Owls) devices”').waitFor();
    const settings = page.getByRole('table', { name: 'Why each setting is there' });
    expect(await settings.getByRole('row', { name: /DnsOverHttpsMode/ }).innerText()).toMatch(
      /Secure DNS is off/,
    );
    expect(await settings.getByRole('row', { name: /RestrictSigninToPattern/ }).innerText()).toContain(
      'pupils.demo.waymark.test',
    );
    expect(await page.getByRole('region', { name: 'Contents of waymark-chrome.reg' }).innerText()).toContain(
      `"1"="${extensionId};${harness.server.url}/extension/update.xml"`,
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('waymark-chrome.reg');
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toMatch(/^Windows Registry Editor Version 5\.00\r\n/);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'deploy');
  });

  it('creates a token for the roll-out on the spot, and makes a macOS profile', async () => {
    const { page } = await harness.signIn('tech@demo.waymark.test');
    await page.goto('/devices/deploy');
    await page.getByRole('radio', { name: /Edge on macOS/ }).check();
    await page.getByLabel('Enrollment token', { exact: true }).selectOption({ label: 'Create a new token' });
    await page.locator('#token-label').fill('Mac trolley, spring term');
    await page.locator('#token-binding').selectOption({ label: 'Year 5 (Kestrels) (Key Stage 2)' });
    await page.locator('.deploy-new-token').getByRole('button').last().click();
    await page.getByText('Created “Mac trolley, spring term”').waitFor();
    const value = await page.getByLabel('Token value').inputValue();
    expect(value.length).toBeGreaterThan(20);

    await page.getByRole('button', { name: 'Show the file' }).click();
    await page.getByRole('heading', { name: 'Your file: waymark-edge.mobileconfig' }).waitFor();
    await page.getByText('The token is “Mac trolley, spring term”, used 0 times so far.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download/ }).click(),
    ]);
    const profile = parsePlist(fs.readFileSync((await download.path())!, 'utf8')) as {
      PayloadType: string;
      PayloadContent: Array<Record<string, unknown>>;
    };
    expect(profile.PayloadType).toBe('Configuration');
    expect(profile.PayloadContent[1]).toMatchObject({
      PayloadType: `com.microsoft.Edge.extensions.${extensionId}`,
      enrollmentToken: value,
    });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('works in Welsh, and on a tablet', async () => {
    const { page } = await harness.signIn('tech@demo.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await page.goto('/devices/deploy');
    await page.locator('details.account summary').click();
    await page.locator('#language').selectOption('cy');
    await page.getByRole('heading', { name: 'Gosod ar ddyfeisiau disgyblion' }).waitFor();
    await page.locator('details.account summary').click();
    const proxy = page.getByRole('region', { name: 'Dirprwy’r ysgol' });
    await proxy.getByRole('group', { name: 'Sut mae dyfeisiau’n cyrraedd y we' }).waitFor();
    await proxy.getByRole('radio', { name: /Gweinydd dirprwy sefydlog/ }).check();
    await proxy.getByRole('button', { name: 'Cadw’r dewis dirprwy' }).click();
    await proxy.getByText('Rhowch y gweinydd dirprwy fel enw gwesteiwr neu gyfeiriad gyda’i borth').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await proxy.getByRole('radio', { name: /Dirprwy’r system weithredu/ }).check();
    await page.getByRole('radio', { name: /Consol Google Admin/ }).check();
    await page.getByLabel('Gwerth y tocyn').fill('not-a-school-token');
    await page.getByRole('button', { name: 'Dangos y ffeil' }).click();
    await page.getByRole('heading', { name: 'Eich ffeil: waymark-google-admin.json' }).waitFor();
    await page.getByText('Nid yw’r tocyn cofrestru hwn yn un o docynnau’r ysgol').waitFor();
    const settings = page.getByRole('table', { name: 'Pam mae pob gosodiad yno' });
    expect(await settings.getByRole('row', { name: /DnsOverHttpsMode/ }).innerText()).toMatch(
      /Mae DNS diogel/,
    );
    expect(await axeViolations(page)).toEqual([]);
    // Nothing wider than the tablet's screen but the scrolling tables and file.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, 'deploy-cy-tablet');
  });
  it('the technician chooses the school’s proxy; every file made after locks it', async () => {
    const { page } = await harness.signIn('tech@demo.waymark.test');
    await page.goto('/devices/deploy');
    const proxy = page.getByRole('region', { name: 'The school’s proxy' });
    const modes = proxy.getByRole('group', { name: 'How devices reach the web' });
    expect(await modes.getByRole('radio', { name: /The operating system’s proxy/ }).isChecked()).toBe(true);

    // A PAC file over plain http is refused, saying why, and nothing is saved.
    await modes.getByRole('radio', { name: /A proxy auto-configuration \(PAC\) file/ }).check();
    const pacUrl = proxy.getByLabel('Address of the PAC file');
    await pacUrl.fill('http://proxy.demo.waymark.test/waymark.pac');
    await proxy.getByRole('button', { name: 'Save the proxy choice' }).click();
    await proxy.getByText('Give the PAC file’s full address, starting https://.').waitFor();
    expect(await pacUrl.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('deploy-proxy-pacUrl');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'deploy-proxy-problem');

    await pacUrl.fill('https://proxy.demo.waymark.test/waymark.pac');
    await proxy.getByRole('button', { name: 'Save the proxy choice' }).click();
    await proxy
      .getByRole('status')
      .getByText(/^Saved\. Every file you make from now on locks this proxy choice/)
      .waitFor();
    expect(await pacUrl.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('radio', { name: /Edge on Windows/ }).check();
    await page.getByLabel('Token value').fill(DEMO_ENROLLMENT_TOKENS.year2);
    await page.getByRole('button', { name: 'Show the file' }).click();
    await page.getByRole('heading', { name: 'Your file: waymark-edge.reg' }).waitFor();
    expect(await page.getByRole('region', { name: 'Contents of waymark-edge.reg' }).innerText()).toContain(
      '"ProxySettings"="{\\"ProxyMode\\":\\"pac_script\\",\\"ProxyPacUrl\\":\\"https://proxy.demo.waymark.test/waymark.pac\\"}"',
    );
    const row = page
      .getByRole('table', { name: 'Why each setting is there' })
      .getByRole('row', { name: /ProxySettings/ });
    expect(await row.innerText()).toContain(
      'Locks how the browser reaches the web to the school’s proxy choice (A proxy auto-configuration (PAC) file)',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'deploy-proxy');

    // The choice is the school's: a fresh page shows it, and a new choice makes the shown file stale.
    await page.reload();
    const again = page.getByRole('region', { name: 'The school’s proxy' });
    expect(await again.getByLabel('Address of the PAC file').inputValue()).toBe(
      'https://proxy.demo.waymark.test/waymark.pac',
    );
    await again.getByRole('radio', { name: /A fixed proxy server/ }).check();
    await again.getByRole('textbox', { name: 'Proxy server' }).fill('proxy.demo.waymark.test:99999');
    await again.getByRole('button', { name: 'Save the proxy choice' }).click();
    await again.getByText('Give the proxy server as a host name or address with its port').waitFor();
    await again.getByRole('textbox', { name: 'Proxy server' }).fill('proxy.demo.waymark.test:3128');
    await again.getByRole('button', { name: 'Save the proxy choice' }).click();
    await again.getByRole('status').waitFor();
    await page.getByRole('radio', { name: /Chrome on Linux/ }).check();
    await page.getByLabel('Token value').fill(DEMO_ENROLLMENT_TOKENS.year2);
    await page.getByRole('button', { name: 'Show the file' }).click();
    await page.getByRole('heading', { name: 'Your file: waymark-chrome-policy.json' }).waitFor();
    const json = JSON.parse(
      await page.getByRole('region', { name: 'Contents of waymark-chrome-policy.json' }).innerText(),
    );
    expect(json.ProxySettings).toEqual({
      ProxyMode: 'fixed_servers',
      ProxyServer: 'proxy.demo.waymark.test:3128',
    });
    await again.getByRole('radio', { name: /The operating system’s proxy/ }).check();
    await again.getByRole('button', { name: 'Save the proxy choice' }).click();
    await page.getByText('You have changed the form since this file was made').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
