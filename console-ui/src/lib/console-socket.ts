import { io, type Socket } from 'socket.io-client';
import type { ConsoleClientToServerEvents, ConsoleServerToClientEvents } from '@waymark/shared';

export type ConsoleSocket = Socket<ConsoleServerToClientEvents, ConsoleClientToServerEvents>;

/** The staff socket: the session cookie authenticates it, so it is opened only after sign-in. */
export function openConsoleSocket(): ConsoleSocket {
  return io('/console', { transports: ['websocket'], withCredentials: true });
}
