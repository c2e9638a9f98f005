import {
  appendAll,
  HELP_SITE_HOSTS,
  isIllegalCategory,
  parseFilter,
  parsePhraseLine,
  type Category,
} from '@waymark/shared';

export interface BadLine {
  file?: string;
  line: number;
  text: string;
  error: string;
}

interface ParsedList {
  filters: string[];
  bad: BadLine[];
}

/**
 * UT1 (Université Toulouse) blacklist categories, as used by squidGuard and e2guardian, mapped to
 * Waymark's. Categories with no counterpart (malware, phishing, ads…) are reported, not guessed.
 * A Map, since folder names come from the import (a folder called `constructor` is no category).
 */
export const UT1_CATEGORY_MAP = new Map<string, Category>(
  Object.entries({
    adult: 'pornography',
    porn: 'pornography',
    sexual_education: 'pornography',
    gambling: 'gambling',
    redirector: 'proxy-vpn',
    strict_redirector: 'proxy-vpn',
    strong_redirector: 'proxy-vpn',
    vpn: 'proxy-vpn',
    proxy: 'proxy-vpn',
    social_networks: 'social-media',
    chat: 'messaging',
    forums: 'messaging',
    dating: 'messaging',
    webmail: 'messaging',
    warez: 'piracy',
    filehosting: 'file-sharing',
    download: 'file-sharing',
    games: 'gaming',
    drogue: 'substance-abuse',
    drugs: 'substance-abuse',
    violence: 'violence',
    agressif: 'discrimination',
    aggressive: 'discrimination',
    sect: 'extremism',
    audio_video: 'video',
    streaming: 'video',
  } satisfies Record<string, Category>),
);

const COMMENT = /^\s*(#|!|\/\/|;)/;
const HOST_IPS = new Set(['0.0.0.0', '127.0.0.1', '::1', '::', '0:0:0:0:0:0:0:0']);
const LOCAL_NAMES = new Set([
  'localhost',
  'localhost.localdomain',
  'local',
  'broadcasthost',
  'ip6-localhost',
  'ip6-loopback',
]);

function isHelpSite(filter: string): boolean {
  const parsed = parseFilter(filter);
  if (!parsed.ok) return false;
  const host = parsed.filter.host;
  return HELP_SITE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** A bad line's error for a help site: skipped from an ordinary list, and refusing an illegal one. */
export const HELP_SITE_LINE = 'a help site: it is never blocked, so it is not imported';

/** One list entry checked: the filter to store, or why not (help sites are never blocked). */
export function checkEntry(raw: string): { ok: true; filter: string } | { ok: false; error: string } {
  const filter = raw.startsWith('*.') ? raw.slice(2) : raw;
  const parsed = parseFilter(filter);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (isHelpSite(filter)) return { ok: false, error: HELP_SITE_LINE };
  return { ok: true, filter };
}

/** A line of a plain domain list: its entry, null for a comment or blank, or an error. */
export function domainLine(rawLine: string): { entries: string[] } | { error: string } | null {
  const line = rawLine.replace(/\s+#.*$/, '').trim();
  if (line === '' || COMMENT.test(line)) return null;
  if (/\s/.test(line)) return { error: 'one domain or URL per line' };
  return { entries: [line] };
}

/** A line of a hosts file: its host names (localhost skipped), null for a comment, or an error. */
export function hostsLine(rawLine: string): { entries: string[] } | { error: string } | null {
  const line = rawLine.replace(/#.*$/, '').trim();
  if (line === '') return null;
  const [ip, ...names] = line.split(/\s+/);
  if (!HOST_IPS.has(ip!)) return { error: `"${ip}" is not a blocking address (0.0.0.0 or 127.0.0.1)` };
  if (names.length === 0) return { error: 'no host name after the address' };
  return { entries: names.filter((name) => !LOCAL_NAMES.has(name.toLowerCase())) };
}

/** Checks one filter; bad ones (and help sites, which no list may block) are reported by line. */
function accept(raw: string, line: number, out: ParsedList, file?: string) {
  const checked = checkEntry(raw);
  if (!checked.ok) out.bad.push({ file, line, text: raw, error: checked.error });
  else out.filters.push(checked.filter);
}

/** Plain domain or URL lists, one per line; `#`, `!`, `//` and `;` start comments. */
export function parseDomainList(text: string, file?: string): ParsedList {
  const out: ParsedList = { filters: [], bad: [] };
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.replace(/\s+#.*$/, '').trim();
    if (line === '' || COMMENT.test(line)) return;
    if (/\s/.test(line))
      return out.bad.push({ file, line: i + 1, text: rawLine, error: 'one domain or URL per line' });
    accept(line, i + 1, out, file);
  });
  return out;
}

/** Hosts files: `0.0.0.0 ads.example.com [more names]`; localhost entries are skipped. */
export function parseHostsFile(text: string): ParsedList {
  const out: ParsedList = { filters: [], bad: [] };
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [ip, ...names] = line.split(/\s+/);
    if (!HOST_IPS.has(ip!))
      return out.bad.push({
        line: i + 1,
        text: rawLine,
        error: `"${ip}" is not a blocking address (0.0.0.0 or 127.0.0.1)`,
      });
    if (names.length === 0)
      return out.bad.push({ line: i + 1, text: rawLine, error: 'no host name after the address' });
    for (const name of names) if (!LOCAL_NAMES.has(name.toLowerCase())) accept(name, i + 1, out);
  });
  return out;
}

/** A Chrome policy file: URLBlocklist entries go into the category; URLAllowlist entries are returned apart. */
export function parseChromePolicy(text: string): ParsedList & { allow: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      filters: [],
      allow: [],
      bad: [{ line: 0, text: '', error: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  const out: ParsedList & { allow: string[] } = { filters: [], allow: [], bad: [] };
  const policy = (json ?? {}) as Record<string, unknown>;
  for (const [list, target] of [
    ['URLBlocklist', out.filters],
    ['URLAllowlist', out.allow],
  ] as const) {
    const values = policy[list];
    if (values === undefined) continue;
    if (!Array.isArray(values)) {
      out.bad.push({ line: 0, text: list, error: `${list} must be an array` });
      continue;
    }
    values.forEach((value, index) => {
      const parsed =
        typeof value === 'string' ? parseFilter(value) : { ok: false as const, error: 'not a string' };
      if (parsed.ok) target.push(value as string);
      else out.bad.push({ file: list, line: index + 1, text: String(value), error: parsed.error });
    });
  }
  return out;
}

/**
 * A folder named after one of Waymark's illegal categories (`illegal-csam`, `illegal_hate`…).
 * Illegal lists are imported one list at a time, for that category, where the help-site check
 * applies (docs/architecture.md, "Illegal content is always blocked"), never from a UT1 archive.
 */
function illegalFolder(folder: string): boolean {
  return isIllegalCategory(folder.toLowerCase().replaceAll('_', '-'));
}

/** UT1 folders: `<category>/domains` and `<category>/urls` files, mapped to Waymark categories. */
export function parseUt1(files: Record<string, string>): {
  byCategory: Map<Category, string[]>;
  bad: BadLine[];
  unmapped: string[];
  /** Folders for illegal categories: not imported, and not "without a counterpart" either. */
  illegal: string[];
} {
  const byCategory = new Map<Category, string[]>();
  const bad: BadLine[] = [];
  const unmapped = new Set<string>();
  const illegal = new Set<string>();
  for (const [file, text] of Object.entries(files)) {
    const match = /^(?:.*\/)?([^/]+)\/(domains|urls)$/.exec(file);
    if (!match) {
      bad.push({ file, line: 0, text: '', error: 'expected <category>/domains or <category>/urls' });
      continue;
    }
    if (illegalFolder(match[1]!)) {
      illegal.add(match[1]!);
      continue;
    }
    const category = UT1_CATEGORY_MAP.get(match[1]!);
    if (!category) {
      unmapped.add(match[1]!);
      continue;
    }
    const parsed = parseDomainList(text, file);
    if (!byCategory.has(category)) byCategory.set(category, []);
    appendAll(byCategory.get(category)!, parsed.filters);
    appendAll(bad, parsed.bad);
  }
  return { byCategory, bad, unmapped: [...unmapped].sort(), illegal: [...illegal].sort() };
}

/**
 * Phrase lists: one phrase per line in the library's phrase syntax, optionally followed by a comma
 * and its risk ("red dragons, high"); comments as in domain lists; matched on whole words.
 */
export function parseKeywordList(text: string): { keywords: string[]; bad: BadLine[] } {
  const keywords: string[] = [];
  const bad: BadLine[] = [];
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '' || COMMENT.test(line)) return;
    const parsed = parsePhraseLine(line);
    if (parsed.ok) keywords.push(parsed.line);
    else bad.push({ line: i + 1, text: rawLine, error: parsed.error });
  });
  return { keywords, bad };
}
