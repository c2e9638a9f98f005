import { describe, expect, it } from 'vitest';
import { evaluateUrl, PolicySchema } from '@waymark/shared';
import { describeDecision } from './describe-decision';

const policy = PolicySchema.parse({
  version: 3,
  profile: 'KS1',
  mode: 'allow-list',
  allow: ['topmarks.co.uk'],
  block: ['miniclip.com'],
  categories: { gambling: { action: 'block' } },
  categoryLists: { gambling: ['topmarks.co.uk/bingo'] },
  alwaysAllowed: ['accounts.google.com'],
  overrides: [],
});
const explain = (url: string) => describeDecision(evaluateUrl(policy, url, { now: new Date() }), 'KS1');

describe('which rule decided, in words to translate', () => {
  it('names the list and the filter that matched', () => {
    expect(explain('https://www.miniclip.com/games')).toEqual({
      key: 'blockList',
      values: { profile: 'KS1', filter: 'miniclip.com' },
    });
    expect(explain('https://www.topmarks.co.uk/maths')).toEqual({
      key: 'allowList',
      values: { profile: 'KS1', filter: 'topmarks.co.uk' },
    });
    expect(explain('https://topmarks.co.uk/bingo/1')).toEqual({
      key: 'category',
      values: { category: 'gambling', filter: 'topmarks.co.uk/bingo' },
    });
  });

  it('says when nothing on the allow-list matched, and names help sites and always-allowed hosts', () => {
    expect(explain('https://example.com/')).toEqual({ key: 'notOnAllowList', values: { profile: 'KS1' } });
    expect(explain('https://www.childline.org.uk/')).toEqual({
      key: 'helpSite',
      values: { name: 'Childline' },
    });
    expect(explain('https://accounts.google.com/')).toEqual({
      key: 'alwaysAllowed',
      values: { filter: 'accounts.google.com' },
    });
    expect(explain('not a url')).toEqual({ key: 'invalidUrl', values: {} });
  });
});
