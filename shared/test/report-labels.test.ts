import { describe, expect, it } from 'vitest';
import { reportLabel } from '../src';

describe('reportLabel', () => {
  it('names known keys and shows unknown ones as they are, Object.prototype names included', () => {
    expect(reportLabel('en', 'categories', 'gambling')).toBe('Gambling');
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      for (const group of ['categories', 'keyStages', 'actions', 'statuses'] as const)
        expect(reportLabel('en', group, key)).toBe(key);
  });
});
