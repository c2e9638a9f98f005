import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import {
  CategorySchema,
  helpSitesOnIllegalLists,
  isIllegalCategory,
  parseFilter,
  type Category,
  type FEED_FORMATS,
} from '@waymark/shared';
import type { CategoryEntryRow } from './category-store';

export type FeedFormat = (typeof FEED_FORMATS)[number];

export class FeedError extends Error {}

/** What reading a feed found besides its entries. */
export interface FeedReport {
  entries: number;
  badLines: number;
  /** The first few bad lines, for the person who looks. */
  badSamples: Array<{ file?: string; line: number; error: string }>;
  /** UT1 folders with no Waymark category. */
  unmapped: Set<string>;
  /** Archive members refused: a path that climbs out (`..`), an absolute one, links, devices. */
  refused: string[];
}

interface FeedReadOptions {
  format: FeedFormat;
  /** hosts, domains, chrome: the Waymark category of every entry. */
  category?: Category | null;
  /** ut1: folder → category, over `defaultMap`. */
  mapping?: Record<string, string> | null;
  defaultMap: ReadonlyMap<string, Category>;
  /** Most bytes read from the network (compressed). */
  maxBytes: number;
  /** Most bytes once decompressed (an archive that expands without end is cut off too). */
  maxExpandedBytes: number;
  checkEntry: (raw: string) => { ok: true; filter: string } | { ok: false; error: string };
  domainLine: (line: string) => { entries: string[] } | { error: string } | null;
  hostsLine: (line: string) => { entries: string[] } | { error: string } | null;
}

const BATCH = 10_000;

/** Counts bytes and stops the read past the limit (never holding more than a chunk). */
async function* limited(body: AsyncIterable<Uint8Array>, max: number, what: string): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > max) throw new FeedError(`the feed is larger than its limit (${what} past ${max} bytes)`);
    yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** Splits a byte stream into lines (UTF-8), a chunk at a time. */
async function* lines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let rest = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (const p of parts) yield p.endsWith('\r') ? p.slice(0, -1) : p;
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}

/** The members of a tar stream: name and a stream of their bytes (read before the next member). */
async function* tarMembers(
  chunks: AsyncIterable<Buffer>,
): AsyncGenerator<{ name: string; type: string; body: AsyncGenerator<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  let buffer: Buffer = Buffer.alloc(0);
  let ended = false;
  const fill = async (n: number) => {
    while (buffer.length < n && !ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else buffer = buffer.length === 0 ? next.value : Buffer.concat([buffer, next.value]);
    }
    return buffer.length >= n;
  };
  let longName: string | null = null;
  for (;;) {
    if (!(await fill(512))) {
      if (buffer.length === 0) return;
      throw new FeedError('the archive is truncated (a header is cut short)');
    }
    const header = buffer.subarray(0, 512);
    buffer = buffer.subarray(512);
    if (header.every((b) => b === 0)) return;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0)
      throw new FeedError('the archive is damaged (a member size is not a number)');
    const type = field(156, 1) || '0';
    const prefix = field(257, 6).startsWith('ustar') ? field(345, 155) : '';
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    let remaining = size;
    const padding = (512 - (size % 512)) % 512;
    async function* body(): AsyncGenerator<Buffer> {
      while (remaining > 0) {
        if (buffer.length === 0 && !(await fill(1)))
          throw new FeedError('the archive is truncated (a member is cut short)');
        const take = Math.min(remaining, buffer.length);
        const part = buffer.subarray(0, take);
        buffer = buffer.subarray(take);
        remaining -= take;
        yield part;
      }
    }
    if (type === 'L') {
      const parts: Buffer[] = [];
      for await (const part of body()) parts.push(part);
      longName = Buffer.concat(parts).toString('utf8').replace(/\0.*$/s, '');
    } else {
      const member = { name, type, body: body() };
      yield member;
      // Whatever the reader left of this member is skipped.
      for await (const _ of member.body) void _;
      name = '';
    }
    if (!(await fill(padding)) && padding > 0) throw new FeedError('the archive is truncated');
    buffer = buffer.subarray(padding);
  }
}

/** A safe member path: relative, no `..`, no empty parts. */
function safePath(name: string): string[] | null {
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return null;
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  return parts;
}

function categoryOf(folder: string, options: FeedReadOptions): Category | null {
  const mapping = options.mapping ?? {};
  // Own properties only: a folder named `constructor` or `__proto__` is no category.
  if (Object.hasOwn(mapping, folder)) {
    const parsed = CategorySchema.safeParse(mapping[folder]);
    return parsed.success ? parsed.data : null;
  }
  return options.defaultMap.get(folder) ?? null;
}

/**
 * Reads a feed's body as it arrives, yielding checked entries in batches; bad lines are counted
 * (a few kept as samples). Past the size limits the read stops with a FeedError, having held no
 * more than a chunk and a batch.
 */
export async function* readFeed(
  body: AsyncIterable<Uint8Array>,
  options: FeedReadOptions,
  report: FeedReport,
): AsyncGenerator<CategoryEntryRow[]> {
  let batch: CategoryEntryRow[] = [];
  const bad = (line: number, error: string, file?: string) => {
    report.badLines++;
    if (report.badSamples.length < 50) report.badSamples.push({ file, line, error });
  };
  const add = (category: Category, raw: string, line: number, file?: string) => {
    // docs/architecture.md, "Illegal content is always blocked": a help site (or a filter covering
    // one) on an illegal list means the feed is wrong: none of this version is taken.
    if (isIllegalCategory(category)) {
      const filter = raw.startsWith('*.') ? raw.slice(2) : raw;
      const help = helpSitesOnIllegalLists({ [category]: [filter] })[0]?.helpSite;
      if (help)
        throw new FeedError(
          `the feed would put a help site every block page points to on the ${category} list ("${raw}" covers ${help}${file ? `, in ${file}` : ''}, line ${line}); the last good version stays`,
        );
    }
    const checked = options.checkEntry(raw);
    if (!checked.ok) return bad(line, checked.error, file);
    batch.push({ category, entry: checked.filter });
    report.entries++;
  };
  const bytes = limited(body, options.maxBytes, 'downloaded');

  if (options.format === 'ut1') {
    const gunzip = createGunzip();
    const expanded = limited(Readable.from(bytes).pipe(gunzip), options.maxExpandedBytes, 'expanded');
    const decompressed = (async function* () {
      try {
        yield* expanded;
      } catch (error) {
        if (error instanceof FeedError) throw error;
        throw new FeedError(`the archive is not a readable .tar.gz (${(error as Error).message})`);
      }
    })();
    for await (const member of tarMembers(decompressed)) {
      if (member.type !== '0' && member.type !== '' && member.type !== '5') {
        if (member.type !== 'x' && member.type !== 'g') report.refused.push(member.name);
        continue;
      }
      const parts = safePath(member.name);
      if (!parts) {
        report.refused.push(member.name);
        continue;
      }
      if (member.type === '5') continue;
      const file = parts.at(-1)!;
      if (parts.length < 2 || (file !== 'domains' && file !== 'urls')) continue;
      const folder = parts.at(-2)!;
      const category = categoryOf(folder, options);
      if (!category) {
        report.unmapped.add(folder);
        continue;
      }
      let n = 0;
      for await (const text of lines(member.body)) {
        n++;
        const line = options.domainLine(text);
        if (line === null) continue;
        if ('error' in line) bad(n, line.error, parts.join('/'));
        else for (const e of line.entries) add(category, e, n, parts.join('/'));
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
    }
  } else if (options.format === 'chrome') {
    const chunks: Buffer[] = [];
    for await (const chunk of bytes) chunks.push(chunk);
    let json: unknown;
    try {
      json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      throw new FeedError(`not valid JSON: ${(error as Error).message}`);
    }
    const list = (json as { URLBlocklist?: unknown } | null)?.URLBlocklist;
    if (!Array.isArray(list)) throw new FeedError('a Chrome policy feed needs a URLBlocklist array');
    list.forEach((value, i) =>
      typeof value === 'string' && parseFilter(value).ok
        ? add(options.category!, value, i + 1)
        : bad(i + 1, 'not a filter'),
    );
  } else {
    let n = 0;
    const parse = options.format === 'hosts' ? options.hostsLine : options.domainLine;
    for await (const text of lines(bytes)) {
      n++;
      const line = parse(text);
      if (line === null) continue;
      if ('error' in line) bad(n, line.error);
      else for (const e of line.entries) add(options.category!, e, n);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
