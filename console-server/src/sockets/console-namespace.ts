import type { Namespace, Server } from 'socket.io';
import {
  can,
  describeZodError,
  isIllegalCategory,
  WatchClassSchema,
  type ConsoleAck,
  type ConsoleClientToServerEvents,
  type ConsoleServerToClientEvents,
  type Staff,
  type StoredEvent,
} from '@waymark/shared';
import { type EventService, redacted, redactFor } from '../features/events';
import type { AccessRevocations, StaffService } from '../features/auth-and-accounts';
import { refusalAck } from '../errors/answers';
import { DomainError } from '../errors/domain-error';
import { sameOrigin } from '../http/origin';
import { readSessionCookie } from '../http/session-cookie';
import { rooms } from './rooms';

interface ConsoleSocketData {
  staff: Staff;
  /** The session the console opened with (its room is `rooms.session`). */
  sessionKey: string;
  cookie: string | undefined;
}

export type ConsoleNamespace = Namespace<
  ConsoleClientToServerEvents,
  ConsoleServerToClientEvents,
  object,
  ConsoleSocketData
>;

function safeAck<T>(ack: unknown): ConsoleAck<T> {
  return typeof ack === 'function' ? (ack as ConsoleAck<T>) : () => {};
}

/** Longest a console waits before asking again whether its session still holds (timers are capped). */
const MAX_RECHECK_MS = 60 * 60 * 1000;

export function registerConsoleNamespace(deps: {
  io: Server;
  staffService: StaffService;
  eventService: EventService;
  revocations: AccessRevocations;
  /** Where staff reach the console: a browser's Origin must be this or the Host it addressed. */
  publicUrl?: string;
  /** Before a console watches a class: whether its tabs may be shown now is read (the watch gate). */
  beforeWatch?: (classId: string) => Promise<unknown>;
}): ConsoleNamespace {
  const nsp: ConsoleNamespace = deps.io.of('/console');

  // Access ended (sign-out, password reset, role change, account disabled): its consoles end on
  // every process, through the adapter.
  deps.revocations.subscribe((revocation) => {
    const room =
      'staffId' in revocation ? rooms.staff(revocation.staffId) : rooms.session(revocation.sessionKey);
    nsp.in(room).disconnectSockets(true);
  });

  nsp.use((socket, next) => {
    // A page on another site must not open a console with the teacher's cookie (the HTTP CSRF
    // guard's rule). Clients that are not browsers send no Origin and still need the cookie.
    const origin = socket.handshake.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, socket.handshake.headers.host, deps.publicUrl)) {
      return next(new Error(`cross-site console connection from ${JSON.stringify(origin)} refused`));
    }
    const cookie = readSessionCookie(socket.handshake.headers.cookie);
    deps.staffService.sessionFor(cookie).then(
      (session) => {
        if (!session) return next(new Error('sign in first: no valid session cookie'));
        socket.data = { staff: session.staff, sessionKey: session.sessionKey, cookie };
        scheduleRecheck(socket, session.endsAt);
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });

  type ConsoleSocket = Parameters<Parameters<ConsoleNamespace['on']>[1]>[0];

  /**
   * Whether the console's session still holds and still belongs to the same account and role.
   * Asked before acting on what a console asks, and when the session would lapse if unused (a
   * console left open past the idle timeout or the session's end); the socket ends when not.
   */
  async function stillSignedIn(socket: ConsoleSocket): Promise<boolean> {
    const session = await deps.staffService.sessionFor(socket.data.cookie);
    const same =
      session !== null &&
      session.staff.id === socket.data.staff.id &&
      session.staff.role === socket.data.staff.role &&
      session.staff.schoolId === socket.data.staff.schoolId;
    if (same) scheduleRecheck(socket, session.endsAt);
    // After this turn: an answer to what the console asked goes out first.
    else setImmediate(() => socket.disconnect(true));
    return same;
  }

  const timers = new WeakMap<object, ReturnType<typeof setTimeout>>();
  function scheduleRecheck(socket: ConsoleSocket, endsAt: Date) {
    clearTimeout(timers.get(socket));
    const delay = Math.min(Math.max(endsAt.getTime() - Date.now() + 1000, 1000), MAX_RECHECK_MS);
    const timer = setTimeout(() => {
      if (socket.connected) stillSignedIn(socket).catch(() => socket.disconnect(true));
    }, delay);
    timer.unref();
    timers.set(socket, timer);
  }

  /** Joins a room, and its unredacted twin when the role may see illegal-category URLs. */
  const join = (socket: { join(rooms: string[]): unknown }, staff: Staff, room: string) =>
    socket.join(can(staff.role, 'see-illegal-urls') ? [room, rooms.unredacted(room)] : [room]);

  nsp.on('connection', async (socket) => {
    const { staff } = socket.data;
    socket.on('disconnect', () => clearTimeout(timers.get(socket)));
    socket.on('watch-class', async (raw: unknown, rawAck: unknown) => {
      const ack = safeAck<{ classId: string; recent: StoredEvent[] }>(rawAck);
      const parsed = WatchClassSchema.safeParse(raw);
      if (!parsed.success) return ack({ ok: false, error: describeZodError(parsed.error), code: 'invalid' });
      const { classId } = parsed.data;
      try {
        if (!(await stillSignedIn(socket)))
          return ack({ ok: false, error: 'sign in again', code: 'signed-out' });
        if (!(await deps.staffService.canWatchClass(staff, classId)))
          throw new DomainError('not-found', 'no such class');
        await deps.beforeWatch?.(classId);
        await join(socket, staff, rooms.class(classId));
        const recent = await deps.eventService.recentForClass(staff.schoolId, classId);
        ack({ ok: true, classId, recent: recent.map((e) => redactFor(staff.role, e)) });
      } catch (error) {
        ack(refusalAck(error, 'watch-class'));
      }
    });

    socket.on('unwatch-class', async (raw: unknown, rawAck: unknown) => {
      const ack = safeAck<{ classId: string }>(rawAck);
      const parsed = WatchClassSchema.safeParse(raw);
      if (!parsed.success) return ack({ ok: false, error: describeZodError(parsed.error), code: 'invalid' });
      const room = rooms.class(parsed.data.classId);
      await socket.leave(room);
      await socket.leave(rooms.unredacted(room));
      ack({ ok: true, classId: parsed.data.classId });
    });

    // Rooms after the listeners: nothing the console sends on connecting may find none.
    await socket.join([rooms.staff(staff.id), rooms.session(socket.data.sessionKey)]);
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
