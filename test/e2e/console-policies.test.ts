import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PolicyMessage } from '@waymark/shared';
import { connectDevice } from '@waymark/console-server/testing';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

const REASON = 'Year 2 found games on Miniclip during phonics';

/** Fails with the page's text when axe finds anything, so the report says where. */
async function expectAxeClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('the policies screens', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsoleHarness();
  });
  afterAll(async () => harness?.close());

  it('the DSL blocks a site for KS1 with a reason; the log shows why, and a Year 2 device gets the new version', async () => {
    const device = await connectDevice(harness.server.url, { enrollmentToken: 'demo-enrol-year2' });
    expect((await device.policy).policy.version).toBe(1);
    const version2 = new Promise<PolicyMessage>((resolve) =>
      device.on('policy', (message) => {
        if (message.policy.version === 2) resolve(message);
      }),
    );

    const { page, context } = await harness.signIn('dsl@demo.waymark.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policies' }).click();
    await page.getByRole('table', { name: 'Profiles and their current versions' }).waitFor();
    await expectAxeClean(page);
    await screenshot(page, 'policies');

    await page.getByRole('link', { name: 'Edit KS1' }).click();
    await page.getByRole('heading', { name: /^KS1 policy/, level: 1 }).waitFor();
    await page.getByLabel('Blocked sites').fill('miniclip.com');

    // Without a reason, nothing is saved and the form says why.
    await page.getByRole('button', { name: 'Review the change' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Fix these before saving' });
    await problems.waitFor();
    expect(await problems.textContent()).toContain(
      'Reason: Say why you are making this change (at least 5 characters).',
    );
    await page.waitForFunction(() => document.activeElement?.classList.contains('pol-error-summary'));
    await expectAxeClean(page);
    await screenshot(page, 'policies-edit');

    await page.getByLabel('Why are you making this change?').fill(REASON);
    await page.getByRole('button', { name: 'Review the change' }).click();
    const review = page.getByTestId('policy-review');
    await review.waitFor();
    expect(await review.textContent()).toContain('block-list: added miniclip.com');
    expect(await review.textContent()).toContain('Saving makes this version 2 of KS1');
    expect(await review.textContent()).toContain(REASON);
    await expectAxeClean(page);
    await screenshot(page, 'policies-review');

    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await page.getByTestId('policy-saved').getByText('Saved: KS1 is now version 2').waitFor();
    await page.getByText('Version 2, last changed').waitFor();
    await expectAxeClean(page);

    // The device in Year 2 (KS1) is sent the new version by the server.
    const pushed = await version2;
    expect(pushed.policy.block).toEqual(['miniclip.com']);
    device.disconnect();

    // The change-control log: who, what and why, filtered to KS1.
    await page.getByRole('link', { name: 'See it in the change-control log' }).click();
    const log = page.getByTestId('change-log');
    await log.getByText(REASON).waitFor();
    expect(await page.getByLabel('Show changes to').inputValue()).toBe('KS1');
    const row = log.locator('tbody tr').first();
    expect(await row.textContent()).toContain('Mrs Helen Jones');
    expect(await row.textContent()).toContain('KS1 version 2');
    expect(await row.textContent()).toContain('block-list: added miniclip.com');
    await expectAxeClean(page);
    await screenshot(page, 'policies-change-log');

    // "Test a web address" says blocked and names the rule that decided.
    await page.getByRole('navigation', { name: 'Policies' }).getByRole('link', { name: 'Profiles' }).click();
    const address = page.getByRole('textbox', { name: 'Web address' });
    const testButton = page.getByRole('button', { name: 'Test', exact: true });
    const verdict = page.getByTestId('test-url-verdict');
    await page.getByLabel('Profile', { exact: true }).selectOption('KS1');
    await address.fill('https://www.topmarks.co.uk/maths-games');
    await testButton.click();
    await verdict.getByText('Allowed').waitFor();
    expect(await verdict.textContent()).toContain('KS1 allow-list: “topmarks.co.uk”');
    // Typed without a scheme, as people do: tested as a web page.
    await address.fill('www.miniclip.com/games/');
    await testButton.click();
    await verdict.getByText('Blocked', { exact: true }).waitFor();
    expect(await verdict.textContent()).toContain('Blocked for KS1 (version 2)');
    expect(await verdict.textContent()).toContain('https://www.miniclip.com/games/');
    expect(await verdict.textContent()).toContain('KS1 block-list: “miniclip.com”');
    await expectAxeClean(page);
    await screenshot(page, 'policies-test-url');
    await address.fill('https://');
    await testButton.click();
    await page.getByText('“https://” is not a web address').waitFor();
    await expectAxeClean(page);
    await context.close();
  });

  it('a save from a stale version is refused, naming who changed the profile meanwhile', async () => {
    const dsl = await harness.signIn('dsl@demo.waymark.test');
    const tech = await harness.signIn('tech@demo.waymark.test');
    for (const { page } of [dsl, tech]) {
      await page.goto('/policies/KS2');
      await page.getByRole('heading', { name: /^KS2 policy/, level: 1 }).waitFor();
    }
    await tech.page.getByLabel('Blocked sites').fill('roblox.com');
    await tech.page.getByLabel('Why are you making this change?').fill('Roblox is not for lessons');
    await tech.page.getByRole('button', { name: 'Review the change' }).click();
    await tech.page.getByRole('button', { name: 'Confirm and save' }).click();
    await tech.page.getByText('Saved: KS2 is now version 2').waitFor();

    await dsl.page.getByLabel('Allowed sites').fill('nasa.gov');
    await dsl.page.getByLabel('Why are you making this change?').fill('space topic this half term');
    await dsl.page.getByRole('button', { name: 'Review the change' }).click();
    await dsl.page.getByRole('button', { name: 'Confirm and save' }).click();
    const refused = dsl.page.getByRole('alert').filter({ hasText: 'Someone else saved KS2' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Mr Sam Patel');
    await dsl.page.getByRole('button', { name: 'Load the latest version' }).click();
    await dsl.page.getByText('Version 2, last changed').waitFor();
    expect(await dsl.page.getByLabel('Blocked sites').inputValue()).toBe('roblox.com');
    await Promise.all([dsl.context.close(), tech.context.close()]);
  });

  it('time windows and nominated people are edited in the form and saved as category actions', async () => {
    const { page, context } = await harness.signIn('tech@demo.waymark.test');
    await page.goto('/policies/KS4');
    await page.getByRole('heading', { name: /^KS4 policy/, level: 1 }).waitFor();
    await page.getByLabel('Action for Social media').selectOption('allow-at-times');
    const windows = page.getByRole('group', { name: 'Time windows for Social media' });
    await windows.getByRole('checkbox', { name: 'Monday' }).uncheck();
    await windows.getByLabel('From').fill('15:30');
    await windows.getByLabel('Until').fill('15:00');
    await page.getByLabel('Action for Messaging and chat').selectOption('allow-for-nominated');
    await page.getByLabel('Why are you making this change?').fill('After-school media club');
    await page.getByRole('button', { name: 'Review the change' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Fix these before saving' });
    await problems.waitFor();
    expect(await problems.textContent()).toContain(
      'Messaging and chat: Name at least one person or class, or choose another action.',
    );
    expect(await problems.textContent()).toContain(
      'Social media: Window 1: the window must end after it starts.',
    );
    await expectAxeClean(page);

    // Leaving with unsaved edits asks first.
    await page
      .getByRole('navigation', { name: 'Policies' })
      .getByRole('link', { name: 'Change-control log' })
      .click();
    const leave = page.getByRole('alertdialog', { name: 'Your changes to KS4 are not saved' });
    await leave.waitFor();
    await expectAxeClean(page);
    await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
    await leave.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/policies/KS4');

    await windows.getByLabel('Until').fill('16:30');
    await page.getByLabel('Nominated for Messaging and chat').fill('class-year5\nhead@demo.waymark.test');
    await expectAxeClean(page);
    await screenshot(page, 'policies-edit-windows');
    await page.getByRole('button', { name: 'Review the change' }).click();
    const review = page.getByTestId('policy-review');
    await review.waitFor();
    expect(await review.textContent()).toContain(
      'category social-media: block → allow at 15:30–16:30 on days 2,3,4,5',
    );
    expect(await review.textContent()).toContain(
      'category messaging: block → allow for class-year5, head@demo.waymark.test',
    );
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await page.getByText('Saved: KS4 is now version 2').waitFor();
    await context.close();
  });

  it('the technician allows the school’s servers by address and blocks mirror sites for KS3, told what is wrong first', async () => {
    const { page, context } = await harness.signIn('tech@demo.waymark.test');
    await page.goto('/policies/KS3');
    await page.getByRole('heading', { name: /^KS3 policy/, level: 1 }).waitFor();
    const addresses = page.getByLabel('Allowed addresses (the school’s own servers)');
    await addresses.fill('intranet.school\n0.0.0.0/0\n10.0.0.9/8\n192.168.1.20\n192.168.1.20/32');
    await page.getByLabel('Why are you making this change?').fill('The library catalogue is on 192.168.1.20');
    await page.getByRole('button', { name: 'Review the change' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Fix these before saving' });
    await problems.waitFor();
    const said = await problems.textContent();
    expect(said).toContain(
      'Allowed addresses (the school’s own servers): Line 1: “intranet.school” is not an address.',
    );
    expect(said).toContain(
      'Line 2: “0.0.0.0/0” is too wide: a /0 range would open whole parts of the internet',
    );
    expect(said).toContain('Line 3: “10.0.0.9/8” does not start its range. Write 10.0.0.0/8.');
    expect(said).toContain('Line 5: “192.168.1.20/32” is the same as line 4.');
    expect(await addresses.getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(page);
    await screenshot(page, 'policies-edit-addresses-problems');

    // The summary's link goes to the field.
    await problems.getByRole('link').first().click();
    await page.waitForFunction(() => document.activeElement?.id === 'policy-allowedAddresses');
    await addresses.fill('192.168.1.20\n10.20.0.0/16');
    const mirrors = page.getByRole('group', { name: 'Mirror sites' });
    expect(
      await mirrors.getByRole('radio', { name: /^Treat each copy like the site it copies/ }).isChecked(),
    ).toBe(true);
    await mirrors.getByRole('radio', { name: 'Block them all, whatever they copy' }).check();
    await expectAxeClean(page);
    await screenshot(page, 'policies-edit-addresses');
    await page.getByRole('button', { name: 'Review the change' }).click();
    const review = page.getByTestId('policy-review');
    await review.waitFor();
    expect(await review.textContent()).toContain('allowed addresses: added 192.168.1.20, 10.20.0.0/16');
    expect(await review.textContent()).toContain(
      'mirror sites (translate proxies, web archives, search caches): each treated as the site it copies → all blocked',
    );
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await page.getByText('Saved: KS3 is now version 2').waitFor();
    expect(await addresses.inputValue()).toBe('192.168.1.20\n10.20.0.0/16');
    expect(await mirrors.getByRole('radio', { name: 'Block them all, whatever they copy' }).isChecked()).toBe(
      true,
    );

    // The saved policy decides by them.
    await page.getByRole('navigation', { name: 'Policies' }).getByRole('link', { name: 'Profiles' }).click();
    await page.getByLabel('Profile', { exact: true }).selectOption('KS3');
    const address = page.getByRole('textbox', { name: 'Web address' });
    const verdict = page.getByTestId('test-url-verdict');
    await address.fill('http://10.20.3.4/catalogue');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await verdict.getByText('Allowed', { exact: true }).waitFor();
    await address.fill('https://www-bet365-com.translate.goog/');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await verdict.getByText('Blocked', { exact: true }).waitFor();
    expect(await verdict.textContent()).toContain('mirror sites are blocked');
    await context.close();
  });

  it('the technician imports a category list and a keyword list; bad lines are listed by number', async () => {
    const { page, context } = await harness.signIn('tech@demo.waymark.test');
    await page.goto('/policies/imports');
    await page.getByRole('heading', { name: 'Category lists and search keywords', level: 1 }).waitFor();
    const categoryImport = page.getByRole('region', { name: 'Import a category list' });
    await categoryImport.getByLabel('Hosts file: 0.0.0.0 example.com').check();
    await categoryImport.getByLabel('Waymark category').selectOption('gambling');
    await categoryImport.getByLabel('File', { exact: true }).setInputFiles({
      name: 'gambling.hosts',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        [
          '# school gambling list',
          '0.0.0.0 slots-heaven.example',
          '192.168.1.5 printer.school',
          '0.0.0.0 www.childline.org.uk',
        ].join('\n'),
      ),
    });
    await categoryImport.getByRole('button', { name: 'Import' }).click();
    await categoryImport.getByText('Say why you are making this change').waitFor();
    await categoryImport.getByLabel('Why are you importing this list?').fill('The LA gambling list');
    await categoryImport.getByRole('button', { name: 'Import' }).click();
    const summary = categoryImport.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getByRole('row', { name: /Gambling/ }).textContent()).toMatch(/Gambling\s*1\s*0/);
    const bad = summary.getByTestId('bad-lines');
    expect(await bad.locator('caption').textContent()).toBe('Lines not imported: 2');
    const badRows = await bad.locator('tbody tr').allTextContents();
    expect(badRows[0]).toContain('3');
    expect(badRows[0]).toContain('"192.168.1.5" is not a blocking address');
    expect(badRows[1]).toContain('4');
    expect(badRows[1]).toContain('a help site');

    const keywords = page.getByRole('region', { name: 'Search keyword lists' });
    await keywords.getByLabel('Category the keywords flag').selectOption('gambling');
    await keywords.getByLabel('File', { exact: true }).setInputFiles({
      name: 'gambling-words.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('accumulator tips\n???\n'),
    });
    await keywords.getByLabel('Why are you importing this list?').fill('pupils searching for betting tips');
    await keywords.getByRole('button', { name: 'Import' }).click();
    const keywordSummary = keywords.getByTestId('keyword-import-summary');
    await keywordSummary.getByText('Keywords added: 1; already listed: 0.').waitFor();
    expect(await keywordSummary.getByTestId('bad-lines').locator('tbody tr').textContent()).toMatch(
      /2\s*\?\?\?\s*no letters or digits/,
    );
    await expectAxeClean(page);
    await screenshot(page, 'policies-imports');

    // Both imports are in the change-control log with their reasons.
    await page.goto('/policies/changes');
    await page.getByTestId('change-log').getByText('The LA gambling list (import: hosts)').first().waitFor();
    await page.getByLabel('Show changes to').selectOption('keywords');
    await page.getByTestId('change-log').getByText('pupils searching for betting tips').waitFor();
    await context.close();
  });

  it('a governor reads the change-control log but cannot open the editor', async () => {
    const { page, context } = await harness.signIn('governor@demo.waymark.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policies' }).click();
    await page.getByRole('heading', { name: 'Change-control log', level: 1 }).waitFor();
    await page.getByTestId('change-log').getByText(REASON).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Policies' }).getByRole('link').allTextContents(),
    ).toEqual(['Change-control log']);
    await expectAxeClean(page);
    await page.goto('/policies/KS1');
    await page
      .getByRole('alert')
      .getByText('Only the designated safeguarding lead and the technician can change policies')
      .waitFor();
    await expectAxeClean(page);
    await context.close();
  });

  it('a teacher has no Policies link and is refused at /policies', async () => {
    const { page, context } = await harness.signIn('teacher@demo.waymark.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Live classes' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Policies' }).count()).toBe(0);
    await page.goto('/policies');
    await page.getByRole('alert').getByText('Your account cannot see the filtering policies').waitFor();
    await page.goto('/policies/changes');
    await page.getByRole('alert').getByText('Your account cannot see the filtering policies').waitFor();
    await expectAxeClean(page);
    await screenshot(page, 'policies-refused');
    await context.close();
  });

  it('illegal categories offer no choice: always blocked, in English and Welsh', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test');
    await page.goto('/policies/KS4');
    await page.getByRole('heading', { name: /^KS4 policy/, level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Illegal: child sexual abuse material/ });
    await row.getByText('Always blocked').waitFor();
    expect(await row.getByRole('combobox').count()).toBe(0);
    expect(await row.textContent()).toContain('no allow-list, lesson, request or nominated user opens it');
    expect(
      await page
        .getByRole('row', { name: /^Gambling/ })
        .getByRole('combobox')
        .count(),
    ).toBe(1);
    // Known sites come from the category store: the starter lists name gambling sites.
    await expect
      .poll(async () =>
        Number(
          await page
            .getByRole('row', { name: /^Gambling/ })
            .locator('td.pol-numeric')
            .textContent(),
        ),
      )
      .toBeGreaterThan(0);
    await expectAxeClean(page);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'policies-edit-illegal');
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { name: /^Polisi KS4/, level: 1 }).waitFor();
    await page.locator('details.account summary').click();
    await page.getByText('Wedi’i rwystro bob amser').first().waitFor();
    await expectAxeClean(page);
    await screenshot(page, 'policies-edit-illegal-cy');
  });

  it('in Welsh on a tablet, the editor and the log fit and pass axe', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await page.goto('/policies/KS1');
    await page.getByRole('heading', { name: /^KS1 policy/, level: 1 }).waitFor();
    await screenshot(page, 'policies-edit-tablet');
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { name: /^Polisi KS1/, level: 1 }).waitFor();
    await page.locator('details.account summary').click();
    await page.getByRole('heading', { name: 'Cyfeiriadau a safleoedd drych', level: 2 }).waitFor();
    await page.getByLabel('Cyfeiriadau a ganiateir (gweinyddion yr ysgol ei hun)').fill('10.0.0.0/4');
    await page.getByLabel("Pam ydych chi'n gwneud y newid hwn?").fill('gweinydd y llyfrgell');
    await page.getByRole('button', { name: "Adolygu'r newid" }).click();
    await page
      .getByRole('alert')
      .getByText('Llinell 1: mae “10.0.0.0/4” yn rhy eang: byddai ystod /4 yn agor rhannau cyfan')
      .waitFor();
    await page.getByRole('radio', { name: 'Blocio pob un, beth bynnag y maent yn ei gopïo' }).check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await expectAxeClean(page);
    await screenshot(page, 'policies-edit-cy');
    await page.getByRole('button', { name: 'Dadwneud fy newidiadau' }).click();
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await page.goto('/policies/changes');
    await page.getByRole('heading', { name: 'Log rheoli newidiadau', level: 1 }).waitFor();
    await page.getByTestId('change-log').getByText(REASON).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await expectAxeClean(page);
    await screenshot(page, 'policies-change-log-cy');
  });
});
