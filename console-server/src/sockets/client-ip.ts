import type { Socket } from 'socket.io';

/** The device's address: the first X-Forwarded-For hop when behind a trusted proxy, else the socket's peer. */
export function clientIp(socket: Socket, trustProxy: boolean): string | null {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim() !== '')
    return forwarded.split(',')[0]!.trim();
  return socket.handshake.address || null;
}
