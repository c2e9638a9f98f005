import { io, type Socket } from 'socket.io-client';
import type { ConsoleClientToServerEvents, ConsoleServerToClientEvents } from '@waymark/shared';

export type ConsoleSocket = Socket<ConsoleServerToClientEvents, ConsoleClientToServerEvents>;

/**
 * The staff socket: the session cookie authenticates it, so it is opened only after sign-in.
 * Socket.IO reconnects by itself (with backoff) after a network drop or a server restart; each
 * screen re-asks for what it watches on every `connect`, since rooms do not survive a reconnect.
 */
export function openConsoleSocket(): ConsoleSocket {
  return io('/console', {
    transports: ['websocket'],
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}
