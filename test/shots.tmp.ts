import { chromium } from 'playwright-core';
import { connectDevice, blockedEvent } from '@waymark/console-server/testing';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { launchPupilBrowser, configureExtension, dynamicRuleCount, waitFor } from './support/chromium';

const url = 'http://127.0.0.1:8090';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
await page.goto(`${url}/`);
await page.waitForURL('**/sign-in');
await page.screenshot({ path: '/tmp/shots/sign-in.png' });
await page.fill('#email', 'teacher@demo.waymark.test');
await page.fill('#password', 'waymark-demo');
await page.click('button[type=submit]');
await page.waitForSelector('.class-list a');
await page.screenshot({ path: '/tmp/shots/classes.png' });
await page.click('text=Year 2 (Owls)');
await page.waitForSelector('text=Live: new events');
const device = await connectDevice(url, {
  enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
  user: 'oliver.thomas@pupils.demo.waymark.test',
});
await device.emitWithAck(
  'event',
  blockedEvent({ url: 'https://www.miniclip.com/games', category: 'gaming' }),
);
await device.emitWithAck('event', blockedEvent({ url: 'https://www.tiktok.com/', category: 'social-media' }));
await page.waitForSelector('[data-testid=feed-event]');
await page.screenshot({ path: '/tmp/shots/live.png' });
device.disconnect();
await browser.close();

const pupil = await launchPupilBrowser(['MAP www.miniclip.com 127.0.0.1']);
await configureExtension(pupil.worker, {
  serverUrl: url,
  enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
  deviceName: 'Owls 07',
});
await waitFor(
  () => dynamicRuleCount(pupil.worker),
  (n) => n > 0,
);
const p2 = await pupil.context.newPage();
await p2.setViewportSize({ width: 1000, height: 760 });
await p2.goto('http://www.miniclip.com:8090/games').catch(() => {});
await p2.waitForSelector('[data-testid=waymark-blocked]');
await p2.screenshot({ path: '/tmp/shots/blocked.png' });
await pupil.close();
