import type { Category } from '../policy/categories';
import { BENIGN_PHRASES, BENIGN_TOPICS, FILLERS, PHRASE_LIBRARY, SHORTHAND } from './library';
import { CLASSIFIER_WEIGHTS } from './library/classifier-weights';
import { PROTECTED_WORDS } from './library/protected-words';
import { compileLibrary, matcherOn, type CompiledLibrary, type Matcher } from './matcher';
import type { SchoolPhrase } from './types';

export * from './types';
export { parsePhraseLine, schoolPhrasesFrom, type KeywordLists, type PhraseLine } from './school-phrases';
export { compileLibrary, compileMatcher, matcherOn, type Matcher, type MatcherSource } from './matcher';
export { expandPhrase, PhraseSyntaxError } from './phrase-syntax';
export {
  PHRASE_LIBRARY,
  LIBRARY_REVIEWED,
  SOURCES as LIBRARY_SOURCES,
  BENIGN_PHRASES,
  BENIGN_TOPICS,
} from './library';

/** What a school adds to the library: its own phrases (with risks) and its own benign context. */
interface SchoolAdditions {
  phrases?: Partial<Record<Category, readonly SchoolPhrase[]>>;
  benign?: readonly string[];
}

let library: CompiledLibrary | null = null;

/** The starter library, compiled on first use and shared by every matcher in this process. */
function starterLibrary(): CompiledLibrary {
  library ??= compileLibrary({
    sections: PHRASE_LIBRARY,
    benign: BENIGN_PHRASES,
    benignTopics: BENIGN_TOPICS,
    shorthand: SHORTHAND,
    fillers: FILLERS,
    protectedWords: new Set(PROTECTED_WORDS),
    structural: true,
    classifier: CLASSIFIER_WEIGHTS,
  });
  return library;
}

/** The library's matcher, with a school's additions when given (cheap: the library is shared). */
export function createDetector(school: SchoolAdditions = {}): Matcher {
  return matcherOn(starterLibrary(), { phrases: school.phrases ?? {}, benign: school.benign ?? [] });
}
