import type { Namespace, Server } from 'socket.io';
import {
  can,
  describeZodError,
  WatchClassSchema,
  type Ack,
  type ConsoleClientToServerEvents,
  type ConsoleServerToClientEvents,
  type Staff,
  type StoredEvent,
} from '@waymark/shared';
import { redactFor, type EventService } from '../services/event-service';
import type { StaffService } from '../services/staff-service';
import { readSessionCookie } from '../http/session-cookie';
import { rooms } from './rooms';

interface ConsoleSocketData {
  staff: Staff;
}

export type ConsoleNamespace = Namespace<
  ConsoleClientToServerEvents,
  ConsoleServerToClientEvents,
  object,
  ConsoleSocketData
>;

function safeAck<T>(ack: unknown): Ack<T> {
  return typeof ack === 'function' ? (ack as Ack<T>) : () => {};
}

export function registerConsoleNamespace(deps: {
  io: Server;
  staffService: StaffService;
  eventService: EventService;
}): ConsoleNamespace {
  const nsp: ConsoleNamespace = deps.io.of('/console');

  nsp.use((socket, next) => {
    deps.staffService.staffForSession(readSessionCookie(socket.handshake.headers.cookie)).then(
      (staff) => {
        if (!staff) return next(new Error('sign in first: no valid session cookie'));
        socket.data = { staff };
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });

  nsp.on('connection', async (socket) => {
    const { staff } = socket.data;
    if (can(staff.role, 'watch-all-classes')) await socket.join(rooms.schoolAll(staff.schoolId));

    socket.on('watch-class', async (raw: unknown, rawAck: unknown) => {
      const ack = safeAck<{ classId: string; recent: StoredEvent[] }>(rawAck);
      const parsed = WatchClassSchema.safeParse(raw);
      if (!parsed.success) return ack({ ok: false, error: describeZodError(parsed.error) });
      const { classId } = parsed.data;
      try {
        if (!(await deps.staffService.canWatchClass(staff, classId)))
          return ack({ ok: false, error: 'no such class' });
        await socket.join(rooms.class(classId));
        const recent = await deps.eventService.recentForClass(staff.schoolId, classId);
        ack({ ok: true, classId, recent: recent.map((e) => redactFor(staff.role, e)) });
      } catch (error) {
        console.error('waymark: watch-class', error);
        ack({ ok: false, error: 'internal error' });
      }
    });

    socket.on('unwatch-class', async (raw: unknown, rawAck: unknown) => {
      const ack = safeAck<{ classId: string }>(rawAck);
      const parsed = WatchClassSchema.safeParse(raw);
      if (!parsed.success) return ack({ ok: false, error: describeZodError(parsed.error) });
      await socket.leave(rooms.class(parsed.data.classId));
      ack({ ok: true, classId: parsed.data.classId });
    });
  });
  return nsp;
}

/**
 * Sends a stored event to the consoles that may see it: watchers of the pupil's class and the
 * school's DSLs. Each socket gets the copy its role may see (illegal-category URLs redacted).
 */
export async function broadcastEvent(nsp: ConsoleNamespace, event: StoredEvent): Promise<void> {
  const targets = [rooms.schoolAll(event.schoolId), ...(event.classId ? [rooms.class(event.classId)] : [])];
  const sockets = await nsp.in(targets).fetchSockets();
  for (const socket of sockets) socket.emit('event', redactFor(socket.data.staff.role, event));
}
