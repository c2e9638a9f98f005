import type { Category } from '../policy/categories';
import { BENIGN_PHRASES, BENIGN_TOPICS, FILLERS, PHRASE_LIBRARY, SHORTHAND } from './library';
import { PROTECTED_WORDS } from './library/protected-words';
import { compileMatcher, type Matcher } from './matcher';
import type { SchoolPhrase } from './types';

export * from './types';
export { compileMatcher, type Matcher, type MatcherSource } from './matcher';
export { expandPhrase, PhraseSyntaxError } from './phrase-syntax';
export {
  PHRASE_LIBRARY,
  LIBRARY_REVIEWED,
  SOURCES as LIBRARY_SOURCES,
  BENIGN_PHRASES,
  BENIGN_TOPICS,
} from './library';

/** What a school adds to the library: its own phrases (with risks) and its own benign context. */
export interface SchoolAdditions {
  phrases?: Partial<Record<Category, readonly SchoolPhrase[]>>;
  benign?: readonly string[];
}

let protectedWords: ReadonlySet<string> | null = null;

/** The library's matcher, with a school's additions when given. Compile once and keep it. */
export function createDetector(school: SchoolAdditions = {}): Matcher {
  protectedWords ??= new Set(PROTECTED_WORDS);
  return compileMatcher({
    sections: PHRASE_LIBRARY,
    benign: BENIGN_PHRASES,
    benignTopics: BENIGN_TOPICS,
    shorthand: SHORTHAND,
    fillers: FILLERS,
    protectedWords,
    school: { phrases: school.phrases ?? {}, benign: school.benign ?? [] },
  });
}
