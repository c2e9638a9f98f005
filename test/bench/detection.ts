/**
 * npm run bench:detection [-- --queries N] [--misses]: the phrase library and matcher of issue 14
 * on the labelled corpus (test/detection), beside the old starter keyword lists in the same run.
 * Prints recall per category (risky texts flagged in their category at their risk or above), the
 * false-positive rate on benign texts, for the texts written while tuning ("seen"), the first held-out
 * set (written after the matcher; the library was widened after its figures were known, so it is no
 * longer unseen) and the fresh held-out set (written after that widening, never tuned on), then
 * queries matched per second on one core with the full library.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { createDetector, riskRank, type Category, type Risk } from '@waymark/shared';
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
const detectNew: Detect = (text) => {
  const d = detector.match(text);
  const best = new Map<Category, Risk>();
  for (const m of d.matches) {
    const prev = best.get(m.category);
    if (!prev || riskRank(m.risk) > riskRank(prev)) best.set(m.category, m.risk);
  }
  return { categories: [...best].map(([category, risk]) => ({ category, risk })) };
};
const oldFlag = oldKeywordFlagger(OLD_STARTER_KEYWORDS);
/** The old server made every flagged search high severity. */
const detectOld: Detect = (text) => ({
  categories: oldFlag(text).map((c) => ({ category: c as Category, risk: 'high' as Risk })),
});

const pct = (t: Tally) => (t.total === 0 ? '   -  ' : `${(rate(t) * 100).toFixed(1).padStart(5)}%`);
const row = (label: string, a: string, b: string, n: string) =>
  `  ${label.padEnd(34)} ${a.padStart(9)} ${b.padStart(9)} ${n.padStart(7)}`;

function report(name: string, corpus: CorpusText[]) {
  const now = score(corpus, detectNew);
  const old = score(corpus, detectOld);
  const risky = corpus.filter((c) => c.kind === 'risky').length;
  console.log(`\n${name}: ${corpus.length} texts (${risky} risky, ${corpus.length - risky} benign)`);
  console.log(row('', 'new', 'old lists', 'texts'));
  console.log(row('recall, all risky texts', pct(now.recall), pct(old.recall), String(now.recall.total)));
  console.log(
    row(
      'recall, high-risk self-harm',
      pct(now.highSelfHarm),
      pct(old.highSelfHarm),
      String(now.highSelfHarm.total),
    ),
  );
  console.log(
    row(
      'recall, high-risk grooming',
      pct(now.highGrooming),
      pct(old.highGrooming),
      String(now.highGrooming.total),
    ),
  );
  for (const [category, t] of [...now.byCategory].sort((a, b) => b[1].total - a[1].total))
    console.log(row(`  ${category}`, pct(t), pct(old.byCategory.get(category)!), String(t.total)));
  console.log(row('recall by form:', '', '', ''));
  for (const [form, t] of [...now.byForm].sort((a, b) => b[1].total - a[1].total))
    console.log(row(`  ${form}`, pct(t), pct(old.byForm.get(form)!), String(t.total)));
  console.log(
    row(
      'false positives (any flag)',
      pct(now.falsePositives),
      pct(old.falsePositives),
      String(now.falsePositives.total),
    ),
  );
  console.log(
    row(
      'false positives (medium or high)',
      pct(now.falsePositivesMedium),
      pct(old.falsePositivesMedium),
      String(now.falsePositivesMedium.total),
    ),
  );
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
const heldOut = optional('held-out.txt');
if (heldOut.length > 0)
  report(
    'First held-out set (written after the matcher; the library has since been widened, so it is tuned corpus now)',
    heldOut,
  );
const fresh = optional('held-out-2.txt');
if (fresh.length > 0) report('Fresh held-out set (written after the widening, never tuned on)', fresh);
report('All together', [...seen, ...heldOut, ...fresh]);

const stream = queryStream(
  QUERIES,
  [...seen, ...heldOut, ...fresh].map((c) => c.text),
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
throughput('old starter lists', (q) => oldFlag(q).length > 0);
