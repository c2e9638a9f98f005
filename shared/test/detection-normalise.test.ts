import { describe, expect, it } from 'vitest';
import { foldText, wordsOf } from '../src/detection/normalise';
import { wordKey } from '../src/detection/word-key';
import { radicalForms } from '../src/detection/welsh';
import { editDistance, FuzzyIndex } from '../src/detection/fuzzy';
import { expandPhrase, PhraseSyntaxError } from '../src/detection/phrase-syntax';

const words = (text: string) => wordsOf(text).words.map((w) => w.text);

describe('normalising what pupils type', () => {
  it('folds case, compatibility forms, look-alike letters and diacritics', () => {
    expect(foldText('ＨＯＷ ｔｏ')).toBe('how to');
    expect(foldText('𝓼𝓾𝓲𝓬𝓲𝓭𝓮')).toBe('suicide');
    expect(foldText('ѕuіcіdе')).toBe('suicide'); // Cyrillic dze, i, ie
    expect(foldText('kïll mysélf')).toBe('kill myself');
    expect(foldText('s\u200Bu\u00ADicide')).toBe('suicide');
    expect(foldText('casáu ŵyr')).toBe('casau wyr');
  });

  it('reads leetspeak and symbols among letters as letters, and keeps numbers as numbers', () => {
    expect(words('h0w t0 k1ll mys3lf')).toEqual(['how', 'to', 'kill', 'myself']);
    expect(words('$elf h@rm')).toEqual(['self', 'harm']);
    expect(wordsOf('k1ll').words[0]!.alternates).toContain('klll');
    expect(words('13 reasons why, year 7')).toEqual(['13', 'reasons', 'why', 'year', '7']);
    expect(words('die!!! (help)')).toEqual(['die', 'help']);
  });

  it('joins letters spaced, dotted or dashed apart, and keeps hashtags whole', () => {
    expect(words('k i l l myself')).toEqual(['kill', 'myself']);
    expect(words('s.u.i.c.i.d.e')).toEqual(['suicide']);
    expect(words('d-i-e')).toEqual(['die']);
    expect(words('s u 1 c 1 d e')).toEqual(['suicide']);
    expect(words('#killmyself')).toEqual(['killmyself']);
    expect(words('self-harm')).toEqual(['self', 'harm']);
    expect(words("i'm can't")).toEqual(['im', 'cant']);
  });

  it('keeps the offsets of what was typed', () => {
    const { folded, words: ws } = wordsOf('I want to  S.U.I.C.I.D.E now');
    expect(folded.slice(ws[3]!.start, ws[3]!.end)).toBe('s.u.i.c.i.d.e');
  });

  it('marks letters hidden by an asterisk', () => {
    const [w] = wordsOf('su*cide').words;
    expect(w).toMatchObject({ text: 'su*cide', masked: true });
  });

  it('takes off inflections the same way for phrases and texts', () => {
    for (const [a, b] of [
      ['cutting', 'cut'],
      ['killed', 'kills'],
      ['overdosing', 'overdose'],
      ['dying', 'die'],
      ['knives', 'knife'],
      ['bullied', 'bully'],
      ['hanging', 'hang'],
    ])
      expect(wordKey(a!)).toBe(wordKey(b!));
    expect(wordKey('suicidal')).not.toBe(wordKey('suicide'));
    expect(wordKey('need')).toBe('need');
    expect(wordKey('constructor')).toBe('constructor');
  });

  it('finds the radical forms behind Welsh mutations', () => {
    expect(radicalForms('ladd')).toContain('lladd');
    expect(radicalForms('nghreithiau')).toContain('creithiau');
    expect(radicalForms('farw')).toContain('marw');
    expect(radicalForms('mwlio')).toContain('bwlio');
    expect(radicalForms('wneud')).toContain('gwneud');
  });

  it('allows one edit from five letters and two from eight, swapped letters counting as one', () => {
    expect(editDistance('sucide', 'suicide', 2)).toBe(1);
    expect(editDistance('suicdie', 'suicide', 2)).toBe(1);
    const index = new FuzzyIndex([
      ['suicide', 'suicid'],
      ['knife', 'knif'],
      ['shoot', 'shoot'],
      ['paracetamol', 'paracetamol'],
      ['gun', 'gun'],
    ]);
    expect(index.lookup('sucide')).toEqual(['suicid']);
    expect(index.lookup('nife')).toEqual(['knif']);
    expect(index.lookup('parasetamoll')).toEqual(['paracetamol']);
    expect(index.lookup('gum')).toEqual([]); // library words under five letters are never corrected to
    expect(index.lookup('xuicide')).toEqual([]); // a different first sound
  });
});

describe('the phrase syntax', () => {
  it('expands alternatives, optional words and nesting', () => {
    expect(expandPhrase('(cut|hurt) [my] self').map((f) => f.join(' '))).toEqual([
      'cut my self',
      'cut self',
      'hurt my self',
      'hurt self',
    ]);
    expect(expandPhrase('a (b (c|d)|e)').map((f) => f.join(' '))).toEqual(['a b c', 'a b d', 'a e']);
  });

  it('refuses unbalanced brackets and runaway phrases', () => {
    expect(() => expandPhrase('(a|b')).toThrow(PhraseSyntaxError);
    expect(() => expandPhrase('a|b')).toThrow(PhraseSyntaxError);
    const big = Array.from({ length: 12 }, () => '(a|b)').join(' ');
    expect(() => expandPhrase(big)).toThrow(/more than/);
  });
});
