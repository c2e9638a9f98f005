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
export interface Unconfigured extends ManagedConfig {
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

/** Chrome can take ~3 s to answer `storage.managed.get` at start-up; a fresh install first sees `{}`. */
async function readManagedConfig(): Promise<ManagedConfig> {
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

/** Calls back when managed or local configuration changes (a force-install sees `{}` first, then this). */
export function watchConfig(onChange: () => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') onChange();
  });
  localConfigItem.watch(() => onChange());
}
