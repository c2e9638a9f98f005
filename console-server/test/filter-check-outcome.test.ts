import { describe, expect, it } from 'vitest';
import { PolicySchema, type Policy } from '@waymark/shared';
import { addressOutcome } from '../src/features/filtering-checks/check-outcome';

const ks3: Policy = PolicySchema.parse({
  version: 3,
  profile: 'KS3',
  mode: 'block-list',
  allow: [],
  block: [],
  categories: { gambling: { action: 'block' }, video: { action: 'allow' } },
  categoryLists: { gambling: ['bet365.com'], video: ['youtube.com'] },
  alwaysAllowed: [],
  overrides: [],
});
const ctx = { now: new Date('2026-12-07T10:00:00Z'), classIds: [] };
const at = (url: string, category: Parameters<typeof addressOutcome>[0]['category']) => ({
  url,
  category,
  note: '',
});

describe('the outcome of one test address on one device', () => {
  it('passes when the device does what its current policy says', () => {
    expect(addressOutcome(at('https://bet365.com/', 'gambling'), { verdict: 'blocked' }, ks3, ctx)).toEqual({
      expected: 'blocked',
      outcome: 'pass',
    });
    expect(addressOutcome(at('https://youtube.com/', 'video'), { verdict: 'allowed' }, ks3, ctx)).toEqual({
      expected: 'allowed',
      outcome: 'pass',
    });
  });

  it('fails when the device allows what its policy blocks (a stale or altered device)', () => {
    expect(
      addressOutcome(at('https://bet365.com/', 'gambling'), { verdict: 'allowed' }, ks3, ctx).outcome,
    ).toBe('fail');
  });

  it('is a gap when both allow an address of a blocked or illegal category: it is on no list', () => {
    expect(
      addressOutcome(at('https://newbets.example/', 'gambling'), { verdict: 'allowed' }, ks3, ctx).outcome,
    ).toBe('gap');
    expect(
      addressOutcome(at('https://provider-test.example/', 'illegal-csam'), { verdict: 'allowed' }, ks3, ctx)
        .outcome,
    ).toBe('gap');
  });

  it('notes a device blocking what its policy allows', () => {
    expect(
      addressOutcome(at('https://youtube.com/', 'video'), { verdict: 'blocked' }, ks3, ctx).outcome,
    ).toBe('over-blocked');
  });
});
