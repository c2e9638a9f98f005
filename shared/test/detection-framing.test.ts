import { describe, expect, it } from 'vitest';
import { BENIGN_PHRASES, compileMatcher, createDetector, type Detection } from '../src';
import { FILLERS, SHORTHAND } from '../src/detection/library';
import { PROTECTED_WORDS } from '../src/detection/library/protected-words';

/**
 * News reporting and help-seeking as benign context (docs/architecture.md, "Detection: rules and a
 * linear classifier", stop 31): they clear medium and low flags, and never a high one, whoever
 * found it. Texts written from the general rule, not from any corpus file.
 */
const detector = createDetector();
const summary = (d: Detection) => (d.flagged ? `${d.severity} ${d.categories.join(',')}` : 'not flagged');
const check = (text: string) => summary(detector.match(text));

describe('news and help-seeking framing', () => {
  it.each([
    'samaritans opening hours',
    'how to support a friend with an eating disorder',
    'how to help a friend who is being bullied at school',
    'vaping among teenagers doubles, study finds',
  ])('clears a medium or low flag: %s', (text) => {
    expect(check(text)).toBe('not flagged');
  });

  it.each([
    ['childline i want to kill myself', 'high self-harm'],
    ['samaritans i cant do this anymore i want to end it tonight', 'high self-harm'],
    ['how do i help my friend she says she is going to kill herself tonight', 'high self-harm'],
    ['nspcc my uncle keeps asking me to send pics and keep it secret', 'high grooming'],
    ['im going to stab him tomorrow police say nothing', 'high violence'],
  ])("never clears a high flag, not even the structural rule's: %s", (text, expected) => {
    expect(check(text)).toBe(expected);
  });

  it('a topic without keepsHigh clears the structural rule at any risk; with it, not', () => {
    const withTopic = (keepsHigh: boolean) =>
      compileMatcher({
        sections: [],
        benign: BENIGN_PHRASES,
        benignTopics: [{ topic: 'nspcc', clears: ['grooming'], ...(keepsHigh ? { keepsHigh } : {}) }],
        shorthand: SHORTHAND,
        fillers: FILLERS,
        protectedWords: new Set(PROTECTED_WORDS),
        structural: true,
      });
    const text = 'nspcc my uncle keeps asking me to send pics and keep it secret';
    expect(summary(withTopic(false).match(text))).toBe('not flagged');
    expect(summary(withTopic(true).match(text))).toBe('high grooming');
  });
}, 120_000);
