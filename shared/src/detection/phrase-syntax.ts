/**
 * The phrase syntax of the library: words separated by spaces, `(a|b c)` for alternatives (each
 * may be several words), `[a]` or `[a|b]` for optional words; groups nest. `expandPhrase` gives
 * every plain form a phrase stands for.
 */

type Part = { kind: 'word'; text: string } | { kind: 'group'; options: Part[][]; optional: boolean };

/** Most plain forms one phrase may stand for: a typo in a phrase should not make thousands. */
const MAX_FORMS = 2048;

export class PhraseSyntaxError extends Error {}

function parse(source: string): Part[] {
  let i = 0;
  const sequence = (closers: string): Part[][] => {
    const options: Part[][] = [[]];
    let word = '';
    const endWord = () => {
      if (word !== '') options[options.length - 1]!.push({ kind: 'word', text: word });
      word = '';
    };
    while (i < source.length) {
      const c = source[i]!;
      if (closers.includes(c)) {
        endWord();
        return options;
      }
      i++;
      if (c === '(' || c === '[') {
        endWord();
        const inner = sequence(c === '(' ? ')' : ']');
        if (source[i] !== (c === '(' ? ')' : ']'))
          throw new PhraseSyntaxError(`unclosed "${c}" in "${source}"`);
        i++;
        options[options.length - 1]!.push({ kind: 'group', options: inner, optional: c === '[' });
      } else if (c === '|') {
        endWord();
        if (closers === '') throw new PhraseSyntaxError(`"|" outside brackets in "${source}"`);
        options.push([]);
      } else if (c === ')' || c === ']') {
        throw new PhraseSyntaxError(`unexpected "${c}" in "${source}"`);
      } else if (/\s/.test(c)) {
        endWord();
      } else {
        word += c;
      }
    }
    endWord();
    return options;
  };
  const top = sequence('');
  if (i < source.length) throw new PhraseSyntaxError(`unexpected "${source[i]}" in "${source}"`);
  return top[0]!;
}

function expandParts(parts: Part[], source: string): string[][] {
  let forms: string[][] = [[]];
  for (const part of parts) {
    let choices: string[][];
    if (part.kind === 'word') choices = [[part.text]];
    else {
      choices = part.options.flatMap((o) => expandParts(o, source));
      if (part.optional) choices.push([]);
    }
    const next: string[][] = [];
    for (const form of forms) for (const choice of choices) next.push([...form, ...choice]);
    if (next.length > MAX_FORMS)
      throw new PhraseSyntaxError(`"${source}" stands for more than ${MAX_FORMS} forms`);
    forms = next;
  }
  return forms;
}

/** Every plain form of a phrase, as word lists (empty forms left out). */
export function expandPhrase(source: string): string[][] {
  const forms = expandParts(parse(source), source).filter((f) => f.length > 0);
  const seen = new Set<string>();
  return forms.filter((f) => {
    const key = f.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
