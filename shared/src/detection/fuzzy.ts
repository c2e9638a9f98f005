/**
 * Misspellings of the library's longer words: edit distance (insertions, deletions, substitutions
 * and swapped neighbours) of 1 for words of five to seven letters and 2 from eight letters, found
 * through an index of deletions (the SymSpell method), so a lookup costs a few map probes whatever
 * the size of the library. Short words are corrected only by sound, a swap or a missing vowel
 * ("lyfe", "slef", "lfe"), and only when not words themselves: "hurt"/"hunt", "gun"/"gum" are words.
 */

/** The edits allowed for a library word of this length. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** Optimal-string-alignment distance, or `max + 1` once it is known to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const row = new Array<number>(cols);
    row[0] = i;
    let best = row[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[cols - 1]!;
}

function deletions(word: string, depth: number, into: Set<string>): void {
  if (depth === 0) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
}

/** Silent first letters children leave out: "nife" is "knife", "rist" is "wrist". */
const SILENT_START = /^(k(?=n)|w(?=r)|p(?=[sn])|g(?=n))/;
const firstSound = (word: string) => word.replace(SILENT_START, '')[0];

/**
 * How a short word sounds, for the sound-alike spellings children use on short words ("lyfe",
 * "wead", "ded"): silent first letters, "ph", "ck", a "y" inside a word, long vowels spelt two
 * ways, doubled letters and a silent final "e" folded away.
 */
export function soundOf(word: string): string {
  return word
    .replace(SILENT_START, '')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/(?<=.)y/g, 'i')
    .replace(/ee|ea|ie/g, 'e')
    .replace(/oo|ou/g, 'u')
    .replace(/c(?=[aou])/g, 'k')
    .replace(/z/g, 's')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/(?<=..)e$/, '');
}

/** Adjacent letters swapped ("slef"), one at a time. */
function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return out;
}

/** A vowel left out of a three-letter word ("lfe"). */
function withVowel(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++)
    for (const v of 'aeiou') out.push(word.slice(0, i) + v + word.slice(i));
  return out;
}

/**
 * Library words by their deletions, to find the words a misspelling is close to. Each word is
 * indexed as written and by its key ("wrists" and "wrist"), and answers with its key.
 */
export class FuzzyIndex {
  private readonly byDeletion = new Map<string, Array<{ form: string; key: string }>>();
  /** Short library words (three to five letters) by how they sound, and as written. */
  private readonly shortBySound = new Map<string, Set<string>>();
  private readonly shortForms = new Map<string, string>();

  constructor(entries: Iterable<readonly [form: string, key: string]>) {
    for (const [form, key] of entries) {
      if (form.length >= 3 && form.length <= 5 && /^[a-z]+$/.test(form)) {
        this.shortForms.set(form, key);
        const sound = soundOf(form);
        const keys = this.shortBySound.get(sound);
        if (keys) keys.add(key);
        else this.shortBySound.set(sound, new Set([key]));
      }
      const edits = allowedEdits(form.length);
      if (edits === 0) continue;
      const variants = new Set<string>([form]);
      deletions(form, edits, variants);
      for (const variant of variants) {
        const list = this.byDeletion.get(variant);
        if (!list) this.byDeletion.set(variant, [{ form, key }]);
        else if (!list.some((e) => e.form === form)) list.push({ form, key });
      }
    }
  }

  /**
   * Keys of the library words within their allowed edits of `typed`, nearest first. Below eight
   * letters the first sound must agree.
   */
  lookup(typed: string): string[] {
    if (typed.length < 3) return [];
    if (typed.length <= 4) {
      const short = this.shortLookup(typed);
      if (short.length > 0) return short;
    }
    if (typed.length < 4) return [];
    const variants = new Set<string>([typed]);
    // A word of five letters or fewer can only be near library words below eight letters: one edit.
    deletions(typed, typed.length <= 5 ? 1 : 2, variants);
    const found = new Map<string, number>();
    for (const variant of variants) {
      for (const { form, key } of this.byDeletion.get(variant) ?? []) {
        if (form === typed) continue;
        const edits = allowedEdits(form.length);
        if (form.length < 8 && firstSound(form) !== firstSound(typed) && form[0] !== typed[0]) continue;
        const d = editDistance(typed, form, edits);
        if (d <= edits && (found.get(key) ?? Infinity) > d) found.set(key, d);
      }
    }
    return [...found].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  }

  /**
   * A short word (three or four letters, not itself a word) read as a short library word that
   * sounds the same, has two neighbours swapped, or lacks one vowel: "lyfe", "slef", "lfe".
   */
  private shortLookup(typed: string): string[] {
    if (!/^[a-z]+$/.test(typed)) return [];
    const found = new Set<string>(this.shortBySound.get(soundOf(typed)) ?? []);
    // A swap only in four letters: three-letter swaps ("hbu", "tbh") are mostly abbreviations.
    for (const variant of typed.length === 4 ? transpositions(typed) : []) {
      const key = this.shortForms.get(variant);
      if (key) found.add(key);
    }
    if (typed.length === 3)
      for (const variant of withVowel(typed)) {
        const key = this.shortForms.get(variant);
        if (key) found.add(key);
      }
    return [...found];
  }
}
