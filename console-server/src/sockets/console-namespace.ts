import type { Namespace, Server } from 'socket.io';
import {
  can,
  describeZodError,
  isIllegalCategory,
  WatchClassSchema,
  type Ack,
  type ConsoleClientToServerEvents,
  type ConsoleServerToClientEvents,
  type Staff,
  type StoredEvent,
} from '@waymark/shared';
import { redacted, redactFor, type EventService } from '../services/event-service';
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

  /** Joins a room, and its unredacted twin when the role may see illegal-category URLs. */
  const join = (socket: { join(rooms: string[]): unknown }, staff: Staff, room: string) =>
    socket.join(can(staff.role, 'see-illegal-urls') ? [room, rooms.unredacted(room)] : [room]);

  nsp.on('connection', async (socket) => {
    const { staff } = socket.data;
    socket.on('watch-class', async (raw: unknown, rawAck: unknown) => {
      const ack = safeAck<{ classId: string; recent: StoredEvent[] }>(rawAck);
      const parsed = WatchClassSchema.safeParse(raw);
      if (!parsed.success) return ack({ ok: false, error: describeZodError(parsed.error) });
      const { classId } = parsed.data;
      try {
        if (!(await deps.staffService.canWatchClass(staff, classId)))
          return ack({ ok: false, error: 'no such class' });
        await join(socket, staff, rooms.class(classId));
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
      const room = rooms.class(parsed.data.classId);
      await socket.leave(room);
      await socket.leave(rooms.unredacted(room));
      ack({ ok: true, classId: parsed.data.classId });
    });

    // Rooms after the listeners: nothing the console sends on connecting may find none.
    if (can(staff.role, 'watch-all-classes')) await join(socket, staff, rooms.schoolAll(staff.schoolId));
    if (can(staff.role, 'oversee-trust-safeguarding') && staff.trustId)
      await socket.join(rooms.trustAll(staff.trustId));
  });
  return nsp;
}

/**
 * Sends a stored event to the consoles that may see it: watchers of the pupil's class and the
 * school's DSLs, each the copy its role may see (illegal-category URLs redacted). Room emits only,
 * so with several processes the adapter delivers it in one message, with no round trip to ask
 * each process which sockets it holds.
 */
export function broadcastEvent(nsp: ConsoleNamespace, event: StoredEvent): void {
  const targets = [rooms.schoolAll(event.schoolId), ...(event.classId ? [rooms.class(event.classId)] : [])];
  if (!isIllegalCategory(event.category)) {
    nsp.to(targets).emit('event', event);
    return;
  }
  const unredacted = targets.map(rooms.unredacted);
  nsp.to(unredacted).emit('event', event);
  nsp.to(targets).except(unredacted).emit('event', redacted(event));
}
