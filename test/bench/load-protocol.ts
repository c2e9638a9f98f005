/** Messages between the load benchmark (`load.ts`) and its worker processes (`load-worker.ts`). */

/** What a worker connects: its share of the devices and the teachers of their classes. */
export interface WorkerSetup {
  type: 'setup';
  /** `waymark`: our server (device tokens, session cookies); `relay`: the bare Socket.IO relay. */
  target: 'waymark' | 'relay';
  url: string;
  devices: Array<{ deviceToken: string; classId: string }>;
  consoles: Array<{ cookie: string; classId: string }>;
  /** How many devices this worker connects at once. */
  connectConcurrency: number;
}

export interface WorkerRun {
  type: 'run';
  /**
   * `rate`: this worker's share of the fixed rate, spread over its devices, for `durationMs`.
   * `saturate`: as fast as the server answers, with `inFlight` events awaiting their ack at once.
   */
  mode: 'rate' | 'saturate';
  rate: number;
  inFlight: number;
  durationMs: number;
}

/**
 * The reconnect storm: the server was restarted (on the same address); every device of this worker
 * reconnects as the extension does (a random first delay, then backing off) and counts once it
 * holds its policy again (Waymark) or is connected (the relay).
 */
export interface WorkerStorm {
  type: 'storm';
  /** Longest a device waits before its first attempt (ms). */
  spreadMs: number;
  timeoutMs: number;
}

export interface WorkerStormed {
  type: 'stormed';
  devices: number;
  /** Devices back (holding their policy) within the timeout. */
  back: number;
  /** Attempts the server refused or that failed, retried. */
  retries: number;
  /** Storm start → device back, µs (HDR, compressed base64). */
  backLatency: string;
}

/**
 * The live class phase, with the background events at `rate`: the devices of `liveClasses` of this
 * worker's watched classes send a tab change every `tabEveryMs` (as a pupil switching tabs), and
 * each such class's teacher acts on the whole class (open, close a site, lock) every `actionEveryMs`.
 */
export interface WorkerLive {
  type: 'live';
  rate: number;
  durationMs: number;
  liveClasses: number;
  tabEveryMs: number;
  actionEveryMs: number;
}

export interface WorkerLived {
  type: 'lived';
  background: WorkerResult;
  /** Devices sending tab state. */
  liveDevices: number;
  tabChanges: number;
  /** Tab changes seen on their teacher's console. */
  tabsSeen: number;
  tabRefused: number;
  /** Device → teacher console, µs. */
  tabLatency: string;
  /** Bytes of tab state sent (JSON) over the phase. */
  tabBytes: number;
  /** One tab state's size (the phase's mean), bytes. */
  tabStateBytes: number;
  seconds: number;
  actions: number;
  /** Actions every device of the class applied. */
  actionsComplete: number;
  /** Teacher's request → every device of the class applied, µs. */
  actionLatency: string;
}

/** Every teacher's console (not the DSL's) starts or stops watching its class; answered `watched`. */
export interface WorkerWatch {
  type: 'watch';
  on: boolean;
}

export type ToWorker = WorkerSetup | WorkerRun | WorkerStorm | WorkerLive | WorkerWatch | { type: 'close' };

export interface WorkerConnected {
  type: 'connected';
  devices: number;
  consoles: number;
  failed: number;
  firstError: string | null;
}

export interface WorkerResult {
  type: 'result';
  sent: number;
  acked: number;
  /** Acks that said the event was not stored. */
  refused: number;
  /** Sent but neither acked nor refused by the end of the drain. */
  unanswered: number;
  /** Events of this worker's devices its teachers received. */
  delivered: number;
  /** Device → teacher console, µs (HDR, compressed base64). */
  deliveryLatency: string;
  /** Device → ack after the commit, µs. */
  ackLatency: string;
  /** Seconds from the first event sent to the last ack. */
  seconds: number;
  /** Seconds from the first event sent to the last delivery on a teacher's console. */
  deliverySeconds: number;
  disconnects: number;
}

export type FromWorker =
  | WorkerConnected
  | WorkerResult
  | WorkerStormed
  | WorkerLived
  | { type: 'watched' }
  | { type: 'error'; message: string };
