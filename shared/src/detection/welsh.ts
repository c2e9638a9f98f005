/**
 * Welsh initial consonant mutations: "lladd" (kill) is written "ladd" after "i" or "fy" ("i ladd
 * fy hun"), "poeni" becomes "boeni", "cyllell" becomes "gyllell" or "nghyllell". A word of a text
 * may stand for any radical form these rules lead back to; the matcher keeps those that are words
 * of the Welsh library. Applies to schools' own Welsh phrases as much as to the library's.
 */
const VOWEL_START = /^[aeiouwy]/;

const REVERSE: ReadonlyArray<readonly [string, readonly string[]]> = [
  // nasal
  ['ngh', ['c']],
  ['mh', ['p']],
  ['nh', ['t']],
  ['ng', ['g']],
  // aspirate
  ['ph', ['p']],
  ['th', ['t']],
  ['ch', ['c']],
  // soft
  ['dd', ['d']],
  ['b', ['p']],
  ['d', ['t']],
  ['g', ['c']],
  ['f', ['b', 'm']],
  ['l', ['ll']],
  ['r', ['rh']],
  ['m', ['b']],
  ['n', ['d']],
];

/** The radical forms a (possibly mutated) Welsh word may have, not including the word itself. */
export function radicalForms(word: string): string[] {
  const forms: string[] = [];
  for (const [mutated, radicals] of REVERSE) {
    if (word.startsWith(mutated) && word.length > mutated.length + 1) {
      for (const radical of radicals) forms.push(radical + word.slice(mutated.length));
    }
  }
  // Soft mutation drops g: "wneud" ← "gwneud", "olwg" ← "golwg".
  if (VOWEL_START.test(word) || word.startsWith('l') || word.startsWith('r')) forms.push(`g${word}`);
  // h before a vowel: "ei hysgol" ← "ysgol".
  if (/^h[aeiouwy]/.test(word)) forms.push(word.slice(1));
  return forms;
}
