import http from 'node:http';
import { gzipSync } from 'node:zlib';

/** One tar member: a header (ustar) and its body, padded to 512 bytes. */
function tarMember(name: string, body: Buffer, type = '0'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name.slice(0, 100), 0, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write(type, 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const pad = Buffer.alloc((512 - (body.length % 512)) % 512);
  return Buffer.concat([header, body, pad]);
}

/** A UT1-layout `blacklists.tar.gz`: path → file text. */
export function ut1Tarball(files: Record<string, string>): Buffer {
  const members = Object.entries(files).map(([name, text]) => tarMember(name, Buffer.from(text)));
  return gzipSync(Buffer.concat([...members, Buffer.alloc(1024)]));
}

export interface FeedResponse {
  status?: number;
  body?: Buffer | string;
  etag?: string;
  /** Streams this many bytes of domain lines and never ends on its own (a feed past any limit). */
  endless?: boolean;
}

/**
 * A local feed server: each path answers what the test set; ETag honoured (304 when the device's
 * If-None-Match matches). Counts requests per path.
 */
export async function startFeedServer() {
  const routes = new Map<string, FeedResponse>();
  const hits = new Map<string, Array<{ ifNoneMatch: string | undefined }>>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const list = hits.get(path) ?? [];
    list.push({ ifNoneMatch: req.headers['if-none-match'] });
    hits.set(path, list);
    const route = routes.get(path);
    if (!route) return void res.writeHead(404).end('not found');
    if (route.etag && req.headers['if-none-match'] === route.etag) return void res.writeHead(304).end();
    if (route.endless) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let i = 0;
      const line = () => {
        while (res.write(`endless${i++}.example\n`.repeat(1000))) {
          if (res.destroyed) return;
        }
        res.once('drain', line);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return line();
    }
    res.writeHead(route.status ?? 200, route.etag ? { etag: route.etag } : {});
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    set: (path: string, response: FeedResponse) => routes.set(path, response),
    hits: (path: string) => hits.get(path) ?? [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
