import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import {
  chromePolicyFilterSet,
  DEFAULT_TIME_ZONE,
  describeZodError,
  evaluateUrl,
  PolicySchema,
  ProfileSchema,
  urlParts,
  type Policy,
  type Profile,
} from '@waymark/shared';
import { schools } from '../db/schema';
import { createPolicyService } from '../features/policies-and-categories';
import { STARTER_CATEGORY_LISTS, starterPolicy } from '../seed/starter-policies';
import { createCategoryStore, decideWithLists, STARTER_SOURCE } from '../features/category-data';
import { DATABASE_OPTIONS, DATABASE_USAGE, openCliDatabase } from './cli-database';
import { type CliIo, EXIT, InputError, UsageError } from './io';

export const CHECK_URL_USAGE = `Usage: waymark check-url [--school <id>] [--profile KS1 | --policy <file> | --chrome-policy <file>]
                         [--user <email>] [--class <id>] [--at <ISO time>] [--json] [--] <url>...

Says, for each URL, whether it is allowed or blocked and which rule or category decided.
  --school <id>          answer with that school's own policy for the profile, and its always-allowed
                         sign-in domains, as its devices would (reads the server's database)
  --profile <P>          EYFS, KS1, KS2, KS3, KS4, KS5, staff (default KS1): the Waymark starter
                         policy, or with --school the school's policy for that profile
  --policy <file>        a Waymark policy file (JSON)
  --chrome-policy <file> a Chrome policy JSON file with URLBlocklist / URLAllowlist; answers as Chrome would
  --user, --class        who is browsing (for allow-for-nominated categories and lesson overrides)
  --at <time>            when (for allow-at-times windows); default now
  --json                 print one JSON array of { url, verdict, rule, category }
A malformed URL is answered "invalid" (rule "not a URL"), and the others are still checked.
Exit codes: 0 answered, 1 unreadable or invalid policy file or unknown school, 2 bad arguments.

With --school: ${DATABASE_USAGE}
`;

export interface Verdict {
  url: string;
  verdict: 'allowed' | 'blocked' | 'invalid';
  rule: string | null;
  category: string | null;
  /** The category lists (sources) holding the deciding entry. */
  lists?: string[];
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

type Decider = (url: string) => Verdict | Promise<Verdict>;

function chromeDecider(file: string, io: CliIo): Decider {
  const json = readJson(file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError(`${file} must be a JSON object with URLBlocklist and/or URLAllowlist`);
  }
  const { set, errors } = chromePolicyFilterSet(json as Record<string, unknown>);
  const listErrors = errors.filter((e) => e.index === -1);
  if (listErrors.length > 0) throw new InputError(`${file}: ${listErrors.map((e) => e.error).join('; ')}`);
  // Chrome ignores an invalid entry and applies the rest; so do we, but say so.
  for (const e of errors)
    io.stderr.write(
      `warning: ${file}: ${e.list}[${e.index}] ${JSON.stringify(e.filter)} ignored: ${e.error}\n`,
    );
  return (url) => {
    const hit = set.match(url);
    if (!hit) return { url, verdict: 'allowed', rule: null, category: null };
    return {
      url,
      verdict: hit.allow ? 'allowed' : 'blocked',
      rule: `${hit.data.list}: "${hit.filter.source}"`,
      category: null,
    };
  };
}

function waymarkDecider(
  policy: Policy,
  ctx: { now: Date; user: string | null; classIds: string[] },
): Decider {
  return (url) => {
    const decision = evaluateUrl(policy, url, ctx);
    return { url, verdict: decision.verdict, rule: decision.rule, category: decision.category };
  };
}

/** The starter policy with Waymark's starter lists: the category data a school starts with. */
function starterDecider(
  policy: Policy,
  ctx: { now: Date; user: string | null; classIds: string[] },
): Decider {
  const decide = waymarkDecider({ ...policy, categoryLists: STARTER_CATEGORY_LISTS }, ctx);
  return (url) => {
    const verdict = decide(url) as Verdict;
    return verdict.category ? { ...verdict, lists: [STARTER_SOURCE.name] } : verdict;
  };
}

function loadPolicy(file: string): Policy {
  const parsed = PolicySchema.safeParse(readJson(file));
  if (!parsed.success)
    throw new InputError(`${file} is not a valid Waymark policy: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/**
 * A school's own policy for a profile, with its sign-in domains, as its devices get it; each URL
 * is looked up in the school's category store (by host, indexed) and the list that holds it named.
 */
async function schoolDecider(
  values: { school?: string; 'data-dir'?: string; 'database-url'?: string },
  profile: Profile,
  ctx: { now: Date; user: string | null; classIds: string[] },
): Promise<{ decide: Decider; close(): Promise<void> }> {
  const database = await openCliDatabase(values);
  try {
    const [school] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(eq(schools.id, values.school!));
    if (!school) throw new InputError(`there is no school "${values.school}" in this database`);
    const policy = await createPolicyService({ db: database.db }).policyFor(school.id, profile);
    const store = createCategoryStore({ db: database.db });
    return {
      decide: async (url) => {
        const { decision, lists } = await decideWithLists(store, school.id, policy, url, ctx);
        const verdict: Verdict = {
          url,
          verdict: decision.verdict,
          rule: decision.rule,
          category: decision.category,
        };
        return lists.length > 0 ? { ...verdict, lists } : verdict;
      },
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function checkUrl(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        ...DATABASE_OPTIONS,
        school: { type: 'string' },
        profile: { type: 'string' },
        policy: { type: 'string' },
        'chrome-policy': { type: 'string' },
        user: { type: 'string' },
        class: { type: 'string', multiple: true },
        at: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(CHECK_URL_USAGE);
    return EXIT.ok;
  }
  const sources = [values.profile, values.policy, values['chrome-policy']].filter((v) => v !== undefined);
  if (sources.length > 1) throw new UsageError('give only one of --profile, --policy and --chrome-policy');
  if (values.school !== undefined && values.profile === undefined && sources.length > 0)
    throw new UsageError('--school takes --profile, not a policy file');
  if (values.school === undefined && (values['data-dir'] || values['database-url']))
    throw new UsageError('--data-dir and --database-url go with --school');
  if (positionals.length === 0) throw new UsageError('give at least one URL to check');
  const now = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--at ${JSON.stringify(values.at)} is not a date and time`);

  let decide: Decider;
  let close = async () => {};
  const ctx = { now, user: values.user ?? null, classIds: values.class ?? [] };
  if (values['chrome-policy'] !== undefined) {
    decide = chromeDecider(values['chrome-policy'], io);
  } else if (values.policy !== undefined) {
    decide = waymarkDecider(loadPolicy(values.policy), ctx);
  } else {
    {
      const profile = ProfileSchema.safeParse(values.profile ?? 'KS1');
      if (!profile.success)
        throw new UsageError(`--profile must be one of ${ProfileSchema.options.join(', ')}`);
      if (values.school !== undefined) {
        ({ decide, close } = await schoolDecider(values, profile.data, ctx));
      } else {
        const policy = PolicySchema.parse({
          ...starterPolicy(profile.data, DEFAULT_TIME_ZONE),
          version: 0,
          alwaysAllowed: [],
          overrides: [],
        });
        decide = starterDecider(policy, ctx);
      }
    }
  }

  // One malformed URL in a batch is an answer of its own, not a reason to refuse the rest.
  const verdicts: Verdict[] = [];
  try {
    for (const url of positionals)
      verdicts.push(
        urlParts(url) === null
          ? { url, verdict: 'invalid', rule: 'not a URL', category: null }
          : await decide(url),
      );
  } finally {
    await close();
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(verdicts)}\n`);
  } else {
    for (const v of verdicts) {
      const rule = v.rule ?? 'no filter matches; Chrome allows by default';
      const category =
        v.category && !rule.includes(`category ${v.category}`) ? `; category ${v.category}` : '';
      const lists = v.lists && v.lists.length > 0 ? `; list: ${v.lists.join(', ')}` : '';
      io.stdout.write(`${v.verdict.padEnd(8)} ${v.url}  (${rule}${category}${lists})\n`);
    }
  }
  return EXIT.ok;
}
