import http from 'node:http';

/**
 * A local web origin that answers for any host name and counts the requests each host receives
 * (websocket upgrades included). `page(path, html)` serves a page of the test's own at a path,
 * `redirect(path, location)` a 302.
 */
export async function startOriginServer(address = '127.0.0.1') {
  const hits = new Map<string, number>();
  const requests: Array<{ host: string; path: string; headers: http.IncomingHttpHeaders }> = [];
  const pages = new Map<string, string>();
  const redirects = new Map<string, string>();
  const count = (req: http.IncomingMessage) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    hits.set(host, (hits.get(host) ?? 0) + 1);
    requests.push({ host, path: req.url ?? '', headers: req.headers });
    return host;
  };
  const server = http.createServer((req, res) => {
    const host = count(req);
    const path = (req.url ?? '').split('?')[0]!;
    const location = redirects.get(path);
    if (location) {
      res.writeHead(302, { location }).end();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    const own = pages.get(path);
    res.end(
      own ?? `<!doctype html><title>${host}</title><h1 data-testid="origin-page">Hello from ${host}</h1>`,
    );
  });
  server.on('upgrade', (req, socket) => {
    count(req);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    hits: (host: string) => hits.get(host) ?? 0,
    requestsTo: (host: string) => requests.filter((r) => r.host === host),
    page: (path: string, html: string) => void pages.set(path, html),
    redirect: (path: string, location: string) => void redirects.set(path, location),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
