import WebSocket from 'ws';

/**
 * The extension service worker's JS heap, read over the DevTools protocol (Chromium started with
 * `--remote-debugging-port`): `Runtime.getHeapUsage` on the worker's target, sampled for the peak.
 */
export async function workerHeapSampler(port: number, extensionId: string) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
    type: string;
    url: string;
    webSocketDebuggerUrl: string;
  }>;
  const target = targets.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!target) throw new Error('no service worker target');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 1;
  const pending = new Map<number, (value: { usedSize: number }) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: { usedSize: number } };
    if (message.id !== undefined && message.result) pending.get(message.id)?.(message.result);
  });
  const usedMb = () =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      pending.set(id, (r) => resolve(r.usedSize / 1024 / 1024));
      socket.send(JSON.stringify({ id, method: 'Runtime.getHeapUsage' }));
    });
  let peak = 0;
  let sampling: NodeJS.Timeout | null = null;
  return {
    usedMb,
    /** Samples every 100 ms until `stop`, which returns the peak seen. */
    start() {
      peak = 0;
      sampling = setInterval(() => void usedMb().then((mb) => (peak = Math.max(peak, mb))), 100);
    },
    async stop() {
      if (sampling) clearInterval(sampling);
      peak = Math.max(peak, await usedMb());
      return peak;
    },
    close: () => socket.close(),
  };
}
