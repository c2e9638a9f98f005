import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { WorkerLive, WorkerLived, WorkerResult, WorkerRun, WorkerSetup } from './load-protocol';
import { encodeHistogram, newHistogram } from './load-stats';

export interface LiveContext {
  target: WorkerSetup['target'];
  url: string;
  /** Each device's class. */
  deviceClasses: ReadonlyMap<Socket, string>;
  /** The class teachers' consoles (not the DSL's). */
  consoles: ReadonlyArray<{ socket: Socket; classId: string; cookie: string }>;
  /** The background event load (the `rate` phase), run alongside. */
  background(run: WorkerRun): Promise<WorkerResult>;
}

const ACTIONS = [
  { kind: 'open-url', url: 'https://www.topmarks.co.uk/maths-games' },
  { kind: 'close-site', site: 'games.example' },
  { kind: 'lock', message: 'Eyes on me, please', minutes: 5 },
] as const;

/** A pupil's browser: five tabs, the active one's title carrying the change's number. */
function tabState(title: string) {
  return {
    reason: 'change',
    activeTabId: 1,
    tabs: [
      {
        id: 1,
        title,
        url: 'https://www.bbc.co.uk/bitesize/topics/zjv39j6',
        favIconUrl: 'https://www.bbc.co.uk/favicon.ico',
        blocked: false,
        category: null,
      },
      {
        id: 2,
        title: 'Times tables',
        url: 'https://www.timestables.co.uk/',
        favIconUrl: null,
        blocked: false,
        category: null,
      },
      {
        id: 3,
        title: 'Scratch - Imagine, Program, Share',
        url: 'https://scratch.mit.edu/projects/editor/',
        favIconUrl: 'https://scratch.mit.edu/favicon.ico',
        blocked: false,
        category: null,
      },
      {
        id: 4,
        title: 'Volcanoes - Kiddle',
        url: 'https://www.kiddle.co/s.php?q=volcanoes',
        favIconUrl: null,
        blocked: false,
        category: null,
      },
      {
        id: 5,
        title: 'YouTube',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        favIconUrl: 'https://www.youtube.com/favicon.ico',
        blocked: false,
        category: 'video',
      },
    ],
    windowFocused: true,
    idle: 'active',
    at: new Date().toISOString(),
  };
}

/**
 * The live class phase (see `WorkerLive`): a tab change is timed from the device's send to its
 * teacher's console (one process, one clock); a class action from the teacher's request to its
 * answer, which the server gives once every device of the class acked (or 5 s passed).
 */
export async function runLive(ctx: LiveContext, message: WorkerLive): Promise<WorkerLived> {
  const classes = [...new Set(ctx.consoles.map((c) => c.classId))].slice(0, message.liveClasses);
  const live = new Set(classes);
  const tabLatency = newHistogram();
  const actionLatency = newHistogram();
  const sentAt = new Map<string, number>();
  const idsByClass = new Map<string, Set<string>>(classes.map((c) => [c, new Set<string>()]));
  let tabChanges = 0;
  let tabsSeen = 0;
  let tabRefused = 0;
  let tabBytes = 0;
  let actions = 0;
  let actionsComplete = 0;

  const unlisten: Array<() => void> = [];
  for (const c of ctx.consoles) {
    if (!live.has(c.classId)) continue;
    const on = (m: { deviceId: string; state: ReturnType<typeof tabState> | null }) => {
      idsByClass.get(c.classId)?.add(m.deviceId);
      const title = m.state?.tabs.find((t) => t.id === m.state!.activeTabId)?.title;
      const at = title === undefined ? undefined : sentAt.get(title);
      if (at === undefined) return;
      sentAt.delete(title!);
      tabsSeen++;
      tabLatency.recordValue(Math.max(1, Math.round((performance.now() - at) * 1000)));
    };
    c.socket.on('tab-state', on);
    unlisten.push(() => c.socket.off('tab-state', on));
  }
  const liveDevices = [...ctx.deviceClasses].filter(([, classId]) => live.has(classId)).map(([s]) => s);
  const classSize = (classId: string) => [...ctx.deviceClasses.values()].filter((c) => c === classId).length;

  const started = performance.now();
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const every = (first: number, ms: number, fn: () => void) =>
    timers.push(
      setTimeout(() => {
        fn();
        timers.push(setInterval(fn, ms));
      }, first),
    );
  let seq = 0;
  liveDevices.forEach((device, i) => {
    every((i / Math.max(1, liveDevices.length)) * message.tabEveryMs, message.tabEveryMs, () => {
      const title = `Lesson page ${process.pid}-${seq++}`;
      const state = tabState(title);
      tabBytes += Buffer.byteLength(JSON.stringify(state));
      tabChanges++;
      sentAt.set(title, performance.now());
      device.emit('tab-state', state, (answer?: { ok: boolean }) => {
        if (!answer?.ok) {
          tabRefused++;
          sentAt.delete(title);
        }
      });
    });
  });
  const pending: Array<Promise<void>> = [];
  classes.forEach((classId, i) => {
    const teacher = ctx.consoles.find((c) => c.classId === classId)!;
    let n = 0;
    // The first action once the class's devices have been seen (their ids come with their tabs).
    every(
      message.actionEveryMs / 2 + (i / classes.length) * message.actionEveryMs,
      message.actionEveryMs,
      () => {
        const ids = [...idsByClass.get(classId)!];
        if (ids.length === 0) return;
        const action = ACTIONS[n++ % ACTIONS.length]!;
        const at = performance.now();
        actions++;
        const applied: Promise<number> =
          ctx.target === 'waymark'
            ? fetch(`${ctx.url}/api/classes/${encodeURIComponent(classId)}/actions`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  'x-requested-with': 'waymark',
                  cookie: teacher.cookie,
                },
                body: JSON.stringify({ deviceIds: ids, action }),
              })
                .then((r) => r.json() as Promise<{ action?: { results: Array<{ outcome: string }> } }>)
                .then((r) => r.action?.results.filter((x) => x.outcome === 'applied').length ?? 0)
            : (teacher.socket.emitWithAck('act', { action }) as Promise<{ applied: number }>).then(
                (r) => r.applied,
              );
        pending.push(
          applied.then(
            (count) => {
              if (count >= classSize(classId)) {
                actionsComplete++;
                actionLatency.recordValue(Math.max(1, Math.round((performance.now() - at) * 1000)));
              }
            },
            () => undefined,
          ),
        );
      },
    );
  });

  const background = await ctx.background({
    type: 'run',
    mode: 'rate',
    rate: message.rate,
    inFlight: 1,
    durationMs: message.durationMs,
  });
  for (const t of timers) clearTimeout(t);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pending);
  const drainUntil = performance.now() + 5000;
  while (sentAt.size > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  for (const off of unlisten) off();
  return {
    type: 'lived',
    background,
    liveDevices: liveDevices.length,
    tabChanges,
    tabsSeen,
    tabRefused,
    tabLatency: encodeHistogram(tabLatency),
    tabBytes,
    tabStateBytes: tabChanges ? Math.round(tabBytes / tabChanges) : 0,
    seconds,
    actions,
    actionsComplete,
    actionLatency: encodeHistogram(actionLatency),
  };
}
