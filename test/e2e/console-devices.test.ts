import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Profile } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { apiCall, connectDevice, login, type DeviceClient } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

/** What the extension reports after applying a policy (and every five minutes). */
async function heartbeat(
  device: DeviceClient,
  profile: Profile,
  extensionVersion: string,
  hardening?: { forceInstalled?: boolean; proxyLocked?: boolean; policyFile?: boolean },
) {
  const { policy } = await device.policy;
  const ack = await device.emitWithAck('event', {
    id: randomUUID(),
    kind: 'heartbeat',
    occurredAt: new Date().toISOString(),
    profile,
    policyVersion: policy.version,
    extensionVersion,
    ...(hardening ? { hardening } : {}),
  });
  expect(ack).toMatchObject({ ok: true });
}

const summaryCount = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('.health-card-count').innerText();

describe('the Devices screen', () => {
  let harness: ConsoleHarness;
  const devices: DeviceClient[] = [];
  beforeAll(async () => {
    harness = await startConsoleHarness();
  });
  afterAll(async () => {
    for (const device of devices) device.disconnect();
    await harness?.close();
  });

  it('the technician sees real devices, their health, imports the inventory, and manages tokens', async () => {
    const { url } = harness.server;
    // Three pupil devices connect as the extension does: one current, one on an old extension,
    // and one that goes offline before its profile's policy changes.
    const connect = async (token: string, deviceName: string, assetTag: string, version: string) => {
      const device = await connectDevice(url, {
        enrollmentToken: token,
        deviceName,
        assetTag,
        extensionVersion: version,
      });
      devices.push(device);
      return device;
    };
    await heartbeat(
      await connect(DEMO_ENROLLMENT_TOKENS.year2, 'Owls 01', 'OWL-001', '1.4.0'),
      'KS1',
      '1.4.0',
    );
    await heartbeat(
      await connect(DEMO_ENROLLMENT_TOKENS.year2, 'Owls 02', 'OWL-002', '1.3.0'),
      'KS1',
      '1.3.0',
      { forceInstalled: false, proxyLocked: false, policyFile: false },
    );
    const stale = await connect(DEMO_ENROLLMENT_TOKENS.year5, 'Kestrels 01', 'KES-001', '1.4.0');
    await heartbeat(stale, 'KS2', '1.4.0');
    stale.disconnect();
    const techCookie = await login(url, 'tech@demo.waymark.test');
    const { body: ks2 } = await apiCall(url, techCookie, 'GET', '/api/policies/KS2');
    const edited = await apiCall(url, techCookie, 'PUT', '/api/policies/KS2', {
      policy: { ...ks2.body, allow: [...ks2.body.allow, 'www.scratch.mit.edu'] },
      reason: 'Scratch for the Year 5 coding unit',
    });
    expect(edited.status).toBe(200);

    const { page } = await harness.signIn('tech@demo.waymark.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    await page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /Devices: showing 3 of 3/ });
    await table.waitFor();
    for (const name of ['Owls 01', 'Owls 02', 'Kestrels 01']) {
      await table.getByRole('rowheader', { name: new RegExp(name) }).waitFor();
    }
    expect(await summaryCount(page, 'summary-devices')).toBe('3');
    expect(await summaryCount(page, 'summary-old-extension')).toBe('1');
    expect(await summaryCount(page, 'summary-old-policy')).toBe('1');
    expect(await summaryCount(page, 'summary-silent')).toBe('0');
    const owls01 = table.getByRole('row', { name: /Owls 01/ });
    expect(await owls01.innerText()).toMatch(/Online/);
    expect(await owls01.innerText()).toMatch(/Year 2 \(Owls\)/);
    expect(await owls01.innerText()).toMatch(/127\.0\.0\.1/);
    expect(await table.getByRole('row', { name: /Owls 02/ }).innerText()).toMatch(/Old: newest is 1\.4\.0/);
    expect(await table.getByRole('row', { name: /Kestrels 01/ }).innerText()).toMatch(/Offline[\s\S]*Behind/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'devices');

    // The old-extension count leads to that device alone; sorting works from the column heading.
    await page.getByTestId('summary-old-extension').click();
    await page.getByRole('table', { name: /showing 1 of 3/ }).waitFor();
    expect(await page.getByTestId('device-row').allInnerTexts()).toEqual([expect.stringMatching(/Owls 02/)]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: /^Device/ }).click();
    await expect
      .poll(() => page.getByTestId('device-row').locator('.device-name').allInnerTexts())
      .toEqual(['Owls 02', 'Owls 01', 'Kestrels 01']);

    // Health: the inventory import reports a bad line by number, then a good file shows who never enrolled.
    await page
      .getByRole('navigation', { name: 'Devices screens' })
      .getByRole('link', { name: 'Health' })
      .click();
    await page.getByRole('heading', { name: 'Health', exact: true, level: 2 }).waitFor();
    const csv = page.getByLabel('Or paste the CSV here');
    await csv.fill('asset_tag,name\nOWL-001,Owls 01\n,No tag\nOWL-404,Owls 04 (spare)\n');
    await page.getByRole('button', { name: 'Import inventory' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/Line 3:\s*asset_tag: asset_tag is empty/);
    await csv.fill(
      'asset_tag,name\nOWL-001,Owls 01\nOWL-002,Owls 02\nKES-001,Kestrels 01\nOWL-404,Owls 04 (spare)\n',
    );
    await page.getByRole('button', { name: 'Import inventory' }).click();
    await page.getByRole('status').filter({ hasText: 'Inventory imported: 4 devices.' }).waitFor();
    await expect
      .poll(() => page.getByTestId('never-enrolled-row').allInnerTexts())
      .toEqual([expect.stringMatching(/OWL-404\s+Owls 04 \(spare\)/)]);
    await expect.poll(() => summaryCount(page, 'summary-never-enrolled')).toBe('1');
    const oldPolicy = page.locator('#old-policy');
    expect(await oldPolicy.getByRole('row', { name: /Kestrels 01/ }).innerText()).toMatch(/Key Stage 2/);
    expect(
      await page
        .locator('#old-extension')
        .getByRole('row', { name: /Owls 02/ })
        .count(),
    ).toBe(1);
    expect(
      await page
        .locator('#hardening')
        .getByRole('row', { name: /Owls 02/ })
        .innerText(),
    ).toMatch(/Force-install, Locked proxy, Policy file/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'devices-health');

    // Tokens: create one for Year 5 with a use limit; its value is shown once, and it enrolls a device.
    await page
      .getByRole('navigation', { name: 'Devices screens' })
      .getByRole('link', { name: 'Enrollment tokens' })
      .click();
    await page.getByRole('heading', { name: 'Enrollment tokens', level: 2 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Year 5 laptop trolley');
    await page.getByLabel('Devices belong to').selectOption({ label: 'Year 5 (Kestrels) (Key Stage 2)' });
    await page.getByLabel('Use limit (optional)').fill('30');
    await page.getByLabel('Expires after (days, optional)').fill('14');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('heading', { name: 'New token: Year 5 laptop trolley' }).waitFor();
    const token = await page.getByTestId('created-token').inputValue();
    expect(token.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Copied|Could not copy/ })
      .waitFor();
    const trolley = await connectDevice(url, { enrollmentToken: token, deviceName: 'Kestrels trolley 1' });
    devices.push(trolley);
    expect((await trolley.policy).className).toBe('Year 5 (Kestrels)');
    const row = page.getByRole('row', { name: /Year 5 laptop trolley/ });
    expect(await row.innerText()).toMatch(/0 of 30[\s\S]*Active/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'devices-tokens');

    // After a reload the token's value is gone for good; its use is counted.
    await page.reload();
    await page.getByRole('heading', { name: 'Enrollment tokens', level: 2 }).waitFor();
    expect(await page.getByTestId('created-token').count()).toBe(0);
    expect(await row.innerText()).toMatch(/1 of 30/);
    await row.getByRole('button', { name: 'Revoke the token “Year 5 laptop trolley”' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect.poll(() => row.innerText()).toMatch(/Revoked/);
    await expect(
      connectDevice(url, { enrollmentToken: token, deviceName: 'Kestrels trolley 2' }),
    ).rejects.toThrow(/revoked/);

    // The new device is in the list; the Deploy page is one link away.
    await page
      .getByRole('navigation', { name: 'Devices screens' })
      .getByRole('link', { name: 'All devices' })
      .click();
    await page
      .getByRole('table', { name: /showing 4 of 4/ })
      .getByRole('rowheader', { name: /Kestrels trolley 1/ })
      .waitFor();
    const deploy = page
      .getByRole('navigation', { name: 'Devices screens' })
      .getByRole('link', { name: 'Deploy' });
    expect(await deploy.getAttribute('href')).toBe('/devices/deploy');
  });

  it('works in Welsh on a tablet', async () => {
    const { page } = await harness.signIn('tech@demo.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.locator('details.account summary').click();
    await page.getByRole('link', { name: 'Dyfeisiau' }).click();
    await page.getByRole('heading', { name: 'Crynodeb iechyd' }).waitFor();
    await page.getByRole('table', { name: /Dyfeisiau: yn dangos/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'devices-cy-tablet');
    await page.getByRole('link', { name: 'Tocynnau cofrestru' }).click();
    await page.getByRole('heading', { name: 'Creu tocyn' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'devices-tokens-cy-tablet');
  });

  it('a school of 1,500 devices: the list stays virtualised and searchable', async () => {
    const { url } = harness.server;
    const before = (await apiCall(url, await login(url, 'tech@demo.waymark.test'), 'GET', '/api/devices'))
      .body.devices.length as number;
    const names = Array.from({ length: 1500 }, (_, i) => `Laptop ${String(i + 1).padStart(4, '0')}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(
        names.slice(i, i + 50).map(async (deviceName) => {
          const device = await connectDevice(url, {
            enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
            deviceName,
          });
          await device.policy;
          device.disconnect();
        }),
      );
    }
    const total = before + names.length;
    const { page } = await harness.signIn('tech@demo.waymark.test');
    await page.goto('/devices');
    const table = page.getByRole('table', {
      name: new RegExp(`showing ${total.toLocaleString('en-GB')} of`),
    });
    await table.waitFor();
    expect(await table.getAttribute('aria-rowcount')).toBe(String(total + 1));
    // Only the rows in view (and a few either side) are in the page.
    const rendered = await page.getByTestId('device-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await page.locator('.device-table-scroll').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await table.getByRole('rowheader', { name: /Owls 02/ }).waitFor();
    expect(await page.getByTestId('device-row').count()).toBeLessThan(60);
    await page.getByLabel('Search').fill('laptop 1499');
    await page.getByRole('table', { name: /showing 1 of/ }).waitFor();
    expect(await page.getByTestId('device-row').allInnerTexts()).toEqual([
      expect.stringMatching(/Laptop 1499/),
    ]);
  }, 300_000); // 1,500 real enrollments take about a minute here

  it('a teacher has no Devices link, and the screen refuses them', async () => {
    const { page } = await harness.signIn('teacher@demo.waymark.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Live classes' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Devices' }).count()).toBe(0);
    await page.goto('/devices');
    await page.getByRole('alert').filter({ hasText: 'Your role cannot see this screen' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
