/**
 * Text to words, the way a child types them: case, Unicode compatibility forms (fullwidth, maths
 * letters, ligatures), look-alike letters from other scripts, diacritics, leetspeak and symbols
 * standing for letters, letters spaced or dotted apart, censoring asterisks. Everything the matcher
 * compares goes through here, phrases and texts alike.
 */

/** Characters that print nothing: zero-width spaces and joiners, soft hyphens, marks. */
const INVISIBLE =
  /\u034F|\u1160|\u17B4|\u17B5|\u180E|[\u00AD\u115F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u3164\uFEFF]/g;

/** Letters of other scripts that look like Latin ones (NFKC leaves them alone). */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  з: '3',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ь: 'b',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  σ: 'o',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ς: 's',
  ɡ: 'g',
  ı: 'i',
  ȷ: 'j',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  ŋ: 'n',
  ɑ: 'a',
  ɛ: 'e',
  ɪ: 'i',
  ʏ: 'y',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ɢ: 'g',
  ʜ: 'h',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ᴢ: 'z',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/**
 * Digits and symbols typed for letters, when they stand among letters ("k1ll", "$uicide",
 * "s3lf h@rm"). The first letter is the usual reading; the others are tried when it finds nothing.
 */
const LEET: Record<string, readonly string[]> = {
  '0': ['o'],
  '1': ['i', 'l'],
  '2': ['z'],
  '3': ['e'],
  '4': ['a'],
  '5': ['s'],
  '6': ['g', 'b'],
  '7': ['t'],
  '8': ['b'],
  '9': ['g'],
  '@': ['a'],
  $: ['s'],
  '!': ['i', 'l'],
  '|': ['l', 'i'],
  '+': ['t'],
  '€': ['e'],
  '£': ['l', 'e'],
  '¡': ['i'],
  '¢': ['c'],
  '¥': ['y'],
};
/** Characters that hide a letter: "su*cide", "k#ll". */
const MASKS = '*#';
const APOSTROPHES = /['’‘`´ʼ]/g;
const IS_LETTER = /\p{L}/u;

/** One word of a text, normalised. */
export interface Word {
  /** Lower-case letters (digits for a number), no diacritics, leetspeak read as letters. */
  text: string;
  /** Other readings of ambiguous leetspeak ("k1ll" → "kill" first, "kll" never). */
  alternates: readonly string[];
  /** A letter was hidden by `*` or `#` (written as `*` in `text`). */
  masked: boolean;
  /** Offsets in the normalised text, for showing what matched. */
  start: number;
  end: number;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Case, compatibility forms, look-alikes and diacritics: the text every offset refers to. */
export function foldText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

const isLetter = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return IS_LETTER.test(c);
};
const isLeet = (c: string) => Object.hasOwn(LEET, c);
const isDigit = (c: string) => c >= '0' && c <= '9' && c.length === 1;
const isWordChar = (c: string) => isLetter(c) || isDigit(c) || isLeet(c) || c === '*' || c === '#';

/** Every reading of a piece with leetspeak in it, the usual one first; at most 8. */
function leetReadings(piece: string): string[] {
  let readings = [''];
  for (const c of piece) {
    const options = isLeet(c) ? LEET[c]! : [c];
    readings = readings.flatMap((r) => options.map((o) => r + o)).slice(0, 8);
  }
  return readings;
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

/** Splits one whitespace-free chunk into word pieces, joining letters dotted or dashed apart. */
function piecesOf(chunk: string, offset: number): Piece[] {
  const pieces: Piece[] = [];
  let current = '';
  let start = -1;
  const flush = (end: number) => {
    if (current !== '') pieces.push({ text: current, start, end });
    current = '';
    start = -1;
  };
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i]!;
    if (isWordChar(c)) {
      if (start < 0) start = offset + i;
      current += c;
    } else flush(offset + i);
  }
  flush(offset + chunk.length);
  // "k.i.l.l", "s-u-i-c-i-d-e", "s/h": single characters joined by punctuation are one word.
  if (pieces.length >= 2 && pieces.every((p) => p.text.length === 1)) {
    return [{ text: pieces.map((p) => p.text).join(''), start: pieces[0]!.start, end: pieces.at(-1)!.end }];
  }
  return pieces;
}

/** A piece as a word: symbols among letters read as letters, symbols around it dropped. */
function wordOf(piece: Piece): Word | null {
  // Leading and trailing symbols are punctuation ("die!!", "(help)") unless a letter follows or
  // precedes them inside the word ("$uicide", "h3lp").
  let text = piece.text;
  let start = piece.start;
  while (
    text.length > 0 &&
    !isLetter(text[0]!) &&
    !isDigit(text[0]!) &&
    !(isLeet(text[0]!) && isLetter(text[1] ?? ''))
  ) {
    text = text.slice(1);
    start++;
  }
  let end = piece.end;
  while (text.length > 0 && !isLetter(text.at(-1)!) && !isDigit(text.at(-1)!)) {
    text = text.slice(0, -1);
    end--;
  }
  if (text === '') return null;
  const letters = [...text].filter(isLetter).length;
  if (letters === 0) {
    // A number ("13", "2") stays a number; symbols alone are not a word.
    return /^[0-9]+$/.test(text) ? { text, alternates: [], masked: false, start, end } : null;
  }
  const masked = [...text].some((c) => MASKS.includes(c));
  const plain = text.replace(/[*#]/g, '*');
  if (![...plain].some(isLeet)) return { text: plain, alternates: [], masked, start, end };
  const [first, ...rest] = leetReadings(plain);
  return { text: first!, alternates: rest, masked, start, end };
}

/**
 * The words of a text. Letters typed one by one with spaces between ("k i l l", three or more)
 * become one word; a hashtag's words stay joined ("#killmyself") for the matcher's compound forms.
 */
export function wordsOf(text: string): { folded: string; words: Word[] } {
  const folded = foldText(text).replace(APOSTROPHES, '');
  const words: Word[] = [];
  const chunk = /\S+/g;
  for (let m = chunk.exec(folded); m; m = chunk.exec(folded)) {
    for (const piece of piecesOf(m[0], m.index)) {
      const word = wordOf(piece);
      if (word) words.push(word);
    }
  }
  return { folded, words: joinSpacedLetters(words) };
}

function joinSpacedLetters(words: Word[]): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && words[j]!.text.length === 1) j++;
    if (j - i >= 3) {
      const run = words.slice(i, j);
      const joined = run.map((w) => w.text).join('');
      const [first, ...rest] = /\p{L}/u.test(joined) ? leetReadings(joined) : [joined];
      out.push({
        text: first!,
        alternates: rest,
        masked: run.some((w) => w.masked),
        start: run[0]!.start,
        end: run.at(-1)!.end,
      });
      i = j;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return out;
}
