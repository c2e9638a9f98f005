import type { Category, Profile } from '../policy/categories';
import type { IncidentCategory } from '../incidents/model';
import { FuzzyIndex } from './fuzzy';
import { wordsOf, type Word } from './normalise';
import { expandPhrase } from './phrase-syntax';
import {
  riskRank,
  type Detection,
  type DetectionMatch,
  type PhraseSection,
  type Risk,
  type SchoolPhrase,
} from './types';
import { radicalForms } from './welsh';
import { wordKey } from './word-key';

/** Everything a matcher is compiled from (the library, plus what a school added). */
export interface MatcherSource {
  sections: readonly PhraseSection[];
  /** Phrases that contain a trigger word but are ordinary (films, books, places, science): a match they overlap is cleared. */
  benign: readonly string[];
  /** Schoolwork topics: anywhere in a text, they clear its matches below high risk in the categories named. */
  benignTopics: ReadonlyArray<{ topic: string; clears: readonly Category[] }>;
  /** Abbreviations, chat spellings and algospeak, each with what it may stand for (phrase syntax). */
  shorthand: Readonly<Record<string, readonly string[]>>;
  /** Words that may come between the words of a phrase ("want to just die"). */
  fillers: readonly string[];
  /** Real words near a library word: never taken for a misspelling of it ("shout" is not "shoot"). */
  protectedWords: ReadonlySet<string>;
  /** The school's own phrases by category, and its own benign context. */
  school?: { phrases: Partial<Record<Category, readonly SchoolPhrase[]>>; benign: readonly string[] };
}

interface Entry {
  phrase: string;
  category: Category;
  risk: Risk;
  incidentKind: IncidentCategory;
  source: 'library' | 'school';
  pupilsOnly: boolean;
  length: number;
}

interface Node {
  next: Map<string, Node>;
  entries: Entry[];
  /** Benign context ending here: overlapping (`phrase`) or text-wide (`topic`). */
  benign: Array<{ text: string; clears: readonly Category[] | null }>;
}

/** What one word of a text may stand for: a run of keys, using one word or two joined. */
interface Reading {
  keys: readonly string[];
  width: 1 | 2;
}

interface Span {
  start: number;
  end: number;
}

const newNode = (): Node => ({ next: new Map(), entries: [], benign: [] });
/** `...` in a phrase: up to four words of any kind ("how many paracetamol ... die"). */
const GAP_WORD = '...';
const GAP = '\u0000gap';
const MAX_GAP = 4;
const MAX_FILLERS = 2;
const MAX_READINGS_CACHE = 100_000;

/** Letters repeated for emphasis ("kiiiill", "pleeease"): runs of three or more. */
const EMPHASIS = /([a-z])\1\1+/g;
const squeezeRuns = (word: string, keep: 1 | 2) =>
  word.replace(keep === 1 ? /([a-z])\1+/g : EMPHASIS, keep === 1 ? '$1' : '$1$1');

export type Matcher = ReturnType<typeof compileMatcher>;

/**
 * Compiles the library (and a school's additions) once; `match` then answers for one text in a
 * few microseconds. The same code runs on the device, offline too, and on the server.
 */
export function compileMatcher(source: MatcherSource) {
  const root = newNode();
  /** Word keys of the library (fuzzy matching and compound forms apply to these only). */
  const libraryKeys = new Set<string>();
  /** Word keys of any phrase, library or school. */
  const allKeys = new Set<string>();
  const welshKeys = new Set<string>();
  /** Phrases' words run together ("killmyself"): matched exactly, never corrected. */
  const compoundKeys = new Set<string>();
  /** Keys by their letters with repeats squeezed out ("kill" under "kil"). */
  const bySqueezed = new Map<string, Set<string>>();
  /** Plain words of the library by letters, for "su*cide". */
  const surfaces = new Map<string, string>();

  const wordKeys = new Map<string, string[]>();
  const keysOfWord = (w: string): string[] => {
    if (w === GAP_WORD) return [GAP];
    let keys = wordKeys.get(w);
    if (!keys) wordKeys.set(w, (keys = wordsOf(w).words.map((x) => wordKey(x.text))));
    return keys;
  };
  const keysOf = (plainWords: readonly string[]): string[] => plainWords.flatMap(keysOfWord);

  const seenPlain = new Set<string>();
  /** `library`: the key is a word of the library, open to fuzzy matching (not a compound form). */
  function remember(
    keys: readonly string[],
    plainWords: readonly string[],
    library: boolean,
    welsh: boolean,
  ) {
    for (const key of keys) {
      if (key === GAP) continue;
      if (welsh) welshKeys.add(key);
      if (!library) {
        allKeys.add(key);
        continue;
      }
      if (libraryKeys.has(key)) continue;
      allKeys.add(key);
      libraryKeys.add(key);
      const squeezed = squeezeRuns(key, 1);
      const same = bySqueezed.get(squeezed);
      if (same) same.add(key);
      else bySqueezed.set(squeezed, new Set([key]));
    }
    if (!library) return;
    for (const w of plainWords) {
      if (seenPlain.has(w)) continue;
      seenPlain.add(w);
      for (const x of wordsOf(w).words) surfaces.set(x.text, wordKey(x.text));
    }
  }

  function insert(keys: readonly string[]): Node {
    let node = root;
    for (const key of keys) {
      let next = node.next.get(key);
      if (!next) node.next.set(key, (next = newNode()));
      node = next;
    }
    return node;
  }

  /**
   * The forms of a phrase: as written, with one pair of neighbouring words run together
   * ("kill myself" as "killmyself", "how to selfharm"), and all run together ("howtokillmyself").
   */
  function pathsOf(keys: readonly string[]): string[][] {
    const paths = [keys.slice()];
    if (keys.length < 2 || keys.length > 3 || keys.includes(GAP)) return paths;
    const candidates: string[][] = [];
    for (let i = 0; i + 1 < keys.length; i++)
      candidates.push([...keys.slice(0, i), keys[i]! + keys[i + 1]!, ...keys.slice(i + 2)]);
    if (keys.length === 3) candidates.push([keys.join('')]);
    for (const path of candidates) {
      const merged = path.filter((p) => !keys.includes(p));
      if (merged.some((m) => source.protectedWords.has(m) || m.length < 5)) continue;
      paths.push(path);
    }
    return paths;
  }

  /** Risk entries by category and key path: a school's phrase replaces the library's same phrase. */
  const entries = new Map<string, { path: string[]; entry: Entry }>();
  function addEntry(plain: string[], entry: Omit<Entry, 'length' | 'phrase'>, welsh: boolean) {
    const keys = keysOf(plain);
    if (keys.length === 0) return;
    const library = entry.source === 'library';
    remember(keys, plain, library, welsh);
    for (const path of pathsOf(keys)) {
      for (const k of path) {
        if (keys.includes(k)) continue;
        allKeys.add(k);
        compoundKeys.add(k);
      }
      const id = `${entry.category}|${path.join(' ')}`;
      const previous = entries.get(id);
      if (
        previous &&
        previous.entry.source === 'library' &&
        library &&
        riskRank(previous.entry.risk) >= riskRank(entry.risk)
      )
        continue;
      entries.set(id, { path, entry: { ...entry, phrase: plain.join(' '), length: keys.length } });
    }
  }

  for (const section of source.sections) {
    for (const [risk, phrases] of Object.entries(section.phrases) as Array<[Risk, readonly string[]]>) {
      for (const phrase of phrases) {
        for (const plain of expandPhrase(phrase)) {
          addEntry(
            plain,
            {
              category: section.category,
              risk,
              incidentKind: section.incidentKind ?? section.category,
              source: 'library',
              pupilsOnly: section.pupilsOnly ?? false,
            },
            section.language === 'cy',
          );
        }
      }
    }
  }
  const libraryRisk = new Map<string, Risk>();
  for (const [id, { entry }] of entries) libraryRisk.set(id, entry.risk);
  for (const [category, phrases] of Object.entries(source.school?.phrases ?? {}) as Array<
    [Category, SchoolPhrase[]]
  >) {
    for (const phrase of phrases) {
      for (const plain of expandPhrase(phrase.text)) {
        const keys = keysOf(plain);
        const risk = phrase.risk ?? libraryRisk.get(`${category}|${keys.join(' ')}`) ?? 'medium';
        addEntry(
          plain,
          { category, risk, incidentKind: category, source: 'school', pupilsOnly: false },
          false,
        );
      }
    }
  }
  for (const { path, entry } of entries.values()) insert(path).entries.push(entry);

  /** `clears`: null for a phrase (it clears what it overlaps), the categories for a topic. */
  const addBenign = (phrase: string, clears: readonly Category[] | null, library: boolean) => {
    for (const plain of expandPhrase(phrase)) {
      const keys = keysOf(plain);
      if (keys.length === 0) continue;
      remember(keys, plain, library, false);
      insert(keys).benign.push({ text: plain.join(' '), clears });
    }
  };
  for (const phrase of source.benign) addBenign(phrase, null, true);
  for (const { topic, clears } of source.benignTopics) addBenign(topic, clears, true);
  for (const phrase of source.school?.benign ?? []) addBenign(phrase, null, false);

  const shorthand = new Map<string, string[][]>();
  for (const [abbreviation, meanings] of Object.entries(source.shorthand)) {
    const key = wordKey(
      wordsOf(abbreviation)
        .words.map((w) => w.text)
        .join(''),
    );
    const readings = meanings.flatMap((m) => expandPhrase(m)).map((plain) => keysOf(plain));
    for (const r of readings) remember(r, [], true, false);
    shorthand.set(key, [...(shorthand.get(key) ?? []), ...readings]);
  }
  const fillers = new Set(source.fillers.map((f) => wordKey(f)));
  const fuzzy = new FuzzyIndex([
    ...[...libraryKeys].map((k) => [k, k] as const),
    ...[...surfaces].filter(([, k]) => libraryKeys.has(k)).map(([surface, k]) => [surface, k] as const),
  ]);

  const readingsCache = new Map<string, Reading[]>();
  /** Two neighbouring words read as one, by the pair. */
  const pairCache = new Map<string, Reading[]>();

  /** Library words a typed word that is not one may be a misspelling of (spelling, emphasis), nearest first. */
  function corrections(typed: string): string[][] {
    const found: string[][] = [];
    const squeezed = [squeezeRuns(typed, 2), squeezeRuns(typed, 1)];
    const keys = new Set([wordKey(typed), ...squeezed.map(wordKey)]);
    for (const form of keys) {
      if (libraryKeys.has(form)) found.push([form]);
      for (const k of bySqueezed.get(squeezeRuns(form, 1)) ?? []) found.push([k]);
      for (const meaning of shorthand.get(form) ?? []) found.push(meaning);
    }
    if (found.length > 0) return found;
    for (const form of new Set([typed, ...squeezed, ...keys]))
      for (const k of fuzzy.lookup(form)) found.push([k]);
    return found;
  }

  /** The keys one typed word may stand for (exact, abbreviation, spelling, emphasis, mutation, mask). */
  function keyReadings(typed: string, masked: boolean): string[][] {
    if (masked) {
      const pattern = new RegExp(
        `^${typed.replace(/[^a-z*]/g, '').replace(/\*+/g, (m) => `[a-z]{${m.length},${m.length + 1}}`)}$`,
      );
      return [...surfaces].filter(([surface]) => pattern.test(surface)).map(([, key]) => [key]);
    }
    const found: string[][] = [];
    const key = wordKey(typed);
    for (const meaning of shorthand.get(key) ?? []) found.push(meaning);
    if (allKeys.has(key)) found.push([key]);
    if (/^[0-9]+$/.test(typed)) return found;
    if (found.length === 0 && !source.protectedWords.has(typed)) found.push(...corrections(typed));
    for (const radical of radicalForms(typed)) {
      const k = wordKey(radical);
      if (welshKeys.has(k)) found.push([k]);
    }
    return found;
  }

  function readingsOf(word: Word): Reading[] {
    const cacheKey = `${word.masked ? '*' : ''}${word.text}|${word.alternates.join('|')}`;
    let readings = readingsCache.get(cacheKey);
    if (readings) return readings;
    const seen = new Set<string>();
    readings = [];
    for (const text of [word.text, ...word.alternates]) {
      for (const keys of keyReadings(text, word.masked)) {
        const id = keys.join(' ');
        if (seen.has(id)) continue;
        seen.add(id);
        readings.push({ keys, width: 1 });
      }
    }
    if (readingsCache.size > MAX_READINGS_CACHE) readingsCache.clear();
    readingsCache.set(cacheKey, readings);
    return readings;
  }

  /** Two neighbouring words typed apart that make one library word ("my self", "sui cide", "sewer slide"). */
  function joinedReadings(a: Word, b: Word): Reading[] {
    if (a.masked || b.masked || /[0-9]/.test(a.text + b.text)) return [];
    const joined = a.text + b.text;
    if (joined.length < 6) return [];
    if (a.text.length > 6 || b.text.length > 6) return [];
    const cacheKey = `${a.text}|${b.text}`;
    let readings = pairCache.get(cacheKey);
    if (readings) return readings;
    const known = (w: string) => allKeys.has(wordKey(w)) || source.protectedWords.has(w);
    const exact: string[][] = [...(shorthand.get(wordKey(joined)) ?? [])];
    if (allKeys.has(wordKey(joined))) exact.push([wordKey(joined)]);
    // "sui cide" may be a misspelling run apart; "the somme" is two words, not "threesome".
    const found = exact.length > 0 || known(a.text) || known(b.text) ? exact : corrections(joined);
    readings = found.map((keys) => ({ keys, width: 2 as const }));
    if (pairCache.size > MAX_READINGS_CACHE) pairCache.clear();
    pairCache.set(cacheKey, readings);
    return readings;
  }

  /** Matches a text. `profile` leaves out sections that apply to pupils only when it is `staff`. */
  function match(text: string, options: { profile?: Profile } = {}): Detection {
    const { folded, words } = wordsOf(text.slice(0, 4000));
    const readings = words.map(readingsOf);
    for (let i = 0; i + 1 < words.length; i++)
      readings[i] = [...readings[i]!, ...joinedReadings(words[i]!, words[i + 1]!)];
    const isFiller = words.map((w) => fillers.has(wordKey(w.text)));

    const found: Array<Span & { entry: Entry }> = [];
    const benign: Array<Span & { text: string; clears: readonly Category[] | null }> = [];
    for (let start = 0; start < words.length; start++) {
      const stack: Array<{ node: Node; at: number; skipped: number }> = [
        { node: root, at: start, skipped: 0 },
      ];
      while (stack.length > 0) {
        const { node, at, skipped } = stack.pop()!;
        if (at >= words.length) continue;
        for (const reading of readings[at]!) {
          let next: Node | undefined = node;
          for (const key of reading.keys) {
            next = next.next.get(key);
            if (!next) break;
          }
          if (!next) continue;
          const end = at + reading.width;
          for (const entry of next.entries) found.push({ start, end, entry });
          for (const b of next.benign) benign.push({ start, end, ...b });
          if (next.next.size > 0) stack.push({ node: next, at: end, skipped });
          const gap = next.next.get(GAP);
          if (gap)
            for (let k = 0; k <= MAX_GAP && end + k < words.length; k++)
              stack.push({ node: gap, at: end + k, skipped });
        }
        if (node !== root && isFiller[at] && skipped < MAX_FILLERS)
          stack.push({ node, at: at + 1, skipped: skipped + 1 });
      }
    }

    const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
    const cleared = new Set<string>();
    const kept = found.filter(({ start, end, entry }) => {
      if (entry.pupilsOnly && options.profile === 'staff') return false;
      // A benign phrase of several words clears what it overlaps ("die my hair" in "i want to die my
      // hair"); a single benign word only a match it covers whole ("photo" does not clear "naked photos").
      const clearing = benign.find((b) =>
        b.clears === null
          ? overlaps(b, { start, end }) && (b.end - b.start > 1 || (b.start <= start && b.end >= end))
          : entry.risk !== 'high' && b.clears.includes(entry.category),
      );
      if (clearing) cleared.add(clearing.text);
      return !clearing;
    });
    kept.sort(
      (a, b) =>
        riskRank(b.entry.risk) - riskRank(a.entry.risk) ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start,
    );
    const chosen: typeof kept = [];
    for (const m of kept) {
      if (!chosen.some((c) => c.entry.category === m.entry.category && overlaps(c, m))) chosen.push(m);
    }
    chosen.sort((a, b) => riskRank(b.entry.risk) - riskRank(a.entry.risk) || a.start - b.start);
    const matches: DetectionMatch[] = chosen.map(({ start, end, entry }) => ({
      phrase: entry.phrase,
      category: entry.category,
      risk: entry.risk,
      text: folded.slice(words[start]!.start, words[end - 1]!.end),
      incidentKind: entry.incidentKind,
      source: entry.source,
    }));
    return {
      flagged: matches.length > 0,
      severity: matches[0]?.risk ?? null,
      categories: [...new Set(matches.map((m) => m.category))],
      matches,
      benign: [...cleared],
    };
  }

  return {
    match,
    phraseCount: entries.size,
    /** For the protected-words list: is this word one of the library's, and what would it be corrected to? */
    inspectWord: (typed: string) => ({
      known: allKeys.has(wordKey(typed)) && !compoundKeys.has(wordKey(typed)),
      compound: compoundKeys.has(wordKey(typed)),
      corrections: corrections(typed),
    }),
  };
}
