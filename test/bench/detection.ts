/**
 * npm run bench:detection [-- --queries N] [--misses]: the phrase library and matcher of issue 14
 * on the labelled corpus (test/detection), beside the old starter keyword lists in the same run.
 * Prints recall per category (risky texts flagged in their category at their risk or above), the
 * false-positive rate on benign texts, for the texts written while tuning ("seen"), the first held-out
 * set (written after the matcher; the library was widened after its figures were known, so it is no
 * longer unseen), the second (written after that widening; its figures led to the structural rule),
 * the third (written after the structural rule; its misses led to the families of stop 29) and the
 * fourth (written after those families, never tuned on) and the fifth (written before the
 * classifier of stop 29, never tuned on), then queries matched per second on one core with the full
 * library. Columns: "new" is the detector (rules and classifier), "rules" the rules alone.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import path from 'node:path';
import {
  BENIGN_PHRASES,
  BENIGN_TOPICS,
  compileMatcher,
  createDetector,
  PHRASE_LIBRARY,
  riskRank,
  type Category,
  type Risk,
} from '@waymark/shared';
import { FILLERS, SHORTHAND } from '../../shared/src/detection/library';
import { PROTECTED_WORDS } from '../../shared/src/detection/library/protected-words';
import {
  CORPUS_DIR,
  type CorpusFile,
  rate,
  readCorpus,
  score,
  type CorpusText,
  type Detect,
  type Score,
  type Tally,
} from '../../shared/test/detection-corpus';
import { OLD_STARTER_KEYWORDS, oldKeywordFlagger } from './baseline/starter-keywords';
import { queryStream } from './detection-queries';

const { values } = parseArgs({
  options: { queries: { type: 'string', default: '200000' }, misses: { type: 'boolean', default: false } },
});
const QUERIES = Number(values.queries);

const compileStart = performance.now();
const detector = createDetector();
const compileMs = performance.now() - compileStart;
/** The rules without the classifier (the matcher as it was before stop 29): the classifier's cost and gain. */
const rulesOnly = compileMatcher({
  sections: PHRASE_LIBRARY,
  benign: BENIGN_PHRASES,
  benignTopics: BENIGN_TOPICS,
  shorthand: SHORTHAND,
  fillers: FILLERS,
  protectedWords: new Set(PROTECTED_WORDS),
  structural: true,
});
/** The same library without the structural rule (the matcher as it was before it): its cost and its gain. */
const phrasesOnly = compileMatcher({
  sections: PHRASE_LIBRARY,
  benign: BENIGN_PHRASES,
  benignTopics: BENIGN_TOPICS,
  shorthand: SHORTHAND,
  fillers: FILLERS,
  protectedWords: new Set(PROTECTED_WORDS),
});
const verdictOf =
  (matcher: typeof detector): Detect =>
  (text) => {
    const best = new Map<Category, Risk>();
    for (const m of matcher.match(text).matches) {
      const prev = best.get(m.category);
      if (!prev || riskRank(m.risk) > riskRank(prev)) best.set(m.category, m.risk);
    }
    return { categories: [...best].map(([category, risk]) => ({ category, risk })) };
  };
const detectNew = verdictOf(detector);
const detectRules = verdictOf(rulesOnly);
const detectPhrases = verdictOf(phrasesOnly);
const oldFlag = oldKeywordFlagger(OLD_STARTER_KEYWORDS);
/** The old server made every flagged search high severity. */
const detectOld: Detect = (text) => ({
  categories: oldFlag(text).map((c) => ({ category: c as Category, risk: 'high' as Risk })),
});

const pct = (t: Tally | undefined) =>
  !t || t.total === 0 ? '   -  ' : `${(rate(t) * 100).toFixed(1).padStart(5)}%`;
const row = (label: string, cells: readonly string[], n: string) =>
  `  ${label.padEnd(34)} ${cells.map((c) => c.padStart(9)).join(' ')} ${n.padStart(7)}`;

function report(name: string, corpus: CorpusText[]) {
  const now = score(corpus, detectNew);
  const rules = score(corpus, detectRules);
  const before = score(corpus, detectPhrases);
  const old = score(corpus, detectOld);
  const all = [now, rules, before, old];
  const risky = corpus.filter((c) => c.kind === 'risky').length;
  console.log(`\n${name}: ${corpus.length} texts (${risky} risky, ${corpus.length - risky} benign)`);
  console.log(row('', ['new', 'rules', 'phrases', 'old lists'], 'texts'));
  const line = (label: string, pick: (s: Score) => Tally | undefined) =>
    console.log(
      row(
        label,
        all.map((s) => pct(pick(s))),
        String(pick(now)?.total ?? 0),
      ),
    );
  line('recall, all risky texts', (s) => s.recall);
  line('recall, high-risk self-harm', (s) => s.highSelfHarm);
  line('recall, high-risk grooming', (s) => s.highGrooming);
  for (const [category, t] of [...now.byCategory].sort((a, b) => b[1].total - a[1].total))
    line(`  ${category}`, (s) => (s === now ? t : s.byCategory.get(category)));
  console.log(row('recall by form:', ['', '', '', ''], ''));
  for (const [form, t] of [...now.byForm].sort((a, b) => b[1].total - a[1].total))
    line(`  ${form}`, (s) => (s === now ? t : s.byForm.get(form)));
  line('false positives (any flag)', (s) => s.falsePositives);
  line('false positives (medium or high)', (s) => s.falsePositivesMedium);
  if (values.misses) printMisses(now);
  return now;
}

function printMisses(s: Score) {
  for (const m of s.misses)
    if (m.kind === 'risky') console.log(`    missed ${m.category} ${m.risk} ${m.form}: ${m.text}`);
  for (const w of s.wrongs)
    console.log(
      `    flagged benign (${w.text.kind === 'benign' ? w.text.topic : ''}): ${w.text.text} → ${w.verdict.categories.map((c) => `${c.category} ${c.risk}`).join(', ')}`,
    );
}

console.log(
  `Detection benchmark (issue 14). Library compiled in ${compileMs.toFixed(0)} ms, ${detector.phraseCount} phrase forms.`,
);
const optional = (file: CorpusFile) => (fs.existsSync(path.join(CORPUS_DIR, file)) ? readCorpus(file) : []);
const seen = readCorpus('seen.txt');
report('Seen corpus (written while tuning)', seen);
// Each held-out set, in the order written, with what it is now (tuned corpus, or never tuned on).
const heldOutSets: Array<[CorpusFile, string]> = [
  [
    'held-out.txt',
    'First held-out set (written after the matcher; the library has since been widened, so it is tuned corpus now)',
  ],
  [
    'held-out-2.txt',
    'Second held-out set (written after the widening; its figures led to the structural rule, its misses unread)',
  ],
  [
    'held-out-3.txt',
    'Third held-out set (written after the structural rule; its misses led to the told-not-wished families, so it is tuned corpus now)',
  ],
  ['held-out-4.txt', 'Fourth held-out set (written after the told-not-wished families, never tuned on)'],
  [
    'held-out-5.txt',
    'Fifth held-out set (written before the classifier, by a writer who had not read the library; never tuned on)',
  ],
  [
    'held-out-benign.txt',
    'Benign held-out set (news, video titles, lyrics, PSHE, history, literature; written at stop 29 before it was run)',
  ],
];
const [heldOut, fresh, ...later] = heldOutSets.map(([file, label]) => {
  const lines = optional(file);
  if (lines.length > 0) report(label, lines);
  return lines;
});
report('All together', [...seen, ...heldOut!, ...fresh!, ...later.flat()]);

// The same query stream as before held-out-3 existed, so throughput stays comparable across stops.
const stream = queryStream(
  QUERIES,
  [...seen, ...heldOut!, ...fresh!].map((c) => c.text),
);
function throughput(label: string, run: (q: string) => unknown) {
  for (let i = 0; i < Math.min(20_000, stream.length); i++) run(stream[i]!);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let flagged = 0;
  for (const q of stream) if (run(q)) flagged++;
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perSecond = (s: number) =>
    Math.round(stream.length / s)
      .toLocaleString('en-GB')
      .padStart(10);
  console.log(
    `  ${label.padEnd(30)} ${perSecond(seconds)} queries/s elapsed, ${perSecond(cpuSeconds)} per CPU-second  (${flagged} flagged)`,
  );
}
console.log(
  `\nThroughput on one core (one thread), ${stream.length.toLocaleString('en-GB')} queries (target 50,000/s; on a busy machine read the per-CPU-second figure):`,
);
throughput('new matcher, full library', (q) => detector.match(q).flagged);
throughput('rules only (no classifier)', (q) => rulesOnly.match(q).flagged);
throughput('phrases only (no structural rule)', (q) => phrasesOnly.match(q).flagged);
throughput('old starter lists', (q) => oldFlag(q).length > 0);
