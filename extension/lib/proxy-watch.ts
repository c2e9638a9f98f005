import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

interface ProxySettingDetails {
  value?: { mode?: string; pacScript?: { url?: string }; rules?: unknown };
  levelOfControl?: string;
}

interface ProxySettingsApi {
  get(details: Record<string, never>): Promise<ProxySettingDetails>;
  onChange?: { addListener(fn: (d: ProxySettingDetails) => void): void };
}

/** The last proxy reported, so a worker that restarts every few minutes does not report it again. */
const reportedProxyItem = storage.defineItem<string | null>('local:reportedProxy', { fallback: null });

/** Describes a proxy setting in a line a technician can read. */
export function describeProxy(details: ProxySettingDetails): string {
  const mode = details.value?.mode ?? 'unknown';
  const pac = details.value?.pacScript?.url ? ` (PAC ${details.value.pacScript.url})` : '';
  return `proxy mode ${mode}${pac}; controlled by ${details.levelOfControl ?? 'unknown'}`;
}

/**
 * Whether a proxy setting is harmless: the system's own or none, or one that device policy set
 * and no one on the device can change (`not_controllable`: the school's own proxy, `ProxySettings`).
 */
export function schoolOrNoProxy(details: ProxySettingDetails): boolean {
  if (details.levelOfControl === 'not_controllable') return true;
  const mode = details.value?.mode;
  return mode === 'system' || mode === 'direct';
}

/** The browser's proxy API, where the platform has one. */
export function proxySettings(): ProxySettingsApi | undefined {
  return (browser as unknown as { proxy?: { settings?: ProxySettingsApi } }).proxy?.settings;
}

/**
 * Calls back when the browser's proxy is anything but the system's, none, or device policy's:
 * read at start-up (a proxy set before the browser started fires no change) and on every change.
 * The same proxy found at start-up again is not reported twice; `onTamper` says whether it reported.
 * Returns the start-up read, to run again once a policy is in force (a first start has none).
 */
export function watchProxySettings(onTamper: (detail: string) => Promise<boolean>): () => Promise<void> {
  const settings = proxySettings();
  const seen = async (details: ProxySettingDetails, atStart: boolean) => {
    if (schoolOrNoProxy(details)) {
      await reportedProxyItem.setValue(null);
      return;
    }
    const detail = describeProxy(details);
    if (atStart && (await reportedProxyItem.getValue()) === detail) return;
    if (await onTamper(atStart ? `${detail} (found at start-up)` : detail)) {
      await reportedProxyItem.setValue(detail);
    }
  };
  settings?.onChange?.addListener((details) => void seen(details, false));
  const read = async () => {
    if (settings) await seen(await settings.get({}), true);
  };
  read().catch((error) => console.error('waymark: proxy settings', error));
  return read;
}
