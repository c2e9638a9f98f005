import { describe, expect, it } from 'vitest';
import {
  FilterCheckAnswerSchema,
  PolicySchema,
  STARTER_TEST_ADDRESSES,
  type PolicyMessage,
} from '@waymark/shared';
import { answerFilterCheck } from '../lib/filter-check';

function held(version: number, block: string[]): PolicyMessage {
  return {
    policy: PolicySchema.parse({
      profile: 'KS3',
      version,
      mode: 'block-list',
      timeZone: 'Europe/London',
      allow: [],
      block,
      alwaysAllowed: [],
      overrides: [],
      categories: { gambling: { action: 'block' }, 'illegal-csam': { action: 'block' } },
      categoryLists: {
        gambling: ['bet365.com'],
        'illegal-csam': ['illegal-csam.filter-test.waymark.invalid'],
      },
    }),
    classIds: [],
    className: null,
    schoolName: 'Test school',
    keywords: {},
  };
}

describe('a filtering check on the device', () => {
  it('answers each address from the policy it holds, with its version and rule', () => {
    const urls = ['https://www.bet365.com/', 'https://www.youtube.com/', STARTER_TEST_ADDRESSES[0]!.url];
    const answer = answerFilterCheck({ checkId: 'c1', urls }, held(4, []));
    expect(FilterCheckAnswerSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ ok: true, policyVersion: 4, profile: 'KS3' });
    if (!answer.ok) throw new Error('refused');
    expect(answer.results.map((r) => [r.url, r.verdict, r.category])).toEqual([
      ['https://www.bet365.com/', 'blocked', 'gambling'],
      ['https://www.youtube.com/', 'allowed', null],
      [STARTER_TEST_ADDRESSES[0]!.url, 'blocked', 'illegal-csam'],
    ]);
    expect(answer.results[0]!.rule).not.toBe('');
  });

  it('answers from its own policy, not the server’s: an older one allows what a newer one blocks', () => {
    const request = { checkId: 'c2', urls: ['https://www.youtube.com/'] };
    const old = answerFilterCheck(request, held(1, []));
    const current = answerFilterCheck(request, held(2, ['youtube.com']));
    expect(old.ok && old.results[0]!.verdict).toBe('allowed');
    expect(current.ok && current.results[0]!.verdict).toBe('blocked');
  });

  it('answers with the category data it holds (lists no longer travel in the policy)', () => {
    const message = held(3, []);
    const bare = { ...message, policy: { ...message.policy, categoryLists: {} } };
    const url = STARTER_TEST_ADDRESSES[0]!.url;
    const request = { checkId: 'c4', urls: [url, 'https://www.bet365.com/'] };
    const without = answerFilterCheck(request, bare);
    expect(without.ok && without.results.map((r) => r.verdict)).toEqual(['allowed', 'allowed']);
    const withData = answerFilterCheck(request, bare, () => message.policy.categoryLists);
    expect(withData.ok && withData.results.map((r) => [r.verdict, r.category])).toEqual([
      ['blocked', 'illegal-csam'],
      ['blocked', 'gambling'],
    ]);
  });

  it('says so when it holds no policy yet', () => {
    expect(answerFilterCheck({ checkId: 'c3', urls: ['https://a.example/'] }, null)).toEqual({
      ok: false,
      error: 'the device holds no policy yet',
    });
  });
});
