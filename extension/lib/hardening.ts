import { browser } from 'wxt/browser';
import type { DeviceHardening } from '@waymark/shared';
import { loadConfig } from './config';
import { proxySettings } from './proxy-watch';

/**
 * The hardening this browser shows the extension, for the heartbeat. Chrome gives an extension
 * no way to read its policies (incognito, developer tools, secure DNS, URLBlocklist), so the
 * school's policy file is known by the managed configuration it also carries; a check the
 * platform cannot answer is left out.
 */
export async function readHardening(): Promise<DeviceHardening> {
  const hardening: DeviceHardening = {};
  try {
    hardening.forceInstalled = (await browser.management.getSelf()).installType === 'admin';
  } catch {
    // No management API here: left unknown.
  }
  try {
    const proxy = await proxySettings()?.get({});
    if (proxy) hardening.proxyLocked = proxy.levelOfControl === 'not_controllable';
  } catch {
    // No proxy API here: left unknown.
  }
  hardening.policyFile = (await loadConfig()).source === 'managed';
  return hardening;
}
