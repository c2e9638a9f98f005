import { describe, expect, it } from 'vitest';
import { createDetector } from '../src';
import {
  CLASSIFIER_CATEGORIES,
  CLASSIFIER_MIN_WORDS,
  HASH_BITS,
  featuresOf,
  loadClassifier,
} from '../src/detection/classifier';
import { CLASSIFIER_WEIGHTS } from '../src/detection/library/classifier-weights';
import { wordsOf } from '../src/detection/normalise';
import { comparable, generatedTrainingTexts, heldOutTexts } from '../scripts/detection-training';

const classifier = loadClassifier(CLASSIFIER_WEIGHTS);
const detector = createDetector();
const words = (text: string) => wordsOf(text).words;

describe('the detection classifier (docs/architecture.md, "Detection: rules and a linear classifier")', () => {
  it('ships weights for every category it speaks for, at the hash size the features use', () => {
    expect(CLASSIFIER_WEIGHTS.hashBits).toBe(HASH_BITS);
    expect(CLASSIFIER_WEIGHTS.categories.map((c) => c.category)).toEqual(
      CLASSIFIER_CATEGORIES.map((c) => c.category),
    );
    expect(atob(CLASSIFIER_WEIGHTS.weights).length).toBe(CLASSIFIER_CATEGORIES.length << HASH_BITS);
    for (const c of CLASSIFIER_WEIGHTS.categories) {
      expect(c.threshold).toBeGreaterThan(0);
      expect(c.threshold).toBeLessThanOrEqual(1.01);
    }
  });

  it('reads a misspelling much as the word it misspells (character n-grams)', () => {
    const a = new Set(featuresOf(words('everyone would be better off without me')));
    const b = featuresOf(words('evryone wud be beter off without me'));
    const shared = b.filter((h) => a.has(h)).length;
    expect(shared / b.length).toBeGreaterThan(0.4);
  });

  it(`leaves texts of fewer than ${CLASSIFIER_MIN_WORDS} words to the phrases`, () => {
    for (const text of ['which swimming', 'kitten to', 'hamster', ''])
      expect(classifier.classify(words(text))).toEqual([]);
  });

  it('never flags ordinary schoolwork searches made of common words', () => {
    for (const text of [
      'year 9 french homework answers',
      'romans facts for kids ks2',
      'how to draw a horse easy',
      'premier league results today',
      'what time is the bus to cardiff',
    ])
      expect(detector.match(text).flagged).toBe(false);
  });

  it("labels its matches [model] and gives way to a phrase's match in the same category", () => {
    const plain = detector.match('i want to kill myself');
    expect(plain.matches.find((m) => m.category === 'self-harm')?.phrase).not.toBe('[model]');
    for (const text of ['how to kill the ender dragon in minecraft', 'this homework is killing me'])
      expect(detector.match(text).flagged).toBe(false);
  });

  it('is trained on no held-out text (a generated text that happens to be one is left out)', () => {
    const heldOut = heldOutTexts();
    expect(heldOut.size).toBeGreaterThan(600);
    const overlap = generatedTrainingTexts().filter((t) => heldOut.has(comparable(t.text)));
    expect(overlap.map((t) => t.text)).toEqual([]);
    // Generating and normalising some 24,000 texts takes a few CPU-seconds; far longer on a loaded machine.
  }, 120_000);
});
