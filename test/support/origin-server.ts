import http from 'node:http';

/** A local web origin that answers for any host name and counts the requests each host receives. */
export async function startOriginServer() {
  const hits = new Map<string, number>();
  const requests: Array<{ host: string; path: string; headers: http.IncomingHttpHeaders }> = [];
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    hits.set(host, (hits.get(host) ?? 0) + 1);
    requests.push({ host, path: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>${host}</title><h1 data-testid="origin-page">Hello from ${host}</h1>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    hits: (host: string) => hits.get(host) ?? 0,
    requestsTo: (host: string) => requests.filter((r) => r.host === host),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
