import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

/** Axe leaves this rule out by default; each "Deputy DSL" check box is named starting with what it shows. */
const NAME_MATCHES_TEXT = ['label-content-name-mismatch'];

describe('the Staff accounts screen', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsoleHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the school admin names a DSL deputy and takes it back, by keyboard, in English and Welsh; the server records it', async () => {
    const { page } = await harness.signIn('admin@demo.waymark.test');
    await page.getByRole('link', { name: 'Staff accounts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
    const table = page.getByTestId('staff-accounts');
    const helen = table.getByRole('row', { name: /Mrs Helen Jones/ });
    const gareth = table.getByRole('row', { name: /Mr Gareth Lloyd/ });
    await gareth.waitFor();
    // The demo school's deputy is Mr Gareth Lloyd; Mrs Helen Jones is the DSL.
    const garethBox = page.getByRole('checkbox', { name: 'Deputy DSL: Mr Gareth Lloyd' });
    const helenBox = page.getByRole('checkbox', { name: 'Deputy DSL: Mrs Helen Jones' });
    expect(await garethBox.isChecked()).toBe(true);
    expect(await helenBox.isChecked()).toBe(false);
    // Only DSL accounts can be deputies: the teacher's row has no check box.
    expect(
      await table
        .getByRole('row', { name: /Ms Amira Khan/ })
        .getByRole('checkbox')
        .count(),
    ).toBe(0);
    expect(await helen.getByText('Designated safeguarding lead', { exact: false }).count()).toBe(1);
    expect(await axeViolations(page, NAME_MATCHES_TEXT)).toEqual([]);

    // By keyboard: focus the box and press Space.
    await garethBox.focus();
    await page.keyboard.press('Space');
    await page
      .getByTestId('accounts-status')
      .getByText('Mr Gareth Lloyd is no longer a deputy DSL.')
      .waitFor();
    await page.getByText('No deputy DSL is named', { exact: false }).waitFor();
    expect(await garethBox.isChecked()).toBe(false);
    const listed = async () => {
      const res = await page.request.get('/api/staff');
      const { staff } = (await res.json()) as { staff: Array<{ name: string; deputyDsl: boolean }> };
      return Object.fromEntries(staff.map((s) => [s.name, s.deputyDsl]));
    };
    expect((await listed())['Mr Gareth Lloyd']).toBe(false);
    expect(await axeViolations(page, NAME_MATCHES_TEXT)).toEqual([]);
    await screenshot(page, 'accounts');

    // In Welsh, name him again.
    await page.locator('details.account summary').click();
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { level: 1, name: 'Cyfrifon staff' }).waitFor();
    await page.locator('details.account summary').click();
    const garethCy = page.getByRole('checkbox', { name: 'Dirprwy DSL: Mr Gareth Lloyd' });
    await garethCy.focus();
    await page.keyboard.press('Space');
    await page
      .getByTestId('accounts-status')
      .getByText('Mae Mr Gareth Lloyd bellach yn ddirprwy DSL.')
      .waitFor();
    expect(await garethCy.isChecked()).toBe(true);
    expect((await listed())['Mr Gareth Lloyd']).toBe(true);
    expect(await axeViolations(page, NAME_MATCHES_TEXT)).toEqual([]);
    await screenshot(page, 'accounts-cy');
  });

  it('is the admin’s alone: the DSL has no link to it and is refused there', async () => {
    const { page } = await harness.signIn('dsl@demo.waymark.test');
    expect(await page.getByRole('link', { name: 'Staff accounts' }).count()).toBe(0);
    await page.goto('/accounts');
    await page.getByText('Staff accounts are managed by the school admin.').waitFor();
  });
});
