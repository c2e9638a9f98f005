import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { ProfileSchema } from '@waymark/shared';

/** The managed configuration a technician sets by device policy (see public/managed_schema.json). */
const ManagedConfigSchema = z.object({
  serverUrl: z.url().optional(),
  enrollmentToken: z.string().min(1).optional(),
  schoolId: z.string().optional(),
  deviceName: z.string().optional(),
  assetTag: z.string().optional(),
  fixedProfile: ProfileSchema.optional(),
  locale: z.enum(['en', 'cy']).optional(),
  signInDomains: z.array(z.string()).optional(),
});
type ManagedConfig = z.infer<typeof ManagedConfigSchema>;

export interface EffectiveConfig extends ManagedConfig {
  serverUrl: string;
  enrollmentToken: string;
  source: 'managed' | 'local' | 'build';
}

/** What the device knows when nothing names its server: it enforces its cached policy and waits. */
interface Unconfigured extends ManagedConfig {
  source: 'none';
}

/**
 * A local override, for development and tests where no device policy exists. Managed
 * configuration always wins; pupils cannot reach this storage (developer mode is off by policy).
 */
export const localConfigItem = storage.defineItem<ManagedConfig>('local:configOverride', { fallback: {} });

/**
 * Only `npm start`'s demo build carries a server and a token (extension/.env.demo); a production
 * build that fell back to them would enroll a school's devices into the demo on localhost.
 */
type BuildDefaults = Pick<EffectiveConfig, 'serverUrl' | 'enrollmentToken'> | null;
const BUILD_DEFAULTS: BuildDefaults =
  import.meta.env.WXT_SERVER_URL && import.meta.env.WXT_ENROLLMENT_TOKEN
    ? { serverUrl: import.meta.env.WXT_SERVER_URL, enrollmentToken: import.meta.env.WXT_ENROLLMENT_TOKEN }
    : null;

/**
 * How long a start waits for `storage.managed`. Chrome can take ~3 s to answer it at start-up (a
 * fresh install first sees `{}`), and on a busy machine without device policy the answer can come
 * much later or not at all: past this, the device goes on with its local configuration, and a late
 * answer is applied when it comes (as a change, through `watchConfig`'s listeners).
 */
export const MANAGED_READ_TIMEOUT_MS = 5_000;

const configListeners = new Set<() => void>();

/** The last answer `storage.managed` gave, used while a new read has not answered in time. */
let lastManaged: ManagedConfig = {};

/** The read in flight, shared by every caller until it answers; `late` once a caller gave up on it. */
let pendingRead: { answer: Promise<ManagedConfig>; late: boolean } | null = null;

async function readManagedStorage(): Promise<ManagedConfig> {
  try {
    const raw = await browser.storage.managed.get();
    const parsed = ManagedConfigSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('waymark: managed configuration is invalid', parsed.error.issues);
      return {};
    }
    return parsed.data;
  } catch {
    // No managed storage (e.g. no policy on this browser).
    return {};
  }
}

function startManagedRead(): NonNullable<typeof pendingRead> {
  const read = {
    late: false,
    answer: readManagedStorage().then((managed) => {
      lastManaged = managed;
      if (pendingRead === read) pendingRead = null;
      if (read.late) for (const listener of configListeners) listener();
      return managed;
    }),
  };
  pendingRead = read;
  return read;
}

async function readManagedConfig(): Promise<ManagedConfig> {
  const read = pendingRead ?? startManagedRead();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), MANAGED_READ_TIMEOUT_MS);
  });
  const managed = await Promise.race([read.answer, timedOut]);
  clearTimeout(timer);
  if (managed !== null) return managed;
  if (!read.late) {
    read.late = true;
    console.warn(
      `waymark: managed configuration did not answer in ${MANAGED_READ_TIMEOUT_MS / 1000} s; going on without it until it does`,
    );
  }
  return lastManaged;
}

export function mergeConfig(
  managed: ManagedConfig,
  local: ManagedConfig,
  defaults: BuildDefaults = BUILD_DEFAULTS,
): EffectiveConfig | Unconfigured {
  if (managed.serverUrl && managed.enrollmentToken) {
    return {
      ...managed,
      serverUrl: managed.serverUrl,
      enrollmentToken: managed.enrollmentToken,
      source: 'managed',
    };
  }
  if (local.serverUrl && local.enrollmentToken) {
    return {
      ...local,
      ...managed,
      serverUrl: local.serverUrl,
      enrollmentToken: local.enrollmentToken,
      source: 'local',
    };
  }
  if (defaults) return { ...local, ...managed, ...defaults, source: 'build' };
  return { ...local, ...managed, source: 'none' };
}

export async function loadConfig(): Promise<EffectiveConfig | Unconfigured> {
  const [managed, local] = await Promise.all([readManagedConfig(), localConfigItem.getValue()]);
  return mergeConfig(managed, local);
}

/**
 * Calls back when managed or local configuration changes (a force-install sees `{}` first, then
 * this), and when a managed read that took too long answers at last.
 */
export function watchConfig(onChange: () => void): void {
  configListeners.add(onChange);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') onChange();
  });
  localConfigItem.watch(() => onChange());
}
