import net from 'node:net';

export interface TcpBalancer {
  url: string;
  /** Which backend port each accepted connection went to, in order. */
  routed: number[];
  close(): Promise<void>;
}

/**
 * What stands in front of several console-server processes in a deployment (HAProxy, nginx, a
 * cloud load balancer), reduced to what the tests need: each new TCP connection goes to the first
 * backend that accepts it, so all go to the first while it is up and to the next once it is gone.
 * Connection by connection, with no affinity: websocket-only Socket.IO needs no sticky sessions.
 */
export async function startTcpBalancer(backendPorts: number[]): Promise<TcpBalancer> {
  const routed: number[] = [];
  const open = new Set<net.Socket>();

  function connectTo(ports: number[], client: net.Socket) {
    const [port, ...rest] = ports;
    if (port === undefined) return client.destroy();
    const upstream = net.connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('error', () => {
      // Refused (the backend is down): try the next one, as a balancer's health check would.
      if (!connected) connectTo(rest, client);
    });
    upstream.once('connect', () => {
      connected = true;
      routed.push(port);
      open.add(upstream);
      upstream.on('close', () => {
        open.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    connectTo(backendPorts, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
