import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {
  ActionResultUpdate,
  DevicePresence,
  LiveReply,
  LiveTabs,
  LiveThumbnail,
  RequestStatus,
  StoredEvent,
} from '@waymark/shared';
import { openConsoleSocket } from '../../lib/console-socket';
import { applyRequestStatus, mergeEvents, newUrgent } from '../../lib/event-feed';

export type Connection = 'connecting' | 'live' | 'lost';

interface LiveClass {
  connection: Connection;
  error: string | null;
  /** Newest first, at most FEED_LIMIT. */
  events: StoredEvent[];
  /** Devices coming and going since the page opened (the grid ignores what its roster already knows). */
  presence: DevicePresence[];
  /** Each device's newest tab state (live only: what the browsers show now), by device id. */
  tabs: ReadonlyMap<string, LiveTabs>;
  /** Each device's newest screen thumbnail while screens are shown (never stored), by device id. */
  thumbnails: ReadonlyMap<string, LiveThumbnail>;
  /** Whether this console shows the class's screens, and why the server said no (or stopped them). */
  screens: { on: boolean; error: string | null };
  showScreens(on: boolean): void;
  /** Pupils' replies to messages since the page opened, oldest first. */
  replies: LiveReply[];
  /** Answers from devices that were offline when an action was sent and came back within the lesson. */
  lateResults: readonly ActionResultUpdate[];
  /** Until when approved requests stay open, as the server said. */
  approvedUntil: ReadonlyMap<string, string>;
  /** A decision this console made: shown at once, whatever the socket is doing. */
  applyDecision(requestId: string, status: RequestStatus): void;
  /** Events fetched over HTTP (the lesson's concerns and open requests): added without an alert. */
  merge(events: StoredEvent[]): void;
}

interface LiveClassCallbacks {
  /** New high-severity events, concerns first (never the backlog sent on connecting). */
  onUrgent?: (events: StoredEvent[]) => void;
  /** The socket came back after a drop: whatever was fetched over HTTP may be stale. */
  onReconnected?: () => void;
  /** The class's lesson overrides changed, here or in another console. */
  onOverridesChanged?: () => void;
  /** Pupils joined or left the class's lesson (a period boundary, a session). */
  onLessonChanged?: () => void;
}

/** Events arriving within this long are added to the feed together: one sort and one render per burst. */
const BATCH_MS = 100;
const PRESENCE_LIMIT = 1000;

/** Watches one class on the `/console` socket: its events, request decisions and devices online. */
export function useLiveClass(classId: string, callbacks: LiveClassCallbacks = {}): LiveClass {
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [events, setEvents] = useState<StoredEvent[]>([]);
  const [presence, setPresence] = useState<DevicePresence[]>([]);
  const [approvedUntil, setApprovedUntil] = useState<ReadonlyMap<string, string>>(new Map());
  const [tabs, setTabs] = useState<ReadonlyMap<string, LiveTabs>>(new Map());
  const [replies, setReplies] = useState<LiveReply[]>([]);
  const [thumbnails, setThumbnails] = useState<ReadonlyMap<string, LiveThumbnail>>(new Map());
  const [screens, setScreens] = useState<{ on: boolean; error: string | null }>({ on: false, error: null });
  const socketRef = useRef<ReturnType<typeof openConsoleSocket> | null>(null);
  const [lateResults, setLateResults] = useState<ActionResultUpdate[]>([]);
  const eventsRef = useRef<StoredEvent[]>([]);
  const callbacksRef = useRef(callbacks);
  useLayoutEffect(() => {
    callbacksRef.current = callbacks;
  });

  const update = (next: StoredEvent[]) => {
    if (next === eventsRef.current) return;
    eventsRef.current = next;
    setEvents(next);
  };

  useEffect(() => {
    eventsRef.current = [];
    setEvents([]);
    setPresence([]);
    setTabs(new Map());
    setReplies([]);
    setThumbnails(new Map());
    setScreens({ on: false, error: null });
    setLateResults([]);
    setConnection('connecting');
    setError(null);
    const socket = openConsoleSocket();
    socketRef.current = socket;
    let queue: StoredEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let connectedBefore = false;
    // Tab states arriving within BATCH_MS are applied together: 35 pupils at 2 a second is one render per batch.
    let tabQueue: LiveTabs[] = [];
    let tabTimer: ReturnType<typeof setTimeout> | null = null;
    const flushTabs = () => {
      tabTimer = null;
      const batch = tabQueue;
      tabQueue = [];
      setTabs((held) => {
        const next = new Map(held);
        for (const m of batch) next.set(m.deviceId, m);
        return next;
      });
    };

    const flush = () => {
      timer = null;
      const batch = queue;
      queue = [];
      const urgent = newUrgent(eventsRef.current, batch);
      update(mergeEvents(eventsRef.current, batch));
      if (urgent.length > 0) callbacksRef.current.onUrgent?.(urgent);
    };

    socket.on('connect', () => {
      setConnection('live');
      setError(null);
      if (connectedBefore) callbacksRef.current.onReconnected?.();
      connectedBefore = true;
      void socket.emitWithAck('watch-class', { classId }).then((ack) => {
        if (ack.ok) update(mergeEvents(eventsRef.current, ack.recent));
        else setError(ack.error);
      });
    });
    socket.on('disconnect', () => {
      setConnection('lost');
      // The server forgets who asked for screens when a console leaves: asked again by the teacher.
      setScreens((held) => ({ ...held, on: false }));
      setThumbnails(new Map());
    });
    socket.on('connect_error', (e) => {
      setConnection('lost');
      setError(e.message);
    });
    socket.on('event', (event) => {
      if (event.classId !== classId) return;
      queue.push(event);
      timer ??= setTimeout(flush, BATCH_MS);
    });
    socket.on('request-status', (message) => {
      if (message.classId !== classId) return;
      update(applyRequestStatus(eventsRef.current, message));
      if (message.until) setApprovedUntil((m) => new Map(m).set(message.requestId, message.until!));
    });
    socket.on('overrides-changed', (message) => {
      if (message.classId === classId) callbacksRef.current.onOverridesChanged?.();
    });
    socket.on('lesson-changed', (message) => {
      if (message.classId === classId) callbacksRef.current.onLessonChanged?.();
    });
    socket.on('tab-state', (message) => {
      if (message.classId !== classId) return;
      tabQueue.push(message);
      tabTimer ??= setTimeout(flushTabs, BATCH_MS);
    });
    socket.on('thumbnail', (message) => {
      if (message.classId === classId) setThumbnails((held) => new Map(held).set(message.deviceId, message));
    });
    socket.on('screens-stopped', (message) => {
      if (message.classId !== classId) return;
      setScreens({ on: false, error: message.reason });
      setThumbnails(new Map());
    });
    socket.on('message-reply', (reply) => {
      if (reply.classId === classId) setReplies((list) => [...list.slice(-(PRESENCE_LIMIT - 1)), reply]);
    });
    socket.on('action-result', (update) => {
      if (update.classId === classId)
        setLateResults((list) => [...list.slice(-(PRESENCE_LIMIT - 1)), update]);
    });
    socket.on('presence', (p) => {
      setPresence((list) => [...list.slice(-(PRESENCE_LIMIT - 1)), p]);
    });
    return () => {
      if (timer) clearTimeout(timer);
      if (tabTimer) clearTimeout(tabTimer);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [classId]);

  return {
    connection,
    error,
    events,
    presence,
    tabs,
    replies,
    thumbnails,
    screens,
    showScreens: useCallback(
      (on: boolean) => {
        const socket = socketRef.current;
        if (!socket) return;
        if (!on) {
          setScreens({ on: false, error: null });
          setThumbnails(new Map());
        }
        void socket.emitWithAck('show-screens', { classId, show: on }).then((ack) => {
          if (!on) return;
          setScreens(ack.ok ? { on: true, error: null } : { on: false, error: ack.code });
        });
      },
      [classId],
    ),
    lateResults,
    approvedUntil,
    applyDecision: (requestId, status) =>
      update(applyRequestStatus(eventsRef.current, { requestId, status })),
    merge: useCallback((more: StoredEvent[]) => update(mergeEvents(eventsRef.current, more)), []),
  };
}
