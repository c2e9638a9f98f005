import { entryHost } from '@waymark/shared';

/**
 * Entries are kept sorted by a key: the host's labels reversed, a tab, then the entry
 * (`com.example.www\twww.example.com/path`). Every entry of a host, and of its subdomains, sit
 * together, so a host is found by a key range.
 */
export function entryKey(entry: string): string {
  return `${reversedHost(entryHost(entry))}\t${entry}`;
}

function reversedHost(host: string): string {
  return host.split('.').reverse().join('.');
}

export function entryOfKey(key: string): string {
  return key.slice(key.indexOf('\t') + 1);
}

/** The key range of one host's entries (exactly that host, not its subdomains). */
export function hostRange(host: string): { lo: string; hi: string } {
  const rev = reversedHost(host);
  return { lo: `${rev}\t`, hi: `${rev}\t\uffff` };
}

/** Sorted keys from any source, read ahead in pages. */
export type KeyStream = AsyncIterator<string[]>;

/**
 * Merges sorted streams of keys into one sorted stream without duplicates, in pages of
 * `pageSize`: memory holds one page per stream, whatever their lengths.
 */
export async function* mergeSorted(streams: KeyStream[], pageSize = 1000): AsyncGenerator<string[]> {
  const heads: Array<{ page: string[]; at: number; stream: KeyStream } | null> = [];
  for (const stream of streams) heads.push(await advance({ page: [], at: 0, stream }));
  let out: string[] = [];
  let last: string | null = null;
  for (;;) {
    let min = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h && (min === -1 || h.page[h.at]! < heads[min]!.page[heads[min]!.at]!)) min = i;
    }
    if (min === -1) break;
    const head = heads[min]!;
    const key = head.page[head.at]!;
    if (key !== last) {
      out.push(key);
      last = key;
      if (out.length >= pageSize) {
        yield out;
        out = [];
      }
    }
    head.at++;
    if (head.at >= head.page.length) heads[min] = await advance(head);
  }
  if (out.length > 0) yield out;
}

async function advance(head: { page: string[]; at: number; stream: KeyStream }) {
  for (;;) {
    const next = await head.stream.next();
    if (next.done) return null;
    if (next.value.length > 0) return { page: next.value, at: 0, stream: head.stream };
  }
}

/** A sorted in-memory array as a stream. */
export async function* arrayStream(keys: string[], pageSize = 5000): AsyncGenerator<string[]> {
  for (let i = 0; i < keys.length; i += pageSize) yield keys.slice(i, i + pageSize);
}

/**
 * Walks two sorted key streams together: `onlyA` for keys only in the first (removed), `onlyB`
 * for keys only in the second (added).
 */
export async function diffSorted(
  a: KeyStream,
  b: KeyStream,
  onlyA: (key: string) => void,
  onlyB: (key: string) => void,
): Promise<void> {
  let ha = await advance({ page: [], at: 0, stream: a });
  let hb = await advance({ page: [], at: 0, stream: b });
  while (ha || hb) {
    const ka = ha?.page[ha.at];
    const kb = hb?.page[hb.at];
    if (ka !== undefined && (kb === undefined || ka < kb)) {
      onlyA(ka);
      ha!.at++;
    } else if (kb !== undefined && (ka === undefined || kb < ka)) {
      onlyB(kb);
      hb!.at++;
    } else {
      ha!.at++;
      hb!.at++;
    }
    if (ha && ha.at >= ha.page.length) ha = await advance(ha);
    if (hb && hb.at >= hb.page.length) hb = await advance(hb);
  }
}
