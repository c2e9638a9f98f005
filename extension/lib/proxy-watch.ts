import { browser } from 'wxt/browser';

interface ProxySettingDetails {
  value?: { mode?: string; pacScript?: { url?: string }; rules?: unknown };
  levelOfControl?: string;
}

/** Describes a proxy setting in a line a technician can read. */
export function describeProxy(details: ProxySettingDetails): string {
  const mode = details.value?.mode ?? 'unknown';
  const pac = details.value?.pacScript?.url ? ` (PAC ${details.value.pacScript.url})` : '';
  return `proxy mode ${mode}${pac}; controlled by ${details.levelOfControl ?? 'unknown'}`;
}

/** Calls back when the browser's proxy settings change to anything but the system's or none. */
export function watchProxySettings(onTamper: (detail: string) => void): void {
  const settings = (
    browser as unknown as {
      proxy?: { settings?: { onChange?: { addListener(fn: (d: ProxySettingDetails) => void): void } } };
    }
  ).proxy?.settings;
  settings?.onChange?.addListener((details) => {
    const mode = details.value?.mode;
    if (mode !== 'system' && mode !== 'direct') onTamper(describeProxy(details));
  });
}
