/**
 * The labelled detection corpus (test/detection/*.txt) and how a matcher is scored on it: recall
 * per category on risky texts (flagged in the right category at the labelled risk or above) and
 * the false-positive rate on benign ones. Used by the corpus test and by `npm run bench:detection`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CategorySchema, RISKS, riskRank, type Category, type Risk } from '../src';

export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test/detection');

export type CorpusText =
  | { kind: 'risky'; text: string; category: Category; risk: Risk; form: string; line: number }
  | { kind: 'benign'; text: string; topic: string; line: number };

/** The corpus files: `seen.txt` and `held-out.txt` are tuned on (the latter since stop 27); `held-out-2.txt` is not. */
export type CorpusFile =
  | 'seen.txt'
  | 'held-out.txt'
  | 'held-out-2.txt'
  | 'held-out-3.txt'
  | 'held-out-4.txt'
  | 'held-out-5.txt'
  | 'held-out-benign.txt';

export function readCorpus(file: CorpusFile): CorpusText[] {
  const out: CorpusText[] = [];
  fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const bar = line.indexOf(' | ');
      if (bar < 0) throw new Error(`${file}:${i + 1}: expected "<label> | <text>"`);
      const label = line.slice(0, bar).trim().split(/\s+/);
      const text = line.slice(bar + 3).trim();
      if (label[0] === 'benign') {
        out.push({ kind: 'benign', text, topic: label[1] ?? 'other', line: i + 1 });
        return;
      }
      const category = CategorySchema.safeParse(label[0]);
      const risk = label[1] as Risk;
      if (!category.success || !RISKS.includes(risk))
        throw new Error(`${file}:${i + 1}: bad label "${label.join(' ')}"`);
      out.push({
        kind: 'risky',
        text,
        category: category.data,
        risk,
        form: label[2] ?? 'plain',
        line: i + 1,
      });
    });
  return out;
}

/** What a detector says about a text, reduced to what scoring needs. */
export type Verdict = { categories: ReadonlyArray<{ category: Category; risk: Risk }> };
export type Detect = (text: string) => Verdict;

export interface Tally {
  hit: number;
  total: number;
}
export interface Score {
  recall: Tally;
  byCategory: Map<Category, Tally>;
  byForm: Map<string, Tally>;
  /** High-risk self-harm and grooming texts (the 95 % target). */
  highSelfHarm: Tally;
  highGrooming: Tally;
  /** Benign texts flagged at all, and flagged medium or high. */
  falsePositives: Tally;
  falsePositivesMedium: Tally;
  falsePositivesByTopic: Map<string, Tally>;
  misses: CorpusText[];
  wrongs: Array<{ text: CorpusText; verdict: Verdict }>;
}

const bump = <K>(map: Map<K, Tally>, key: K, hit: boolean) => {
  const t = map.get(key) ?? { hit: 0, total: 0 };
  t.total++;
  if (hit) t.hit++;
  map.set(key, t);
};

export function score(corpus: readonly CorpusText[], detect: Detect): Score {
  const s: Score = {
    recall: { hit: 0, total: 0 },
    byCategory: new Map(),
    byForm: new Map(),
    highSelfHarm: { hit: 0, total: 0 },
    highGrooming: { hit: 0, total: 0 },
    falsePositives: { hit: 0, total: 0 },
    falsePositivesMedium: { hit: 0, total: 0 },
    falsePositivesByTopic: new Map(),
    misses: [],
    wrongs: [],
  };
  for (const item of corpus) {
    const verdict = detect(item.text);
    if (item.kind === 'benign') {
      const flagged = verdict.categories.length > 0;
      const serious = verdict.categories.some((c) => c.risk !== 'low');
      s.falsePositives.total++;
      s.falsePositivesMedium.total++;
      if (flagged) {
        s.falsePositives.hit++;
        s.wrongs.push({ text: item, verdict });
      }
      if (serious) s.falsePositivesMedium.hit++;
      bump(s.falsePositivesByTopic, item.topic, flagged);
      continue;
    }
    const hit = verdict.categories.some(
      (c) => c.category === item.category && riskRank(c.risk) >= riskRank(item.risk),
    );
    s.recall.total++;
    if (hit) s.recall.hit++;
    else s.misses.push(item);
    bump(s.byCategory, item.category, hit);
    bump(s.byForm, item.form, hit);
    if (item.risk === 'high' && item.category === 'self-harm') {
      s.highSelfHarm.total++;
      if (hit) s.highSelfHarm.hit++;
    }
    if (item.risk === 'high' && item.category === 'grooming') {
      s.highGrooming.total++;
      if (hit) s.highGrooming.hit++;
    }
  }
  return s;
}

export const rate = (t: Tally) => (t.total === 0 ? NaN : t.hit / t.total);
