import { describe, expect, it, vi } from 'vitest';
import { PolicyMessageSchema, PolicySchema } from '@waymark/shared';
import { validPolicyMessage } from '../lib/policy-message';

const good = PolicyMessageSchema.parse({
  policy: PolicySchema.parse({
    version: 3,
    profile: 'KS1',
    mode: 'allow-list',
    allow: ['bbc.co.uk/bitesize'],
    block: [],
    categories: {},
    categoryLists: {},
    alwaysAllowed: ['school.test'],
    overrides: [],
  }),
  classIds: ['year2'],
  className: 'Year 2',
  schoolName: 'Test School',
  keywords: {},
});

describe('a policy message from the server', () => {
  it('is applied as sent when it matches the shared schema', () => {
    expect(validPolicyMessage(structuredClone(good))).toEqual(good);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'policy'],
    ['without a policy', { classIds: [], className: null, schoolName: 'x', keywords: {} }],
    ['a policy whose lists are not lists', { ...good, policy: { ...good.policy, allow: 'everything' } }],
    ['an unknown profile', { ...good, policy: { ...good.policy, profile: 'KS9' } }],
  ])('is refused, saying why, when it is %s', (_name, message) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(validPolicyMessage(message)).toBeNull();
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/refused a malformed policy .+; the last good policy stays/),
    );
    error.mockRestore();
  });
});
