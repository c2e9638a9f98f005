import WebSocket from 'ws';

/** `node --inspect` prints where its inspector listens; the benchmark starts servers with it. */
export function inspectorUrl(output: string): string | null {
  return /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null;
}

/**
 * A full garbage collection in another Node process, through its inspector (the DevTools
 * protocol's HeapProfiler.collectGarbage), so its memory is read without the garbage it happened
 * to be carrying: the same state before and after the devices connect.
 */
export async function collectGarbage(url: string): Promise<void> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    let id = 0;
    const call = (method: string) =>
      new Promise<void>((resolve, reject) => {
        const mine = ++id;
        const onMessage = (data: WebSocket.RawData) => {
          const reply = JSON.parse(data.toString()) as { id?: number; error?: { message: string } };
          if (reply.id !== mine) return;
          socket.off('message', onMessage);
          if (reply.error) reject(new Error(reply.error.message));
          else resolve();
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id: mine, method }));
      });
    await call('HeapProfiler.enable');
    // Twice: what the first collection freed may hold the last references to more.
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
  } finally {
    socket.close();
  }
}
