import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  createDetector,
  parsePhraseLine,
  ProfileSchema,
  type Category,
  CategorySchema,
  type Detection,
  type SchoolPhrase,
} from '@waymark/shared';
import { EXIT, InputError, UsageError, type CliIo } from './io';

export const CHECK_SEARCH_USAGE = `Usage: waymark check-search [--profile KS2 | --keywords <file>] [--json] [--] "<text>"...

Says, for each text (a search, a page or video title), whether Waymark flags it: the categories,
the risk level and the phrase that matched, using the phrase library every school has.
  --profile <P>      whose search it is: EYFS, KS1, KS2, KS3, KS4, KS5, staff (default KS2; staff
                     searches are not checked for getting round the filter)
  --keywords <file>  the school's own phrases as well: sections "[category]" (or "[benign]" for
                     ordinary phrases that must not be flagged), then one phrase per line,
                     optionally ", high", ", medium" or ", low"
  --json             print one JSON array of { text, flagged, categories, severity, matched }
Exit codes: 0 answered, 1 unreadable or invalid keywords file, 2 bad arguments.
`;

interface SearchVerdict {
  text: string;
  flagged: boolean;
  categories: Category[];
  severity: Detection['severity'];
  /** The phrases that matched, most serious first, with their category, risk and the words typed. */
  matched: Array<{ phrase: string; category: Category; risk: string; text: string }>;
}

/** A school's phrase file: "[category]" or "[benign]" sections, one phrase per line. */
function readKeywordsFile(file: string): {
  phrases: Partial<Record<Category, SchoolPhrase[]>>;
  benign: string[];
} {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const phrases: Partial<Record<Category, SchoolPhrase[]>> = {};
  const benign: string[] = [];
  let section: Category | 'benign' | null = null;
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) return;
    const heading = /^\[(.+)\]$/.exec(line);
    if (heading) {
      const name = heading[1]!.trim().toLowerCase();
      const category = CategorySchema.safeParse(name);
      if (name === 'benign') section = 'benign';
      else if (category.success) section = category.data;
      else
        problems.push(
          `line ${i + 1}: "${name}" is not a category (${CategorySchema.options.join(', ')}) or "benign"`,
        );
      return;
    }
    if (section === null) return problems.push(`line ${i + 1}: a phrase before any [category] heading`);
    const parsed = parsePhraseLine(line);
    if (!parsed.ok) return problems.push(`line ${i + 1}: ${parsed.error}`);
    if (section === 'benign') benign.push(parsed.phrase.text);
    else (phrases[section] ??= []).push(parsed.phrase);
  });
  if (problems.length > 0) throw new InputError(`${file}: ${problems.join('; ')}`);
  return { phrases, benign };
}

export function checkSearch(args: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        profile: { type: 'string' },
        keywords: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(CHECK_SEARCH_USAGE);
    return EXIT.ok;
  }
  if (values.profile !== undefined && values.keywords !== undefined)
    throw new UsageError('give only one of --profile and --keywords');
  const profile = ProfileSchema.safeParse(values.profile ?? 'KS2');
  if (!profile.success) throw new UsageError(`--profile must be one of ${ProfileSchema.options.join(', ')}`);
  const texts = positionals.map((t) => t.trim());
  if (texts.length === 0) throw new UsageError('give at least one text to check');
  if (texts.some((t) => t === '')) throw new UsageError('an empty text cannot be checked');

  const detector = createDetector(values.keywords === undefined ? {} : readKeywordsFile(values.keywords));
  const verdicts: SearchVerdict[] = texts.map((text) => {
    const d = detector.match(text, { profile: profile.data });
    return {
      text,
      flagged: d.flagged,
      categories: d.categories,
      severity: d.severity,
      matched: d.matches.map(({ phrase, category, risk, text: typed }) => ({
        phrase,
        category,
        risk,
        text: typed,
      })),
    };
  });
  if (values.json) {
    io.stdout.write(`${JSON.stringify(verdicts)}\n`);
    return EXIT.ok;
  }
  for (const v of verdicts) {
    if (!v.flagged) {
      io.stdout.write(`not flagged  ${JSON.stringify(v.text)}\n`);
      continue;
    }
    io.stdout.write(
      `flagged      ${JSON.stringify(v.text)}  (${v.severity} risk; ${v.categories.join(', ')})\n`,
    );
    for (const m of v.matched)
      io.stdout.write(`               ${m.category}, ${m.risk}: "${m.phrase}" matched "${m.text}"\n`);
  }
  return EXIT.ok;
}
