import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import {
  apiCall,
  blockedEvent,
  connectDevice,
  login,
  type DeviceClient,
} from '@waymark/console-server/testing';
import type { DeviceEventInput, PolicyMessage, RequestStatusMessage } from '@waymark/shared';
import { axeViolations } from '../support/axe';
import { screenshot, startConsoleHarness, type ConsoleHarness } from '../support/console-browser';

const OLIVER = 'oliver.thomas@pupils.demo.waymark.test';
const MIA = 'mia.walker@pupils.demo.waymark.test';

/** The next policy the server pushes to the device that satisfies `test` (listened for before acting). */
function nextPolicy(device: DeviceClient, test: (m: PolicyMessage) => boolean): Promise<PolicyMessage> {
  return new Promise((resolve) => {
    const listener = (message: PolicyMessage) => {
      if (!test(message)) return;
      device.off('policy', listener);
      resolve(message);
    };
    device.on('policy', listener);
  });
}

function nextRequestStatus(device: DeviceClient): Promise<RequestStatusMessage> {
  return new Promise((resolve) => device.once('request-status', resolve));
}

function deviceEvent(kind: string, fields: Record<string, unknown>): DeviceEventInput {
  return {
    id: randomUUID(),
    kind,
    occurredAt: new Date().toISOString(),
    profile: 'KS1',
    policyVersion: 1,
    ...fields,
  } as DeviceEventInput;
}

const tile = (page: Page, pupil: string) => page.locator(`[data-pupil="${pupil}"]`);
const card = (page: Page, text: string) => page.getByTestId('feed-event').filter({ hasText: text });

describe('the live class screen', () => {
  let harness: ConsoleHarness;
  let page: Page;
  let oliver: DeviceClient;
  let teacherCookie: string;

  beforeAll(async () => {
    // The feed is loaded with 2,000 events from one device below: past the per-device rate they
    // would be folded (that limit is the console server's tests' to prove), so it is raised here.
    harness = await startConsoleHarness({ deviceEventRate: { burst: 5000, perSecond: 1000 } });
    teacherCookie = await login(harness.server.url, 'teacher@demo.waymark.test');
    ({ page } = await harness.signIn('teacher@demo.waymark.test'));
  });
  afterAll(async () => {
    oliver?.disconnect();
    await harness?.close();
  });

  it('the teacher opens Year 2 live and sees a pupil’s device come online and a blocked attempt arrive', async () => {
    await page.getByRole('link', { name: /Year 2 \(Owls\)/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Year 2 (Owls): live' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();
    // Every pupil of the class has a tile, offline until a device reports.
    await tile(page, OLIVER).filter({ hasText: 'Offline' }).waitFor();
    expect(await page.getByTestId('pupil-tile').count()).toBe(6);
    await page.getByText('No events yet this lesson.', { exact: false }).waitFor();

    oliver = await connectDevice(harness.server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Owls Chromebook 7',
      user: OLIVER,
    });
    await oliver.policy;
    await tile(page, OLIVER).filter({ hasText: 'Online · Owls Chromebook 7' }).waitFor();

    const blocked = blockedEvent({
      url: 'https://www.miniclip.com/games/penalty-shooters',
      category: 'gaming',
      rule: 'gaming is blocked for KS1',
    });
    expect(await oliver.emitWithAck('event', blocked)).toEqual({ ok: true, id: blocked.id });
    const arrived = card(page, 'miniclip.com/games/penalty-shooters');
    await arrived.waitFor();
    expect(await arrived.textContent()).toContain('Oliver Thomas');
    expect(await arrived.textContent()).toContain('Online games');
    await tile(page, OLIVER).filter({ hasText: 'Blocked 1' }).waitFor();
    await tile(page, OLIVER).filter({ hasText: 'miniclip.com/games/penalty-shooters' }).waitFor();
  });

  it('raises an incident from the blocked attempt in one click, and the incident exists', async () => {
    const arrived = card(page, 'miniclip.com/games/penalty-shooters');
    await arrived.getByRole('button', { name: 'Raise incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raise an incident' });
    await dialog.waitFor();
    // Pre-filled from the event: who, which device, when, the page, the class, the category.
    const evidence = (await dialog.locator('dl').textContent()) ?? '';
    for (const text of [
      'Oliver Thomas',
      'Owls Chromebook 7',
      'https://www.miniclip.com/games/penalty-shooters',
      'Year 2 (Owls)',
    ]) {
      expect(evidence).toContain(text);
    }
    expect(await dialog.getByLabel('Category').inputValue()).toBe('gaming');
    expect(await dialog.getByLabel('Severity').inputValue()).toBe('medium');
    expect(await dialog.getByLabel('What happened').inputValue()).toContain(
      'Oliver Thomas tried to open https://www.miniclip.com/games/penalty-shooters on Owls Chromebook 7',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-raise-incident');

    await dialog.getByRole('button', { name: 'Save incident' }).click();
    await dialog.getByText(/^Incident INC-\d{4}-\d{4} saved\.$/).waitFor();
    const link = dialog.getByRole('link', { name: /^Open incident INC-\d{4}-\d{4}$/ });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    const reference = ((await link.textContent()) ?? '').replace('Open incident ', '');

    const stored = await apiCall(harness.server.url, teacherCookie, 'GET', `/api${href}`);
    expect(stored.status).toBe(200);
    expect(stored.body.incident).toMatchObject({
      reference,
      category: 'gaming',
      severity: 'medium',
      classId: 'class-year2',
      pupilEmail: OLIVER,
      status: 'open',
    });
    expect(stored.body.evidence.map((e: { url: string }) => e.url)).toEqual([
      'https://www.miniclip.com/games/penalty-shooters',
    ]);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The keyboard focus comes back to the event the incident was raised from.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('penalty-shooters');
    await arrived.getByRole('link', { name: `Incident ${reference}` }).waitFor();
  });

  it('a concern stands out: first in the feed, announced, and on the pupil’s tile', async () => {
    const concern = deviceEvent('concern', { message: 'Someone sent me a horrible message' });
    await oliver.emitWithAck('event', concern);
    await page
      .getByRole('region', { name: 'Urgent events' })
      .filter({ hasText: 'Asked for help: Oliver Thomas' })
      .waitFor();
    const announced = await page.locator('[aria-live="assertive"]').textContent();
    expect(announced).toContain('Asked for help: Oliver Thomas on Owls Chromebook 7');
    const first = page.getByTestId('feed-event').first();
    await first.filter({ hasText: 'Someone sent me a horrible message' }).waitFor();
    expect(await first.textContent()).toContain('Needs attention');
    await tile(page, OLIVER).filter({ hasText: 'Concerns 1' }).waitFor();
  });

  it('an unblock request approved for the lesson reaches the device as an override', async () => {
    const request = deviceEvent('unblock-request', {
      url: 'https://www.tate.org.uk/kids/make/paint-draw',
      category: null,
      reason: 'We are painting owls in art',
    });
    await oliver.emitWithAck('event', request);
    const asking = card(page, 'We are painting owls in art');
    await asking.waitFor();
    await tile(page, OLIVER).filter({ hasText: 'Requests 1' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class');

    const opened = nextPolicy(oliver, (m) =>
      m.policy.overrides.some((o) => o.kind === 'open' && o.sites.includes('www.tate.org.uk')),
    );
    const answered = nextRequestStatus(oliver);
    await asking.getByRole('button', { name: 'Approve for this lesson' }).click();
    const answer = await answered;
    expect(answer).toMatchObject({ requestId: request.id, status: 'approved', decidedBy: 'Ms Amira Khan' });
    expect(answer.until).not.toBeNull();
    const override = (await opened).policy.overrides.find((o) => o.sites.includes('www.tate.org.uk'))!;
    expect(override).toMatchObject({ kind: 'open', classId: 'class-year2' });

    await asking.getByText(/^Opened until \d\d:\d\d$/).waitFor();
    await tile(page, OLIVER).filter({ hasNotText: 'Requests' }).waitFor();
    await page.getByTestId('running-override').filter({ hasText: 'www.tate.org.uk' }).waitFor();
  });

  it('a request forwarded to the DSL is the DSL’s to decide, and the device hears the answer', async () => {
    const request = deviceEvent('unblock-request', {
      url: 'https://www.youtube.com/watch?v=owl-pellets',
      category: 'video',
      reason: 'Video about owl pellets for science',
    });
    await oliver.emitWithAck('event', request);
    const asking = card(page, 'Video about owl pellets for science');
    await asking.getByRole('button', { name: 'Forward to DSL' }).click();
    await asking.getByText('Forwarded to the DSL').waitFor();
    expect(await asking.getByRole('button', { name: 'Approve for this lesson' }).count()).toBe(0);

    const dsl = await harness.signIn('dsl@demo.waymark.test');
    await dsl.page.goto('/classes/class-year2/live');
    const forwarded = card(dsl.page, 'Video about owl pellets for science');
    await forwarded.getByText('Forwarded to you by the class teacher').waitFor();
    expect(await forwarded.getByRole('button', { name: 'Forward to DSL' }).count()).toBe(0);
    const answered = nextRequestStatus(oliver);
    await forwarded.getByRole('button', { name: 'Deny' }).click();
    expect(await answered).toMatchObject({
      requestId: request.id,
      status: 'denied',
      decidedBy: 'Mrs Helen Jones',
    });
    await forwarded.getByText(/^Denied$/).waitFor();
    // The teacher's screen hears the DSL's decision too.
    await asking.getByText(/^Denied$/).waitFor();
    await dsl.context.close();
  });

  it('the teacher focuses the class on a few sites and ends the focus early', async () => {
    await page.getByRole('button', { name: 'Focus the class' }).click();
    const form = page.getByRole('form', { name: 'Focus the class on a few sites' });
    await form.getByLabel('Sites, one per line').fill('bbc.co.uk/bitesize\ntopmarks.co.uk');
    expect(await form.getByLabel('For how long').inputValue()).toBe('lesson');
    const focused = nextPolicy(oliver, (m) => m.policy.overrides.some((o) => o.kind === 'focus'));
    await form.getByRole('button', { name: 'Start focus' }).click();
    const focus = (await focused).policy.overrides.find((o) => o.kind === 'focus')!;
    expect(focus.sites).toEqual(['bbc.co.uk/bitesize', 'topmarks.co.uk']);

    const running = page.getByTestId('running-override').filter({ hasText: 'Focus' });
    await running.filter({ hasText: /min left/ }).waitFor();
    const ended = nextPolicy(oliver, (m) => !m.policy.overrides.some((o) => o.kind === 'focus'));
    await running.getByRole('button', { name: /^End focus early/ }).click();
    await ended;
    await running.waitFor({ state: 'detached' });
    const overrides = await apiCall(
      harness.server.url,
      teacherCookie,
      'GET',
      '/api/classes/class-year2/overrides',
    );
    expect(overrides.body.overrides.map((o: { kind: string }) => o.kind)).toEqual(['open']);
  });

  it('filters the feed by pupil, kind and severity, from the grid too', async () => {
    const mia = await connectDevice(harness.server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
      deviceName: 'Owls Chromebook 3',
      user: MIA,
    });
    await mia.policy;
    await mia.emitWithAck('event', blockedEvent({ url: 'https://www.roblox.com/', category: 'gaming' }));
    await card(page, 'roblox.com').waitFor();

    await tile(page, MIA).getByRole('button', { name: 'Show events from Mia Walker' }).click();
    await page.getByText('Showing events from Mia Walker').waitFor();
    await card(page, 'miniclip.com').waitFor({ state: 'detached' });
    expect(await page.getByTestId('feed-event').count()).toBe(1);
    await page.getByRole('button', { name: 'Show everyone' }).click();

    await page.getByLabel('Kind').selectOption('unblock-request');
    await card(page, 'roblox.com').waitFor({ state: 'detached' });
    expect(await page.getByTestId('feed-event').count()).toBe(2);
    await page.getByLabel('Kind').selectOption('all');
    await page.getByLabel('Severity').selectOption('high');
    expect(await page.getByTestId('feed-event').allTextContents()).toEqual([
      expect.stringContaining('Someone sent me a horrible message'),
    ]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await card(page, 'roblox.com').waitFor();
    mia.disconnect();
    await tile(page, MIA).filter({ hasText: 'Offline' }).waitFor();
  });

  it('remembers the teacher’s choice of a sound for urgent events', async () => {
    const sound = page.getByRole('switch', { name: 'Sound for urgent events' });
    expect(await sound.isChecked()).toBe(false);
    await sound.check();
    expect(await page.evaluate(() => localStorage.getItem('waymark.live.sound'))).toBe('on');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Year 2 (Owls): live' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Sound for urgent events' }).isChecked()).toBe(true);
    await page.getByRole('switch', { name: 'Sound for urgent events' }).uncheck();
  });

  it('is keyboard-operable: the feed moves between events with the keys', async () => {
    await page.getByTestId('feed-event').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('2');
    await page.keyboard.press('End');
    const total = await page.getByTestId('feed-event').first().getAttribute('aria-setsize');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe(total);
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('1');
  });

  it('stays virtualised with 2,000 events, and the grid keeps counting', async () => {
    const burst = Array.from({ length: 2000 }, (_, i) =>
      blockedEvent({ url: `https://games.example/level-${i}`, rule: 'not on the KS1 allow-list' }),
    );
    for (let i = 0; i < burst.length; i += 200) {
      await Promise.all(burst.slice(i, i + 200).map((e) => oliver.emitWithAck('event', e)));
    }
    // The newest 2,000, and the concern from earlier: it waits for the teacher, so it is kept.
    await page.getByText('2,001 of 2,001').waitFor();
    await page
      .getByTestId('feed-event')
      .first()
      .filter({ hasText: 'Someone sent me a horrible message' })
      .waitFor();
    await card(page, 'games.example/level-1999').waitFor();
    // Only what is on screen (and a few either side) is in the page.
    expect(await page.getByTestId('feed-event').count()).toBeLessThan(40);
    // 1 + 2,000 blocked attempts this lesson, though the feed only keeps the newest 2,000 events.
    await tile(page, OLIVER).filter({ hasText: 'Blocked 2001' }).waitFor();
    const first = page.getByTestId('feed-event').first();
    await first.focus();
    await page.keyboard.press('End');
    // The list scrolls to its end first, then the last event (drawn once in view) takes the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-posinset')))
      .toBe('2001');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('games.example/level-0');
    await page.keyboard.press('Home');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('works on a tablet, in Welsh too', async () => {
    const tablet = await harness.signIn('teacher@demo.waymark.test', {
      viewport: { width: 768, height: 1024 },
    });
    await tablet.page.goto('/classes/class-year2/live');
    await tablet.page.getByRole('heading', { level: 1, name: 'Year 2 (Owls): live' }).waitFor();
    await tile(tablet.page, OLIVER).filter({ hasText: 'Online' }).waitFor();
    await card(tablet.page, 'games.example').first().waitFor();
    // A reload mid-lesson still puts the concern first, though 2,000 newer events arrived since.
    await tablet.page
      .getByTestId('feed-event')
      .first()
      .filter({ hasText: 'Someone sent me a horrible message' })
      .waitFor();
    const overflow = await tablet.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(tablet.page)).toEqual([]);
    await screenshot(tablet.page, 'live-class-tablet');

    await tablet.page.locator('details.account summary').click();
    await tablet.page.getByLabel('Language').selectOption('cy');
    await tablet.page.getByRole('heading', { level: 1, name: 'Year 2 (Owls): yn fyw' }).waitFor();
    await tablet.page.locator('details.account summary').click();
    await tablet.page.getByRole('heading', { name: 'Disgyblion' }).waitFor();
    expect(await axeViolations(tablet.page)).toEqual([]);
    await screenshot(tablet.page, 'live-class-tablet-cy');
  });

  it('an illegal-category request offers the teacher only forwarding to the DSL, and the DSL only denial', async () => {
    const request = deviceEvent('unblock-request', {
      url: 'https://illegal-request.test/page',
      category: 'illegal-csam',
      reason: 'A link a stranger sent in a game chat',
    });
    await oliver.emitWithAck('event', request);
    // The teacher's copy has no address; the only illegal-category event of this lesson.
    const asking = card(page, 'Address hidden: illegal category (DSL only)');
    await asking.getByText('This site is in an illegal category').waitFor();
    const teacherSees = await asking.textContent();
    expect(teacherSees).not.toContain('illegal-request.test');
    expect(teacherSees).not.toContain('Reason');
    const teacherButtons = asking.getByRole('group', { name: /^Unblock request from / }).getByRole('button');
    expect(await teacherButtons.allTextContents()).toEqual(['Forward to DSL']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'live-class-illegal-request-teacher');

    await asking.getByRole('button', { name: 'Forward to DSL' }).click();
    await asking.getByText('Forwarded to the DSL').waitFor();
    const dsl = await harness.signIn('dsl@demo.waymark.test');
    await dsl.page.goto('/classes/class-year2/live');
    const forwarded = card(dsl.page, 'A link a stranger sent in a game chat');
    await forwarded.getByText('Forwarded to you by the class teacher').waitFor();
    const dslButtons = forwarded.getByRole('group', { name: /^Unblock request from / }).getByRole('button');
    expect(await dslButtons.allTextContents()).toEqual(['Deny']);
    expect(await axeViolations(dsl.page)).toEqual([]);
    await screenshot(dsl.page, 'live-class-illegal-request-dsl');
    const answered = nextRequestStatus(oliver);
    await forwarded.getByRole('button', { name: 'Deny' }).click();
    expect(await answered).toMatchObject({ requestId: request.id, status: 'denied' });
    await asking.getByText(/^Denied$/).waitFor();
    await dsl.context.close();
  });
});
