import { describe, expect, it } from 'vitest';
import { createDetector, riskRank, type Category, type Risk } from '../src';
import { rate, readCorpus, score } from './detection-corpus';

describe('the labelled corpus (texts written while tuning)', () => {
  it('meets the targets of issue 14: recall ≥ 90 %, ≥ 95 % for high-risk self-harm and grooming, false positives ≤ 5 %', () => {
    const detector = createDetector();
    const s = score(readCorpus('seen.txt'), (text) => {
      const best = new Map<Category, Risk>();
      for (const m of detector.match(text).matches)
        if (!best.has(m.category) || riskRank(m.risk) > riskRank(best.get(m.category)!))
          best.set(m.category, m.risk);
      return { categories: [...best].map(([category, risk]) => ({ category, risk })) };
    });
    expect(s.recall.total + s.falsePositives.total).toBeGreaterThanOrEqual(300);
    expect(rate(s.recall)).toBeGreaterThanOrEqual(0.9);
    expect(rate(s.highSelfHarm)).toBeGreaterThanOrEqual(0.95);
    expect(rate(s.highGrooming)).toBeGreaterThanOrEqual(0.95);
    expect(rate(s.falsePositives)).toBeLessThanOrEqual(0.05);
    // Compiling the full library takes about a CPU-second; on a loaded machine far longer elapsed.
  }, 60_000);
});
