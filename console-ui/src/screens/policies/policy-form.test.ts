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
});
