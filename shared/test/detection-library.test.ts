import { describe, expect, it } from 'vitest';
import { CATEGORIES, expandPhrase, PHRASE_LIBRARY } from '../src';
import { PROTECTED_WORDS_FOR } from '../src/detection/library/protected-words';
import { libraryFingerprint } from '../scripts/protected-words';

describe('the phrase library', () => {
  it('notes sources and a review date for every section, and every phrase expands', () => {
    const ids = new Set<string>();
    for (const section of PHRASE_LIBRARY) {
      expect(ids.has(section.id), section.id).toBe(false);
      ids.add(section.id);
      expect(CATEGORIES).toContain(section.category);
      expect(section.sources.length, section.id).toBeGreaterThan(0);
      expect(section.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const phrases of Object.values(section.phrases))
        for (const phrase of phrases ?? []) expect(expandPhrase(phrase).length, phrase).toBeGreaterThan(0);
    }
  });

  it('covers the categories of issue 14, and Welsh for self-harm, bullying, grooming and violence', () => {
    const covered = (language: 'en' | 'cy') =>
      new Set(PHRASE_LIBRARY.filter((s) => s.language === language).map((s) => s.category));
    for (const c of [
      'self-harm',
      'grooming',
      'discrimination',
      'extremism',
      'violence',
      'pornography',
      'substance-abuse',
      'gambling',
      'proxy-vpn',
    ] as const)
      expect(covered('en').has(c), c).toBe(true);
    for (const c of ['self-harm', 'discrimination', 'grooming', 'violence'] as const)
      expect(covered('cy').has(c), c).toBe(true);
    expect(PHRASE_LIBRARY.some((s) => s.topic.includes('eating disorders'))).toBe(true);
    expect(PHRASE_LIBRARY.some((s) => s.incidentKind === 'sharing-nudes')).toBe(true);
  });

  it('keeps the list of real words never taken for misspellings up to date with the library', () => {
    // Regenerate with `npm run detection:protected-words -w @waymark/shared` after changing phrases.
    expect(PROTECTED_WORDS_FOR).toBe(libraryFingerprint());
  });
});
