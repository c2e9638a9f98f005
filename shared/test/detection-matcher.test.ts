import { describe, expect, it } from 'vitest';
import { createDetector, type Detection } from '../src';

const detector = createDetector();
const flag = (text: string) => detector.match(text);
const summary = (d: Detection) => (d.flagged ? `${d.severity} ${d.categories.join(',')}` : 'not flagged');

describe('matching what children actually type', () => {
  it.each([
    ['how to hurt myself', 'high self-harm'],
    ['how 2 hurt my self', 'high self-harm'],
    ['hw to kil myslef', 'high self-harm'],
    ['h0w t0 k1ll mys3lf', 'high self-harm'],
    ['K I L L   M Y S E L F', 'high self-harm'],
    ['kiiiiill myselffff', 'high self-harm'],
    ['#killmyself', 'high self-harm'],
    ['i want to unalive', 'high self-harm'],
    ['kms', 'high self-harm'],
    ['sewer slide methods', 'high self-harm'],
    ['ѕuісіdе methods', 'high self-harm'],
    ['su*cide methods', 'high self-harm'],
    ['i want to just fucking die', 'high self-harm'],
    ['how many paracetamol does it take to die', 'high self-harm'],
    ['he asked me to send nudes', 'high grooming'],
    ['sut i ladd fy hun', 'high self-harm'],
    ['dw i’n cael fy mwlio', 'medium discrimination'],
  ])('%s → %s', (text, expected) => {
    expect(summary(flag(text))).toBe(expected);
  });

  it('matches whole words only (no Scunthorpe problem)', () => {
    for (const text of [
      'Scunthorpe United',
      'things to do in Essex',
      'therapist near me',
      'cocktail recipes',
      'sussex police',
      'analysis of a poem',
    ])
      expect(summary(flag(text)), text).toBe('not flagged');
  });

  it('never takes a real word for a misspelling of a library word', () => {
    expect(summary(flag('how to shout louder'))).toBe('not flagged');
    expect(summary(flag('the battle of the somme'))).toBe('not flagged');
  });

  it('says what matched: the phrase, the words typed, the category, the risk and the incident kind', () => {
    const d = flag('I want to S.U.I.C.I.D.E tonight and someone keeps sending me dick pics');
    expect(d.severity).toBe('high');
    expect(d.categories[0]).toBe('self-harm');
    expect(d.matches[0]).toMatchObject({
      category: 'self-harm',
      risk: 'high',
      source: 'library',
      incidentKind: 'self-harm',
    });
    expect(d.matches[0]!.text).toContain('s.u.i.c.i.d.e');
    const sexting = d.matches.find((m) => m.category === 'grooming');
    expect(sexting).toMatchObject({ incidentKind: 'sharing-nudes' });
  });

  it('flags CSAM searches high in the illegal category', () => {
    const d = flag('child porn');
    expect(d.severity).toBe('high');
    expect(d.categories[0]).toBe('illegal-csam');
  });
});

describe('benign context', () => {
  it('clears a trigger word inside an ordinary phrase, and says which phrase cleared it', () => {
    const d = flag('suicide squad cast');
    expect(d.flagged).toBe(false);
    expect(d.benign).toContain('suicide squad');
    expect(flag('to kill a mockingbird themes').flagged).toBe(false);
    expect(flag('i want to die my hair purple').flagged).toBe(false);
    expect(flag('i cut myself cooking').flagged).toBe(false);
  });

  it('clears only what it covers: a risky phrase elsewhere in the same text is still flagged', () => {
    expect(summary(flag('to kill a mockingbird. i want to kill myself'))).toBe('high self-harm');
    expect(summary(flag('naked photos'))).toBe('medium pornography'); // "photo shoot" is benign, "photos" alone is not
  });

  it('lets a schoolwork topic clear lower-risk matches, never high ones', () => {
    expect(flag('romeo and juliet suicide').flagged).toBe(false);
    expect(summary(flag('romeo and juliet homework i want to kill myself'))).toBe('high self-harm');
  });
});

describe('a school’s own phrases and benign context', () => {
  it('adds phrases with the risk the school gave, or the library’s, or medium', () => {
    const school = createDetector({
      phrases: {
        'self-harm': [{ text: 'purple rain plan' }, { text: 'kill myself', risk: 'low' }],
        violence: [{ text: 'orchard gang', risk: 'high' }],
      },
      benign: ['how to kill a spider'],
    });
    expect(summary(school.match('the purple rain plan'))).toBe('medium self-harm');
    expect(school.match('the purple rain plan').matches[0]!.source).toBe('school');
    expect(summary(school.match('ORCHARD GANG'))).toBe('high violence');
    expect(summary(school.match('kill myself'))).toBe('low self-harm');
    expect(summary(school.match('how to kill a spider'))).toBe('not flagged');
  });

  it('leaves circumvention out for staff', () => {
    expect(summary(detector.match('free vpn for school'))).toBe('medium proxy-vpn');
    expect(summary(detector.match('free vpn for school', { profile: 'staff' }))).toBe('not flagged');
  });
});
