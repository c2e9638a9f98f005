/**
 * A small linear classifier beside the phrase library (docs/architecture.md, "Detection: rules and a
 * linear classifier"): one-vs-rest logistic regression over hashed word, word-pair and character
 * n-gram features of the normalised text. It catches risky wording the phrases were never written
 * for; the matcher still decides benign context, figures of speech and risk wording. Trained by
 * `npm run detection:classifier -w @waymark/shared` from the training texts only (never the
 * held-out sets); the weights ship as a generated file.
 */
import type { Category } from '../policy/categories';
import type { Risk } from './types';
import type { Word } from './normalise';
import { wordKey } from './word-key';

/** Feature space: 2^HASH_BITS buckets per category. */
export const HASH_BITS = 15;
const MASK = (1 << HASH_BITS) - 1;

/** The categories the classifier speaks for, and the risk it flags each at. */
export const CLASSIFIER_CATEGORIES: ReadonlyArray<{ category: Category; risk: Risk }> = [
  { category: 'self-harm', risk: 'high' },
  { category: 'grooming', risk: 'high' },
  { category: 'violence', risk: 'high' },
  { category: 'discrimination', risk: 'medium' },
  { category: 'extremism', risk: 'medium' },
  { category: 'substance-abuse', risk: 'medium' },
];

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Repeated letters (three or more) read as two: "soooo" → "soo", as the matcher reads them. */
function squeeze(w: string): string {
  return /(.)\1\1/.test(w) ? w.replace(/(.)\1{2,}/g, '$1$1') : w;
}

/**
 * The hashed features of a text's words (from wordsOf): each word's key, each pair of neighbouring
 * keys, each key with the one after next, and the character 3- and 4-grams of each word as typed
 * (so misspellings share most of their features with the word they misspell).
 */
export function featuresOf(words: readonly Word[]): number[] {
  const out: number[] = [];
  const keys = words.map((w) => wordKey(squeeze(w.text)));
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out.push(mix(mix(FNV_OFFSET, 'w'), k) & MASK);
    if (i + 1 < keys.length) out.push(mix(mix(mix(FNV_OFFSET, 'b'), k), ' ' + keys[i + 1]!) & MASK);
    if (i + 2 < keys.length) out.push(mix(mix(mix(FNV_OFFSET, 's'), k), ' ' + keys[i + 2]!) & MASK);
    const t = '<' + squeeze(words[i]!.text) + '>';
    for (let n = 3; n <= 4; n++) {
      for (let j = 0; j + n <= t.length; j++) {
        let h = Math.imul(FNV_OFFSET ^ (48 + n), FNV_PRIME);
        for (let c = j; c < j + n; c++) h = Math.imul(h ^ t.charCodeAt(c), FNV_PRIME);
        out.push(h & MASK);
      }
    }
  }
  return out;
}

/** Weights as shipped: per category a bias and 2^HASH_BITS int8 weights times a scale. */
export interface ClassifierWeights {
  hashBits: number;
  categories: ReadonlyArray<{
    category: Category;
    risk: Risk;
    bias: number;
    scale: number;
    threshold: number;
  }>;
  /** base64 of the int8 weights, category after category. */
  weights: string;
}

/** Texts of fewer words are the phrases' to judge: a linear model has no context in one or two words. */
export const CLASSIFIER_MIN_WORDS = 3;

export interface Classifier {
  /** Categories whose probability reaches their threshold, with the probability. */
  classify(words: readonly Word[]): Array<{ category: Category; risk: Risk; p: number }>;
  /** The probability for every category (for training reports and tests). */
  probabilities(words: readonly Word[]): number[];
}

function decodeBase64(s: string): Int8Array {
  const binary = atob(s);
  const out = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  return out;
}

export function loadClassifier(source: ClassifierWeights): Classifier {
  if (source.hashBits !== HASH_BITS) throw new Error('classifier weights were trained for another hash size');
  const all = decodeBase64(source.weights);
  const size = 1 << HASH_BITS;
  const rows = source.categories.map((c, i) => ({ ...c, w: all.subarray(i * size, (i + 1) * size) }));
  function probabilities(words: readonly Word[]): number[] {
    const f = featuresOf(words);
    if (f.length === 0) return rows.map(() => 0);
    const norm = 1 / Math.sqrt(f.length);
    return rows.map((r) => {
      let z = 0;
      for (const h of f) z += r.w[h]!;
      return 1 / (1 + Math.exp(-(r.bias + z * r.scale * norm)));
    });
  }
  return {
    probabilities,
    classify(words) {
      if (words.length < CLASSIFIER_MIN_WORDS) return [];
      const p = probabilities(words);
      const out: Array<{ category: Category; risk: Risk; p: number }> = [];
      rows.forEach((r, i) => {
        if (p[i]! >= r.threshold) out.push({ category: r.category, risk: r.risk, p: p[i]! });
      });
      return out;
    },
  };
}
