import type { Category } from '../policy/categories';
import { expandPhrase, PhraseSyntaxError } from './phrase-syntax';
import type { Risk, SchoolPhrase } from './types';

/**
 * A school's own phrases as it keeps them (per category, one line each): the phrase in the
 * library's phrase syntax, optionally followed by a comma or tab and its risk
 * ("red dragons, high"). A line without a risk takes the library's risk for the same phrase, else
 * medium.
 */
export type KeywordLists = Partial<Record<Category, string[]>>;

const RISK_WORDS: Record<string, Risk> = {
  high: 'high',
  medium: 'medium',
  low: 'low',
  uchel: 'high',
  canolig: 'medium',
  isel: 'low',
};

export type PhraseLine = { ok: true; phrase: SchoolPhrase; line: string } | { ok: false; error: string };

/** One line of a school's phrase list: its phrase and risk, and the line as it is kept. */
export function parsePhraseLine(raw: string): PhraseLine {
  let text = raw.trim();
  let risk: Risk | undefined;
  const split = /^(.*?)\s*[,\t;]\s*([\p{L}]+)$/u.exec(text);
  if (split) {
    const word = split[2]!.toLowerCase();
    if (!Object.hasOwn(RISK_WORDS, word))
      return { ok: false, error: `"${split[2]}" is not a risk (high, medium or low)` };
    risk = RISK_WORDS[word];
    text = split[1]!;
  }
  text = text.replace(/\s+/g, ' ').toLowerCase();
  if (text.length > 100) return { ok: false, error: 'longer than 100 characters' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, error: 'no letters or digits' };
  try {
    expandPhrase(text);
  } catch (error) {
    if (error instanceof PhraseSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
  const phrase: SchoolPhrase = risk ? { text, risk } : { text };
  return { ok: true, phrase, line: risk ? `${text}, ${risk}` : text };
}

/** The school's lists as the matcher takes them; lines that no longer parse are left out. */
export function schoolPhrasesFrom(lists: KeywordLists): Partial<Record<Category, SchoolPhrase[]>> {
  const out: Partial<Record<Category, SchoolPhrase[]>> = {};
  for (const [category, lines] of Object.entries(lists) as Array<[Category, string[]]>) {
    const phrases = lines.map(parsePhraseLine).flatMap((p) => (p.ok ? [p.phrase] : []));
    if (phrases.length > 0) out[category] = phrases;
  }
  return out;
}
