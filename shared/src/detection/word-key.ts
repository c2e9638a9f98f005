/**
 * The form two words are compared in: English inflections taken off ("cutting", "cuts" and "cut"
 * are one word; "killed", "kills", "killing" are "kill"), irregular forms mapped to their base.
 * Only inflections: "suicidal" and "suicide" stay two words, and the library lists both.
 * Phrases and texts go through the same function, so a key only has to be consistent, not pretty.
 */

const IRREGULAR = new Map<string, string>(
  Object.entries({
    dying: 'die',
    died: 'die',
    dies: 'die',
    dyin: 'die',
    lying: 'lie',
    lied: 'lie',
    knives: 'knife',
    lives: 'life',
    wives: 'wife',
    selves: 'self',
    themselves: 'themself',
    children: 'child',
    kids: 'kid',
    men: 'man',
    women: 'woman',
    people: 'person',
    hung: 'hang',
    hanged: 'hang',
    shot: 'shoot',
    bled: 'bleed',
    cut: 'cut',
    took: 'take',
    taken: 'take',
    ate: 'eat',
    eaten: 'eat',
    threw: 'throw',
    thrown: 'throw',
    bought: 'buy',
    sold: 'sell',
    sent: 'send',
    made: 'make',
    met: 'meet',
    told: 'tell',
    felt: 'feel',
    hurts: 'hurt',
    hurting: 'hurt',
    hates: 'hate',
    hated: 'hate',
    hating: 'hate',
    is: 'is',
    was: 'was',
    has: 'has',
    does: 'does',
    this: 'this',
    his: 'his',
    us: 'us',
    yes: 'yes',
    gas: 'gas',
    bus: 'bus',
    plus: 'plus',
    always: 'always',
    news: 'news',
    nudes: 'nude',
    pics: 'pic',
    boobs: 'boob',
  }),
);

const VOWEL = /[aeiouy]/;
/** A doubled final consonant left by "-ing"/"-ed" ("cutting" → "cutt" → "cut"), except ll, ss, zz, ff. */
const UNDOUBLE = /([bcdgkmnprtvw])\1$/;

function stripFinalE(stem: string): string {
  return stem.length > 3 && stem.endsWith('e') && !stem.endsWith('ee') ? stem.slice(0, -1) : stem;
}

function afterSuffix(stem: string): string {
  const undoubled = UNDOUBLE.test(stem) ? stem.slice(0, -1) : stem;
  return stripFinalE(undoubled);
}

const cache = new Map<string, string>();

/** The key of one normalised word (lower-case letters). */
export function wordKey(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const key = computeKey(word);
  if (cache.size > 50_000) cache.clear();
  cache.set(word, key);
  return key;
}

function computeKey(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return stripFinalE(irregular);
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  const stemOf = (suffix: string) => word.slice(0, word.length - suffix.length);
  if (word.endsWith('ies') && word.length > 4) return stemOf('ies') + 'y';
  if (word.endsWith('ied') && word.length > 4) return stemOf('ied') + 'y';
  if (word.endsWith('ing') && word.length > 5 && VOWEL.test(stemOf('ing'))) return afterSuffix(stemOf('ing'));
  if (word.endsWith('eed')) return word;
  if (word.endsWith('ed') && word.length > 4 && VOWEL.test(stemOf('ed'))) return afterSuffix(stemOf('ed'));
  if (/(sses|shes|ches|xes|zes)$/.test(word)) return stemOf('es');
  if (word.endsWith('s') && !/(ss|us|is|ous)$/.test(word)) return stripFinalE(stemOf('s'));
  return stripFinalE(word);
}
