import type { Category, Profile } from '../policy/categories';
import type { IncidentCategory } from '../incidents/model';
import { loadClassifier, type Classifier, type ClassifierWeights } from './classifier';
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
import { compileStructure, innocentSpans, structuralMatches, type StructureTerms } from './structure';
import { radicalForms } from './welsh';
import { wordKey } from './word-key';

/** What the library is compiled from. */
interface LibrarySource {
  sections: readonly PhraseSection[];
  /** Phrases that contain a trigger word but are ordinary (films, books, places, science): a match they overlap is cleared. */
  benign: readonly string[];
  /**
   * Schoolwork topics: anywhere in a text, they clear its matches below high risk in the categories
   * named, and the structural rule's and the classifier's at any risk unless `keepsHigh`
   * (docs/architecture.md, "Detection: rules and a linear classifier").
   */
  benignTopics: ReadonlyArray<{ topic: string; clears: readonly Category[]; keepsHigh?: boolean }>;
  /** Abbreviations, chat spellings and algospeak, each with what it may stand for (phrase syntax). */
  shorthand: Readonly<Record<string, readonly string[]>>;
  /** Words that may come between the words of a phrase ("want to just die"). */
  fillers: readonly string[];
  /** Real words near a library word: never taken for a misspelling of it ("shout" is not "shoot"). */
  protectedWords: ReadonlySet<string>;
  /** Also match by structure: a person, an intent and a harm close together (./structure.ts). */
  structural?: boolean;
  /** Also flag what the linear classifier scores above its thresholds (./classifier.ts). */
  classifier?: ClassifierWeights;
}

/** What a school adds: its own phrases by category, and its own benign context. */
interface SchoolLayer {
  phrases: Partial<Record<Category, readonly SchoolPhrase[]>>;
  benign: readonly string[];
}

/** The library and, optionally, one school's additions. */
export interface MatcherSource extends LibrarySource {
  school?: SchoolLayer;
}

interface Entry {
  phrase: string;
  category: Category;
  risk: Risk;
  incidentKind: IncidentCategory;
  source: 'library' | 'school';
  pupilsOnly: boolean;
  /** Found by the structural rule or the classifier, not a phrase: schoolwork topics clear it at any risk. */
  structural?: boolean;
  /** Found by the classifier (it spans the whole text): any innocent context in the text clears it. */
  model?: boolean;
}

interface Benign {
  text: string;
  /** null for a phrase (it clears what it overlaps); the categories a topic clears anywhere in the text. */
  clears: readonly Category[] | null;
  /** A topic that never clears a high-risk match, whoever found it (news, help-seeking). */
  keepsHigh?: boolean;
}

/** A trie over word keys; the arrays are made only where something ends. */
interface Node {
  next?: Map<string, Node>;
  entries?: Entry[];
  benign?: Benign[];
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

/** Categories whose phrases are also used as figures of speech, in games and of illness or devices. */
const FIGURATIVE = new Set<Category>(['self-harm', 'violence']);

/** `...` in a phrase: up to four words of any kind ("how many paracetamol ... die"). */
const GAP_WORD = '...';
const GAP = '\u0000gap';
const MAX_GAP = 4;
const MAX_FILLERS = 2;
const MAX_CACHE = 100_000;

/** Letters repeated for emphasis ("kiiiill", "pleeease"): runs of three or more. */
const squeezeRuns = (word: string, keep: 1 | 2) =>
  keep === 1 ? word.replace(/([a-z])\1+/g, '$1') : word.replace(/([a-z])\1\1+/g, '$1$1');

const keyCache = new Map<string, string[]>();
/** The keys of one word of a phrase (a word of the syntax may normalise to several, "self-harm"). */
function keysOfWord(w: string): string[] {
  if (w === GAP_WORD) return [GAP];
  let keys = keyCache.get(w);
  if (!keys) keyCache.set(w, (keys = wordsOf(w).words.map((x) => wordKey(x.text))));
  return keys;
}
const keysOf = (plainWords: readonly string[]): string[] => plainWords.flatMap(keysOfWord);

class Trie {
  readonly root: Node = {};
  /** Keys of every path, and those that are words run together ("killmyself"). */
  readonly keys = new Set<string>();
  readonly compound = new Set<string>();

  constructor(private readonly protectedWords: ReadonlySet<string>) {}

  private insert(path: readonly string[]): Node {
    let node = this.root;
    for (const key of path) {
      node.next ??= new Map();
      let next = node.next.get(key);
      if (!next) node.next.set(key, (next = {}));
      node = next;
    }
    return node;
  }

  /**
   * The forms of a phrase: as written, with one pair of neighbouring words run together
   * ("kill myself" as "killmyself", "how to selfharm"), and all run together ("howtokillmyself").
   * Never a run-together form that is a real word ("the rapist" would not match "therapist").
   */
  private pathsOf(keys: readonly string[]): string[][] {
    const paths = [keys.slice()];
    if (keys.length < 2 || keys.length > 3 || keys.includes(GAP)) return paths;
    const candidates: string[][] = [];
    for (let i = 0; i + 1 < keys.length; i++)
      candidates.push([...keys.slice(0, i), keys[i]! + keys[i + 1]!, ...keys.slice(i + 2)]);
    if (keys.length === 3) candidates.push([keys.join('')]);
    for (const path of candidates) {
      const merged = path.filter((p) => !keys.includes(p));
      if (merged.some((m) => this.protectedWords.has(m) || m.length < 5)) continue;
      paths.push(path);
    }
    return paths;
  }

  addEntry(keys: readonly string[], entry: Entry): void {
    for (const path of this.pathsOf(keys)) {
      for (const k of path) {
        if (k === GAP) continue;
        this.keys.add(k);
        if (!keys.includes(k)) this.compound.add(k);
      }
      const node = this.insert(path);
      const same = node.entries?.findIndex((e) => e.category === entry.category) ?? -1;
      if (same < 0) (node.entries ??= []).push(entry);
      else if (riskRank(entry.risk) > riskRank(node.entries![same]!.risk)) node.entries![same] = entry;
    }
  }

  addBenign(keys: readonly string[], benign: Benign): void {
    for (const k of keys) if (k !== GAP) this.keys.add(k);
    (this.insert(keys).benign ??= []).push(benign);
  }
}

/** The compiled library, shared by every school's matcher. */
export interface CompiledLibrary {
  trie: Trie;
  /** Word keys of the library's phrases (fuzzy matching applies to these only). */
  libraryKeys: Set<string>;
  welshKeys: Set<string>;
  /** Keys by their letters with repeats squeezed out ("kill" under "kil"). */
  bySqueezed: Map<string, string[]>;
  /** Plain words of the library by letters, for "su*cide". */
  surfaces: Map<string, string>;
  shorthand: Map<string, string[][]>;
  fillers: Set<string>;
  fuzzy: FuzzyIndex;
  protectedWords: ReadonlySet<string>;
  phraseCount: number;
  structure: StructureTerms | null;
  classifier: Classifier | null;
  /** The incident kind of each category's first section (for structural matches). */
  incidentKinds: Map<Category, IncidentCategory>;
}

/** Compiles the library once; every school's matcher shares it. */
export function compileLibrary(source: LibrarySource): CompiledLibrary {
  const trie = new Trie(source.protectedWords);
  const libraryKeys = new Set<string>();
  const welshKeys = new Set<string>();
  const surfaces = new Map<string, string>();
  const seenPlain = new Set<string>();
  let phraseCount = 0;

  const remember = (keys: readonly string[], plain: readonly string[], welsh: boolean) => {
    for (const key of keys) {
      if (key === GAP) continue;
      libraryKeys.add(key);
      if (welsh) welshKeys.add(key);
    }
    for (const w of plain) {
      if (seenPlain.has(w)) continue;
      seenPlain.add(w);
      for (const x of wordsOf(w).words) surfaces.set(x.text, wordKey(x.text));
    }
  };

  for (const section of source.sections) {
    for (const [risk, phrases] of Object.entries(section.phrases) as Array<[Risk, readonly string[]]>) {
      for (const phrase of phrases) {
        for (const plain of expandPhrase(phrase)) {
          const keys = keysOf(plain);
          if (keys.length === 0) continue;
          remember(keys, plain, section.language === 'cy');
          phraseCount++;
          trie.addEntry(keys, {
            phrase: plain.join(' '),
            category: section.category,
            risk,
            incidentKind: section.incidentKind ?? section.category,
            source: 'library',
            pupilsOnly: section.pupilsOnly ?? false,
          });
        }
      }
    }
  }
  const addBenign = (phrase: string, clears: readonly Category[] | null, keepsHigh = false) => {
    for (const plain of expandPhrase(phrase)) {
      const keys = keysOf(plain);
      if (keys.length === 0) continue;
      remember(keys, plain, false);
      trie.addBenign(
        keys,
        keepsHigh ? { text: plain.join(' '), clears, keepsHigh } : { text: plain.join(' '), clears },
      );
    }
  };
  const structure = source.structural ? compileStructure(expandPhrase, keysOf) : null;
  for (const term of structure?.keys ?? []) remember(term.keys, term.plain, term.welsh);
  const incidentKinds = new Map<Category, IncidentCategory>();
  for (const section of source.sections)
    if (!incidentKinds.has(section.category))
      incidentKinds.set(section.category, section.incidentKind ?? section.category);
  for (const phrase of source.benign) addBenign(phrase, null);
  for (const { topic, clears, keepsHigh } of source.benignTopics) addBenign(topic, clears, keepsHigh);

  const shorthand = new Map<string, string[][]>();
  for (const [abbreviation, meanings] of Object.entries(source.shorthand)) {
    const key = wordKey(
      wordsOf(abbreviation)
        .words.map((w) => w.text)
        .join(''),
    );
    const readings = meanings.flatMap((m) => expandPhrase(m)).map((plain) => keysOf(plain));
    for (const r of readings) remember(r, [], false);
    shorthand.set(key, [...(shorthand.get(key) ?? []), ...readings]);
  }
  for (const k of libraryKeys) trie.keys.add(k);

  const bySqueezed = new Map<string, string[]>();
  for (const key of libraryKeys) {
    const squeezed = squeezeRuns(key, 1);
    const same = bySqueezed.get(squeezed);
    if (same) same.push(key);
    else bySqueezed.set(squeezed, [key]);
  }
  const fuzzy = new FuzzyIndex([
    ...[...libraryKeys].map((k) => [k, k] as const),
    ...[...surfaces].filter(([, k]) => libraryKeys.has(k)).map(([surface, k]) => [surface, k] as const),
  ]);
  return {
    trie,
    libraryKeys,
    welshKeys,
    bySqueezed,
    surfaces,
    shorthand,
    fillers: new Set(source.fillers.map((f) => wordKey(f))),
    fuzzy,
    protectedWords: source.protectedWords,
    phraseCount,
    structure,
    classifier: source.classifier ? loadClassifier(source.classifier) : null,
    incidentKinds,
  };
}

export type Matcher = ReturnType<typeof matcherOn>;

/** The library and a school's additions in one matcher (compiles both; see `matcherOn` to share the library). */
export function compileMatcher(source: MatcherSource): Matcher {
  return matcherOn(compileLibrary(source), source.school);
}

/**
 * A matcher for one school: the compiled library plus the school's own phrases and benign
 * context. `match` answers for one text in a few microseconds; the same code runs on the device,
 * offline too, and on the server.
 */
export function matcherOn(lib: CompiledLibrary, school: SchoolLayer = { phrases: {}, benign: [] }) {
  const own = new Trie(lib.protectedWords);
  for (const [category, phrases] of Object.entries(school.phrases) as Array<[Category, SchoolPhrase[]]>) {
    for (const phrase of phrases) {
      for (const plain of expandPhrase(phrase.text)) {
        const keys = keysOf(plain);
        if (keys.length === 0) continue;
        own.addEntry(keys, {
          phrase: plain.join(' '),
          category,
          risk: phrase.risk ?? libraryRisk(lib, keys, category) ?? 'medium',
          incidentKind: category,
          source: 'school',
          pupilsOnly: false,
        });
      }
    }
  }
  for (const phrase of school.benign) {
    for (const plain of expandPhrase(phrase)) {
      const keys = keysOf(plain);
      if (keys.length > 0) own.addBenign(keys, { text: plain.join(' '), clears: null });
    }
  }
  const tries = own.keys.size > 0 ? [lib.trie, own] : [lib.trie];
  const known = (key: string) => lib.trie.keys.has(key) || own.keys.has(key);

  /** Library words a typed word that is not one may be a misspelling of (spelling, emphasis), nearest first. */
  function corrections(typed: string): string[][] {
    const found: string[][] = [];
    const squeezed = [squeezeRuns(typed, 2), squeezeRuns(typed, 1)];
    const keys = new Set([wordKey(typed), ...squeezed.map(wordKey)]);
    for (const form of keys) {
      if (lib.libraryKeys.has(form)) found.push([form]);
      for (const k of lib.bySqueezed.get(squeezeRuns(form, 1)) ?? []) found.push([k]);
      for (const meaning of lib.shorthand.get(form) ?? []) found.push(meaning);
    }
    if (found.length > 0) return found;
    for (const form of new Set([typed, ...squeezed, ...keys]))
      for (const k of lib.fuzzy.lookup(form)) found.push([k]);
    return found;
  }

  /** The keys one typed word may stand for (exact, abbreviation, spelling, emphasis, mutation, mask). */
  function keyReadings(typed: string, masked: boolean): string[][] {
    if (masked) {
      const pattern = new RegExp(
        `^${typed.replace(/[^a-z*]/g, '').replace(/\*+/g, (m) => `[a-z]{${m.length},${m.length + 1}}`)}$`,
      );
      return [...lib.surfaces].filter(([surface]) => pattern.test(surface)).map(([, key]) => [key]);
    }
    const found: string[][] = [];
    const key = wordKey(typed);
    for (const meaning of lib.shorthand.get(key) ?? []) found.push(meaning);
    if (known(key)) found.push([key]);
    if (/^[0-9]+$/.test(typed)) return found;
    if (found.length === 0 && !lib.protectedWords.has(typed)) found.push(...corrections(typed));
    for (const radical of radicalForms(typed)) {
      const k = wordKey(radical);
      if (lib.welshKeys.has(k) || own.keys.has(k)) found.push([k]);
    }
    return found;
  }

  const wordCache = new Map<string, Reading[]>();
  function readingsOf(word: Word): Reading[] {
    const cacheKey =
      word.alternates.length === 0 && !word.masked
        ? word.text
        : `${word.masked ? '*' : ''}${word.text}|${word.alternates.join('|')}`;
    let readings = wordCache.get(cacheKey);
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
    if (wordCache.size > MAX_CACHE) wordCache.clear();
    wordCache.set(cacheKey, readings);
    return readings;
  }

  const pairCache = new Map<string, Reading[]>();
  /** Two neighbouring words typed apart that make one library word ("my self", "sui cide", "sewer slide"). */
  function joinedReadings(a: Word, b: Word): Reading[] {
    if (a.masked || b.masked || a.text.length > 6 || b.text.length > 6) return [];
    const joined = a.text + b.text;
    if (joined.length < 6 || /[0-9]/.test(joined)) return [];
    const cacheKey = `${a.text}|${b.text}`;
    let readings = pairCache.get(cacheKey);
    if (readings) return readings;
    const isWord = (w: string) => known(wordKey(w)) || lib.protectedWords.has(w);
    const key = wordKey(joined);
    const exact: string[][] = [...(lib.shorthand.get(key) ?? [])];
    if (known(key)) exact.push([key]);
    // "sui cide" may be a misspelling run apart; "the somme" is two words, not "threesome".
    const found = exact.length > 0 || isWord(a.text) || isWord(b.text) ? exact : corrections(joined);
    readings = found.map((keys) => ({ keys, width: 2 as const }));
    if (pairCache.size > MAX_CACHE) pairCache.clear();
    pairCache.set(cacheKey, readings);
    return readings;
  }

  /** Matches a text. `profile` leaves out sections that apply to pupils only when it is `staff`. */
  function match(text: string, options: { profile?: Profile } = {}): Detection {
    const { folded, words } = wordsOf(text.slice(0, 4000));
    const n = words.length;
    const readings: Reading[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const single = readingsOf(words[i]!);
      const joined = i + 1 < n ? joinedReadings(words[i]!, words[i + 1]!) : [];
      readings[i] = joined.length === 0 ? single : [...single, ...joined];
    }
    const isFiller = words.map((w) => lib.fillers.has(wordKey(w.text)));
    const found: Array<Span & { entry: Entry }> = [];
    const benign: Array<Span & Benign> = [];
    const stack: Array<{ node: Node; at: number; skipped: number }> = [];
    for (const trie of tries) {
      for (let start = 0; start < n; start++) {
        stack.push({ node: trie.root, at: start, skipped: 0 });
        while (stack.length > 0) {
          const { node, at, skipped } = stack.pop()!;
          if (at >= n) continue;
          for (const reading of readings[at]!) {
            let next: Node | undefined = node;
            for (const key of reading.keys) {
              next = next.next?.get(key);
              if (!next) break;
            }
            if (!next) continue;
            const end = at + reading.width;
            if (next.entries) for (const entry of next.entries) found.push({ start, end, entry });
            if (next.benign) for (const b of next.benign) benign.push({ start, end, ...b });
            if (!next.next) continue;
            stack.push({ node: next, at: end, skipped });
            const gap = next.next.get(GAP);
            if (gap)
              for (let k = 0; k <= MAX_GAP && end + k < n; k++)
                stack.push({ node: gap, at: end + k, skipped });
          }
          if (node !== trie.root && isFiller[at] && skipped < MAX_FILLERS)
            stack.push({ node, at: at + 1, skipped: skipped + 1 });
        }
      }
    }
    let sentence = 0;
    const sentenceOf = words.map((w, i) => {
      if (i > 0 && /[.!?;\n]/.test(folded.slice(words[i - 1]!.end, w.start))) sentence++;
      return sentence;
    });
    if (lib.structure) {
      const plain = words.map((w) => w.text);
      for (const m of structuralMatches(lib.structure, readings, sentenceOf, plain))
        found.push({
          start: m.start,
          end: m.end,
          entry: {
            phrase: m.phrase,
            category: m.category,
            risk: m.risk,
            incidentKind: lib.incidentKinds.get(m.category) ?? m.category,
            source: 'library',
            pupilsOnly: false,
            structural: true,
          },
        });
    }

    // The classifier speaks for the whole text (docs/architecture.md, "Detection: rules and a
    // linear classifier"); what it finds goes through the same clearing as the rule's matches.
    if (lib.classifier && n > 0) {
      for (const c of lib.classifier.classify(words))
        found.push({
          start: 0,
          end: n,
          entry: {
            phrase: '[model]',
            category: c.category,
            risk: c.risk,
            incidentKind: lib.incidentKinds.get(c.category) ?? c.category,
            source: 'library',
            pupilsOnly: false,
            structural: true,
            model: true,
          },
        });
    }
    if (found.length === 0)
      return { flagged: false, severity: null, categories: [], matches: [], benign: [] };

    const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
    // A school's phrase decides for the same words in the same category (its own risk wins).
    const overridden = (m: Span & { entry: Entry }) =>
      m.entry.source === 'library' &&
      found.some(
        (o) =>
          o.entry.source === 'school' &&
          o.entry.category === m.entry.category &&
          o.start === m.start &&
          o.end === m.end,
      );
    const cleared = new Set<string>();
    // A figure of speech, a game, an illness, a device or play close to a library phrase of harm
    // ("going to die of boredom", "kill him in fortnite", "is my nan going to die"): the rule's own
    // innocent context, read only when such a phrase matched (rarely).
    const innocent =
      lib.structure &&
      found.some((m) => FIGURATIVE.has(m.entry.category) && (!m.entry.structural || m.entry.model))
        ? innocentSpans(lib.structure, readings)
        : [];
    const figurative = (m: Span & { entry: Entry }) =>
      m.entry.source === 'library' &&
      (!m.entry.structural || m.entry.model === true) &&
      FIGURATIVE.has(m.entry.category) &&
      innocent.some(
        (x) => sentenceOf[x.start] === sentenceOf[m.start] && x.start < m.end + 3 && x.end > m.start - 3,
      );
    const kept = found.filter((m) => {
      if (m.entry.pupilsOnly && options.profile === 'staff') return false;
      if (overridden(m)) return false;
      if (figurative(m)) {
        cleared.add('(figure of speech, game or everyday context)');
        return false;
      }
      // A benign phrase of several words clears what it overlaps ("die my hair" in "i want to die my
      // hair"); a single benign word only a match it covers whole ("photo" does not clear "naked photos").
      const clearing = benign.find((b) =>
        b.clears === null
          ? overlaps(b, m) &&
            (b.end - b.start > 1 || (b.start <= m.start && b.end >= m.end) || m.entry.model === true)
          : (m.entry.risk !== 'high' || (m.entry.structural === true && b.keepsHigh !== true)) &&
            b.clears.includes(m.entry.category),
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
    // The classifier adds a category the rules missed; where a phrase or the rule matched the same
    // category, theirs is the match shown, with its own risk.
    const ruled = new Set(kept.filter((m) => !m.entry.model).map((m) => m.entry.category));
    const chosen: typeof kept = [];
    for (const m of kept) {
      if (m.entry.model && ruled.has(m.entry.category)) continue;
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
    phraseCount: lib.phraseCount,
    /** For the protected-words list: is this word one of the library's, and what would it be corrected to? */
    inspectWord: (typed: string) => ({
      known: lib.trie.keys.has(wordKey(typed)) && !lib.trie.compound.has(wordKey(typed)),
      compound: lib.trie.compound.has(wordKey(typed)),
      corrections: corrections(typed),
    }),
  };
}

/** The library's risk for the same words in the same category, for a school phrase that gives none. */
function libraryRisk(lib: CompiledLibrary, keys: readonly string[], category: Category): Risk | undefined {
  let node: Node | undefined = lib.trie.root;
  for (const key of keys) node = node?.next?.get(key);
  return node?.entries?.find((e) => e.category === category)?.risk;
}
