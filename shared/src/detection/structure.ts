/**
 * The structural rule beside the phrase library: a person, an intent and a harm close together in
 * one sentence, in any wording the phrases did not foresee ("my mate reckons she is gonna end it
 * tonight"). Words are read exactly as the phrases read them (spelling, shorthand, leetspeak,
 * Welsh mutations), so "i wana dye" is "i want to die". The harm's family sets the category and
 * the risk; negation, figures of speech and the library's benign context clear a match.
 */
import type { Category } from '../policy/categories';
import type { Risk } from './types';
import {
  ADULT,
  ANYONE,
  ASKING,
  BREAKS,
  CONCERN,
  GROUP_TARGET,
  HARMS,
  INTENT,
  NEGATION,
  ONLINE,
  OTHER_SUBJECT,
  REFLEXIVE,
  SELF,
  STRUCTURE_GRAVE,
  STRUCTURE_INNOCENT,
  TARGET,
  TRUSTED_ADULT,
  WEAK_INTENT,
  type HarmFamily,
  type Terms,
} from './library/structure';

type Role =
  | 'self'
  | 'concern'
  | 'reflexive'
  | 'target'
  | 'group'
  | 'intent'
  | 'weak'
  | 'negation'
  | 'break'
  | 'other'
  | 'adult'
  | 'trusted'
  | 'anyone'
  | 'online'
  | 'asking'
  | 'innocent'
  | 'grave'
  | 'harm';

interface Tag {
  role: Role;
  harm?: HarmFamily;
}

interface TermNode {
  next?: Map<string, TermNode>;
  tags?: Tag[];
}

export interface StructureTerms {
  root: TermNode;
  /** Every key of every term, for the matcher to know (and correct misspellings towards). */
  keys: Array<{ keys: readonly string[]; plain: readonly string[]; welsh: boolean }>;
  /** First keys of the harm terms: a text with none of them is left alone at once (most are). */
  harmStarts: Set<string>;
}

/** A term found in a text: words start..end (exclusive). */
interface Hit extends Tag {
  start: number;
  end: number;
}

export interface StructuralMatch {
  start: number;
  end: number;
  category: Category;
  risk: Risk;
  /** What the rule saw, e.g. "[rule] want + die". */
  phrase: string;
}

/** One word's possible readings, as the matcher made them. */
export interface WordReadings {
  keys: readonly string[];
  width: 1 | 2;
}

const ROLE_TERMS: ReadonlyArray<readonly [Role, Terms]> = [
  ['self', SELF],
  ['concern', CONCERN],
  ['reflexive', REFLEXIVE],
  ['target', TARGET],
  ['group', GROUP_TARGET],
  ['intent', INTENT],
  ['weak', WEAK_INTENT],
  ['negation', NEGATION],
  ['break', BREAKS],
  ['other', OTHER_SUBJECT],
  ['adult', ADULT],
  ['trusted', TRUSTED_ADULT],
  ['anyone', ANYONE],
  ['online', ONLINE],
  ['asking', ASKING],
  ['innocent', STRUCTURE_INNOCENT],
  ['grave', STRUCTURE_GRAVE],
];

/** How far apart (in words) an intent and its harm may be, and a person and its intent. */
const GAP = 5;
const PERSON_BEFORE = 3;
const PERSON_AFTER = 2;
/** Grooming: the contact, the asking and what is asked for, within this many words. */
const GROOMING_WINDOW = 12;
/** Determiners between a harm and the one harmed ("stab that boy", "kill my teacher"). */
const DETERMINERS = new Set([
  'my',
  'the',
  'that',
  'this',
  'his',
  'her',
  'their',
  'all',
  'a',
  'an',
  'every',
  'those',
  'these',
  'our',
  'your',
  'y',
  'fy',
  'ei',
  'eu',
]);

/** Compiles the families with the matcher's own phrase reading (`keysOf` of each expanded phrase). */
export function compileStructure(
  expand: (phrase: string) => string[][],
  keysOf: (plain: readonly string[]) => string[],
): StructureTerms {
  const root: TermNode = {};
  const keys: StructureTerms['keys'] = [];
  const harmStarts = new Set<string>();
  const add = (terms: Terms, tag: Tag) => {
    for (const term of terms) {
      const welsh = typeof term !== 'string';
      for (const plain of expand(welsh ? term.cy : term)) {
        const k = keysOf(plain);
        if (k.length === 0) continue;
        keys.push({ keys: k, plain, welsh });
        if (tag.role === 'harm') harmStarts.add(k[0]!);
        let node = root;
        for (const key of k) {
          node.next ??= new Map();
          let next = node.next.get(key);
          if (!next) node.next.set(key, (next = {}));
          node = next;
        }
        (node.tags ??= []).push(tag);
      }
    }
  };
  for (const [role, terms] of ROLE_TERMS) add(terms, { role });
  for (const harm of HARMS) add(harm.phrases, { role: 'harm', harm });
  return { root, keys, harmStarts };
}

/** Every term in the text, by the words' readings (the same walk as the phrase trie, without gaps). */
function termsIn(terms: StructureTerms, readings: ReadonlyArray<readonly WordReadings[]>): Hit[] {
  const hits: Hit[] = [];
  const n = readings.length;
  const stack: Array<{ node: TermNode; at: number }> = [];
  for (let start = 0; start < n; start++) {
    stack.push({ node: terms.root, at: start });
    while (stack.length > 0) {
      const { node, at } = stack.pop()!;
      if (at >= n) continue;
      for (const reading of readings[at]!) {
        let next: TermNode | undefined = node;
        for (const key of reading.keys) {
          next = next.next?.get(key);
          if (!next) break;
        }
        if (!next) continue;
        const end = at + reading.width;
        if (next.tags) for (const tag of next.tags) hits.push({ start, end, ...tag });
        if (next.next) stack.push({ node: next, at: end });
      }
    }
  }
  return hits;
}

/** Innocent context not made grave by what follows it ("live in london", not "live in this world"). */
function innocentHits(hits: readonly Hit[]): Hit[] {
  const graves = hits.filter((h) => h.role === 'grave');
  return hits.filter(
    (h) => h.role === 'innocent' && !graves.some((g) => g.start >= h.start && g.start <= h.end),
  );
}

/**
 * Spans of a sentence-local innocent context (figures of speech, games, illness, devices, play):
 * the matcher clears a phrase match of self-harm, violence or bullying when one lies close to it.
 */
export function innocentSpans(
  terms: StructureTerms,
  readings: ReadonlyArray<readonly WordReadings[]>,
): Array<{ start: number; end: number }> {
  return innocentHits(termsIn(terms, readings)).map(({ start, end }) => ({ start, end }));
}

/**
 * Structural matches in a text. `sentenceOf[i]` numbers the sentence word i is in; `plain[i]` is
 * the word as typed (folded), for the determiners between a harm and the one harmed.
 */
export function structuralMatches(
  terms: StructureTerms,
  readings: ReadonlyArray<readonly WordReadings[]>,
  sentenceOf: readonly number[],
  plain: readonly string[],
): StructuralMatch[] {
  if (!readings.some((word) => word.some((r) => terms.harmStarts.has(r.keys[0]!)))) return [];
  const hits = termsIn(terms, readings);
  const harms = hits.filter((h) => h.role === 'harm');
  if (harms.length === 0) return [];
  const sameSentence = (a: Hit, b: Hit) => sentenceOf[a.start] === sentenceOf[b.start];
  const of = (role: Role) => hits.filter((h) => h.role === role);
  const intents = [...of('intent'), ...of('weak')];
  const asking = of('asking');
  if (intents.length === 0 && asking.length === 0) return [];
  const persons = [...of('self'), ...of('concern')];
  const negations = of('negation');
  const blockers = [...of('break'), ...of('other')];
  const innocents = innocentHits(hits);
  const keepers = [...persons, ...negations, ...of('reflexive')];
  const metOnline = hits.some((h) => h.role === 'online');

  /** Words from..to (exclusive) hold no clause break or other noun, except inside a person or negation. */
  const clean = (from: number, to: number, allowed: readonly Hit[] = []) => {
    for (let i = from; i < to; i++) {
      const blocked = blockers.some((b) => b.start === i);
      const kept = [...keepers, ...allowed].some((k) => k.start <= i && i < k.end);
      if (blocked && !kept) return false;
    }
    return true;
  };
  /** The nearest term of `list` right after word `at`, skipping determiners ("kill my teacher"). */
  const rightAfter = (list: readonly Hit[], at: number) => {
    let i = at;
    while (i < plain.length && i < at + 2 && DETERMINERS.has(plain[i]!)) i++;
    return list.find((h) => h.start === i) ?? list.find((h) => h.start === at);
  };
  const negated = (term: Hit) =>
    negations.some((x) => sameSentence(x, term) && x.end <= term.start && term.start - x.end <= 1);
  /** A figure of speech or ordinary context on the harm itself or just after it ("dead tired", "die in minecraft"). */
  const innocent = (harm: Hit) =>
    innocents.some((x) => sameSentence(x, harm) && x.start < harm.end + 2 && x.end > harm.start - 1);
  /** The intent opens its sentence: its subject is left out, as in a search ("wanna die", "gonna jump him"). */
  const opens = (intent: Hit) =>
    intent.start === 0 || sentenceOf[intent.start - 1] !== sentenceOf[intent.start];
  const personNear = (intent: Hit) =>
    opens(intent) ||
    persons.some(
      (p) =>
        sameSentence(p, intent) &&
        ((p.end <= intent.start && intent.start - p.end <= PERSON_BEFORE) ||
          (p.start >= intent.end && p.start - intent.end <= PERSON_AFTER)),
    );
  /** An intent close to the harm, before it or (any order) after it, with nothing between that ends the clause. */
  const intentFor = (harm: Hit, list: readonly Hit[]) =>
    list.find(
      (i) =>
        sameSentence(i, harm) &&
        ((i.end <= harm.start && harm.start - i.end <= GAP && clean(i.end, harm.start)) ||
          (harm.end <= i.start && i.start - harm.end <= GAP && clean(harm.end, i.start))),
    );

  const found: StructuralMatch[] = [];
  const push = (parts: readonly Hit[], category: Category, risk: Risk, label: string) => {
    const start = Math.min(...parts.map((p) => p.start));
    const end = Math.max(...parts.map((p) => p.end));
    if (parts.some((p) => p.role === 'harm' && innocent(p))) return;
    // Context just before the whole match: "is my nan going to die", "my phone is about to die".
    if (
      innocents.some((x) => sentenceOf[x.start] === sentenceOf[start] && x.end <= start && x.end > start - 2)
    )
      return;
    found.push({ start, end, category, risk, phrase: `[rule] ${label}` });
  };

  for (const harm of harms) {
    const family = harm.harm!;
    if (family.kind === 'grooming') {
      const ask = asking.find(
        (a) => sameSentence(a, harm) && a.end <= harm.start && harm.start - a.end <= 4 && !negated(a),
      );
      if (!ask) continue;
      const contacts = [
        ...of('adult'),
        ...(family.trusted ? of('trusted') : []),
        ...(metOnline ? of('anyone') : []),
      ];
      const contact = contacts.find(
        (c) => sameSentence(c, ask) && c.end <= ask.start && harm.end - c.start <= GROOMING_WINDOW,
      );
      if (contact) push([contact, ask, harm], 'grooming', 'high', `someone + asks + ${family.id}`);
      continue;
    }
    const strong = intentFor(harm, of('intent'));
    const intent = strong ?? intentFor(harm, of('weak'));
    if (!intent) continue;
    const risk: Risk = strong ? 'high' : 'medium';
    if (family.kind === 'life') {
      // Not wanting to live: a negation before the life word, after the person.
      const from = Math.min(intent.start, harm.start) - PERSON_BEFORE;
      const denied = negations.some((x) => sameSentence(x, harm) && x.start >= from && x.end <= harm.start);
      if (denied && personNear(intent))
        push([intent, harm], 'self-harm', risk, `intent + not + ${family.id}`);
      continue;
    }
    if (negated(intent) || negated(harm)) continue;
    if (family.kind === 'harm') {
      // The one harmed names the person: "kill herself" needs no subject near the intent.
      const reflexive = rightAfter(of('reflexive'), harm.end);
      if (reflexive) {
        push([intent, harm, reflexive], 'self-harm', risk, `intent + ${family.id} + oneself`);
        continue;
      }
      if (!personNear(intent)) continue;
      const group = rightAfter(of('group'), harm.end);
      if (group && family.violenceRisk === 'high') {
        push([intent, harm, group], 'extremism', 'high', `intent + ${family.id} + group`);
        continue;
      }
      const target = rightAfter(of('target'), harm.end);
      if (!target || (family.notAtMe && plain[target.start] === 'me')) continue;
      if (harm.start < intent.start) continue;
      const violence = strong ? family.violenceRisk! : 'medium';
      push([intent, harm, target], 'violence', violence, `intent + ${family.id} + someone`);
      continue;
    }
    if (!personNear(intent)) continue;
    push([intent, harm], 'self-harm', risk, `intent + ${family.id}`);
  }
  return found;
}
