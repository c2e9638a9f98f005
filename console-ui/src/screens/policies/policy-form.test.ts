import { describe, expect, it } from 'vitest';
import { policyDiff, type PolicyBody } from '@waymark/shared';
import { bodyFromDraft, checkDraft, draftFromBody, listLines } from './policy-form';

const ks1: PolicyBody = {
  profile: 'KS1',
  mode: 'allow-list',
  allow: ['bbc.co.uk/bitesize', 'topmarks.co.uk'],
  block: [],
  categories: {
    gaming: { action: 'allow-at-times', windows: [{ days: [5], start: '15:00', end: '16:00' }] },
  },
  categoryLists: { gaming: ['roblox.com'] },
  safeSearch: true,
  timeZone: 'Europe/London',
};

describe('the policy editor form', () => {
  it('round-trips a stored policy unchanged, so an untouched form has nothing to save', () => {
    const body = bodyFromDraft(draftFromBody(ks1), ks1);
    expect(body).toEqual(ks1);
    expect(policyDiff(ks1, body)).toEqual([]);
  });

  it('reads pasted lists line by line, ignoring blank lines and spaces around entries', () => {
    expect(listLines('  a.com \n\n\tb.com\r\n')).toEqual([
      { value: 'a.com', line: 1 },
      { value: 'b.com', line: 3 },
    ]);
  });

  it('an added blocked site and a reason give the shared diff the change log will record', () => {
    const draft = { ...draftFromBody(ks1), block: 'miniclip.com' };
    const check = checkDraft(draft, ks1, 'Pupils found games on Miniclip');
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(policyDiff(ks1, check.body)).toEqual(['block-list: added miniclip.com']);
    expect(check.body.categoryLists).toBe(ks1.categoryLists);
  });

  it('refuses a save without a reason', () => {
    const check = checkDraft({ ...draftFromBody(ks1), block: 'miniclip.com' }, ks1, '   ');
    expect(check).toEqual({ ok: false, problems: [{ field: 'reason', key: 'reasonMissing', values: {} }] });
  });

  it('names the line of a bad or repeated filter', () => {
    const check = checkDraft(
      { ...draftFromBody(ks1), block: 'miniclip.com\n\nexa mple.com\nminiclip.com' },
      ks1,
      'tidying the block-list',
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([
      {
        field: 'block',
        key: 'filterInvalid',
        values: expect.objectContaining({ line: 3, value: 'exa mple.com' }),
      },
      { field: 'block', key: 'filterDuplicate', values: { line: 4, value: 'miniclip.com', first: 1 } },
    ]);
  });

  it('checks time windows and nominated people before the server does', () => {
    const draft = draftFromBody(ks1);
    draft.categories.gaming = {
      action: 'allow-at-times',
      windows: [{ days: [], start: '16:00', end: '15:00' }],
      nominated: '',
    };
    draft.categories.video = {
      action: 'allow-at-times',
      windows: [{ days: [1], start: '16:00', end: '15:00' }],
      nominated: '',
    };
    draft.categories.messaging = { action: 'allow-for-nominated', windows: [], nominated: '\n' };
    const check = checkDraft(draft, ks1, 'after-school clubs');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => [p.field, p.key])).toEqual([
      ['category-messaging', 'nominatedMissing'],
      ['category-video', 'windowOrder'],
      ['category-gaming', 'windowDays'],
    ]);
  });

  it('never saves anything but "block" for an illegal category, even from a draft that says otherwise', () => {
    const draft = draftFromBody(ks1);
    draft.categories['illegal-csam'] = { action: 'allow', windows: [], nominated: '' };
    draft.categories['illegal-hate'] = { action: 'allow-for-nominated', windows: [], nominated: 'x@y.z' };
    const body = bodyFromDraft(draft, ks1);
    expect(body.categories['illegal-csam']).toEqual({ action: 'block' });
    expect(body.categories['illegal-hate']).toEqual({ action: 'block' });
    expect(body.categories['illegal-terrorism']).toBeUndefined();
  });

  it('builds category actions from the form, leaving "not set" categories out', () => {
    const draft = draftFromBody(ks1);
    draft.categories.gaming = { action: 'unset', windows: [], nominated: '' };
    draft.categories['social-media'] = {
      action: 'allow-for-nominated',
      windows: [],
      nominated: 'class-year2\n  head@school.example ',
    };
    const body = bodyFromDraft(draft, ks1);
    expect(body.categories).toEqual({
      'social-media': { action: 'allow-for-nominated', nominated: ['class-year2', 'head@school.example'] },
    });
  });

  it('notes blocked help sites, which stay open whatever the list says', () => {
    const check = checkDraft(
      { ...draftFromBody(ks1), block: 'www.childline.org.uk\nminiclip.com' },
      ks1,
      'testing help',
    );
    expect(check.ok && check.helpSitesBlocked).toEqual(['www.childline.org.uk']);
  });
  it('keeps allowed addresses and the mirror setting the stored policy has, and edits them', () => {
    const ks4: PolicyBody = {
      ...ks1,
      profile: 'KS4',
      mode: 'block-list',
      allowedAddresses: ['192.168.1.20'],
      mirrors: 'block',
    };
    expect(bodyFromDraft(draftFromBody(ks4), ks4)).toEqual(ks4);
    const draft = {
      ...draftFromBody(ks4),
      allowedAddresses: '192.168.1.20\n10.20.0.0/16\n',
      mirrors: 'inherit' as const,
    };
    const check = checkDraft(draft, ks4, 'the new library server');
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.body).toMatchObject({
      allowedAddresses: ['192.168.1.20', '10.20.0.0/16'],
      mirrors: 'inherit',
    });
    expect(policyDiff(ks4, check.body)).toEqual([
      'allowed addresses: added 10.20.0.0/16',
      'mirror sites (translate proxies, web archives, search caches): all blocked → each treated as the site it copies',
    ]);
  });

  it('names the line of a bad, too wide, misaligned or repeated address', () => {
    const check = checkDraft(
      {
        ...draftFromBody(ks1),
        allowedAddresses: 'intranet.school\n0.0.0.0/0\n\n10.0.0.9/8\n10.1.1.1\n10.1.1.1/32',
      },
      ks1,
      'the school servers',
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([
      { field: 'allowedAddresses', key: 'addressInvalid', values: { line: 1, value: 'intranet.school' } },
      { field: 'allowedAddresses', key: 'addressTooWide', values: { line: 2, value: '0.0.0.0/0', bits: 0 } },
      {
        field: 'allowedAddresses',
        key: 'addressNotStart',
        values: { line: 4, value: '10.0.0.9/8', start: '10.0.0.0/8' },
      },
      {
        field: 'allowedAddresses',
        key: 'addressDuplicate',
        values: { line: 6, value: '10.1.1.1/32', first: 5 },
      },
    ]);
  });
});
