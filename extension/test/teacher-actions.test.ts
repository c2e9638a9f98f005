import { describe, expect, it } from 'vitest';
import { HELP_SITE_HOSTS, type PolicyMessage } from '@waymark/shared';
import { activeLock, lockRules, onSite } from '../lib/teacher-actions';

describe('a teacher’s lock and actions on the device', () => {
  it('never outlives its release time', () => {
    const lock = { actionId: 'a', message: 'Eyes on me', from: 'Ms Khan', until: '2026-12-07T10:30:00.000Z' };
    expect(activeLock(lock, new Date('2026-12-07T10:29:59.000Z'))).toEqual(lock);
    expect(activeLock(lock, new Date('2026-12-07T10:30:00.000Z'))).toBeNull();
    expect(activeLock(null, new Date())).toBeNull();
  });

  it('sends every web page to the lock page but keeps help and the school’s own hosts open', () => {
    const message = {
      policy: { alwaysAllowed: ['waymark.school.example', '.accounts.google.com'] },
    } as unknown as PolicyMessage;
    const [redirect, allow] = lockRules(message, 40);
    expect(redirect).toMatchObject({
      id: 40,
      action: { type: 'redirect' },
      condition: { resourceTypes: ['main_frame'] },
    });
    expect(allow!.priority).toBeGreaterThan(redirect!.priority);
    expect(allow!.condition.requestDomains).toEqual(
      expect.arrayContaining([...HELP_SITE_HOSTS, 'waymark.school.example', 'accounts.google.com']),
    );
  });

  it('closes the tabs on a site and its subdomains only', () => {
    expect(onSite('https://www.miniclip.com/games', 'miniclip.com')).toBe(true);
    expect(onSite('https://play.miniclip.com/', 'www.miniclip.com')).toBe(true);
    expect(onSite('https://notminiclip.com/', 'miniclip.com')).toBe(false);
    expect(onSite('chrome://newtab/', 'miniclip.com')).toBe(false);
    expect(onSite(undefined, 'miniclip.com')).toBe(false);
  });
});
