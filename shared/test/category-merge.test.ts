import { describe, expect, it } from 'vitest';
import { mergeCategoryEntries, type HeldCategorySource } from '../src';

function source(id: string, entries: HeldCategorySource['entries']): HeldCategorySource {
  return { id, name: id, version: 1, hash: '', categories: Object.keys(entries) as never, entries };
}

describe('held category sources merged', () => {
  it('join each category across sources without changing any source', () => {
    const a = source('a', { gambling: ['bet.example'], gaming: ['play.example'] });
    const b = source('b', { gambling: ['dice.example'] });
    const c = source('c', { gambling: ['card.example'] });
    const merged = mergeCategoryEntries([a, b, c]);
    expect(merged).toEqual({
      gambling: ['bet.example', 'dice.example', 'card.example'],
      gaming: ['play.example'],
    });
    expect(a.entries.gambling).toEqual(['bet.example']);
    expect(b.entries.gambling).toEqual(['dice.example']);
    // A category one source holds is that list itself: no copy of a million entries.
    expect(merged.gaming).toBe(a.entries.gaming);
  });
});
