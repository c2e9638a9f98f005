import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  HELP_SITE_HOSTS,
  SAFE_SEARCH_PRIORITY,
  type DeviceAction,
  type DnrRule,
  type PolicyMessage,
} from '@waymark/shared';
import { extensionUrl } from './extension-url';

/** A teacher's lock in force on this device: until when, why, from whom. */
export interface LockState {
  actionId: string;
  message: string;
  from: string;
  until: string;
}

/** The teacher's latest message to this pupil, and whether the pupil has answered it (once). */
export interface TeacherMessage {
  actionId: string;
  text: string;
  from: string;
  at: string;
  replied: boolean;
}

export const lockItem = storage.defineItem<LockState | null>('local:teacherLock', { fallback: null });
export const teacherMessageItem = storage.defineItem<TeacherMessage | null>('local:teacherMessage', {
  fallback: null,
});
/**
 * The last actions applied: an action the server gives again (the device reconnected while its
 * answer was on the way) is answered without being done twice.
 */
const appliedActionsItem = storage.defineItem<string[]>('local:appliedActions', { fallback: [] });
const APPLIED_ACTIONS_KEPT = 50;

/** Whether this action was applied here before. */
export async function appliedBefore(actionId: string): Promise<boolean> {
  return (await appliedActionsItem.getValue()).includes(actionId);
}

export async function noteApplied(actionId: string): Promise<void> {
  const applied = await appliedActionsItem.getValue();
  await appliedActionsItem.setValue([...applied.slice(-(APPLIED_ACTIONS_KEPT - 1)), actionId]);
}

/** A message stays on the popup this long after it came. */
export const MESSAGE_SHOWN_MS = 60 * 60 * 1000;
export const LOCK_ALARM = 'teacher-lock-release';

const lockPageUrl = () => extensionUrl('/lock.html');
const messagePageUrl = () => extensionUrl('/message.html');

/** The lock in force at `now`, or null (a lock never outlives its release time, online or not). */
export function activeLock(lock: LockState | null, now: Date): LockState | null {
  return lock && Date.parse(lock.until) > now.getTime() ? lock : null;
}

/** Above the visitor notice and everything a policy compiles to. */
const LOCK_PRIORITY = SAFE_SEARCH_PRIORITY + 5;

/**
 * While locked, every web page goes to the lock page (which goes back to it on release), except
 * the help sites and the school's always-allowed hosts (its server, its sign-in): help stays open.
 */
export function lockRules(message: PolicyMessage, firstId: number): DnrRule[] {
  const open = [
    ...new Set([...HELP_SITE_HOSTS, ...message.policy.alwaysAllowed.map(hostOf).filter(Boolean)]),
  ];
  return [
    {
      id: firstId,
      priority: LOCK_PRIORITY,
      action: { type: 'redirect', redirect: { regexSubstitution: `${lockPageUrl()}#\\1` } },
      condition: { regexFilter: '^(https?://.*)$', resourceTypes: ['main_frame'] },
    },
    {
      id: firstId + 1,
      priority: LOCK_PRIORITY + 1,
      action: { type: 'allow' },
      condition: { requestDomains: open, resourceTypes: ['main_frame'] },
    },
  ];
}

/** The host a filter string names (`example.com`, `.example.com`, `https://example.com/path`). */
function hostOf(filter: string): string {
  const text = filter.replace(/^\./, '');
  try {
    return new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return '';
  }
}

/** Whether a tab's address is on a site (the host or one of its subdomains). */
export function onSite(url: string | undefined, site: string): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname.toLowerCase();
    const wanted = site.toLowerCase().replace(/^www\./, '');
    return host === wanted || host.endsWith(`.${wanted}`);
  } catch {
    return false;
  }
}

/**
 * Carries out a teacher's action on this browser. Throws (the server hears "failed") when it
 * cannot: a tab that is no longer open, say. `relock` re-applies the rules after a lock changes.
 */
export async function applyTeacherAction(
  message: DeviceAction,
  deps: { relock(): Promise<void>; helpHosts?: readonly string[] },
): Promise<void> {
  const { action } = message;
  switch (action.kind) {
    case 'close-tab':
      await browser.tabs.remove(action.tabId);
      return;
    case 'close-site': {
      const tabs = await browser.tabs.query({});
      const ids = tabs.filter((t) => onSite(t.url, action.site) && t.id !== undefined).map((t) => t.id!);
      if (ids.length > 0) await browser.tabs.remove(ids);
      return;
    }
    case 'open-url':
      await browser.tabs.create({ url: action.url, active: true });
      return;
    case 'message':
      await teacherMessageItem.setValue({
        actionId: message.id,
        text: action.text,
        from: message.from,
        at: message.at,
        replied: false,
      });
      // At once: the message page comes to the front.
      await browser.tabs.create({
        url: `${messagePageUrl()}#${encodeURIComponent(message.id)}`,
        active: true,
      });
      return;
    case 'lock': {
      if (!message.until) throw new Error('a lock needs a release time');
      await lockItem.setValue({
        actionId: message.id,
        message: action.message,
        from: message.from,
        until: message.until,
      });
      await browser.alarms.create(LOCK_ALARM, { when: Date.parse(message.until) + 500 });
      await deps.relock();
      // Pages already open go to the lock page too (and come back to where they were on release).
      const tabs = await browser.tabs.query({});
      await Promise.all(
        tabs
          .filter(
            (t) =>
              t.id !== undefined &&
              /^https?:\/\//.test(t.url ?? '') &&
              !(deps.helpHosts ?? HELP_SITE_HOSTS).some((h) => onSite(t.url, h)),
          )
          .map((t) => browser.tabs.update(t.id!, { url: `${lockPageUrl()}#${t.url}` })),
      );
      return;
    }
    case 'unlock':
      await lockItem.setValue(null);
      await browser.alarms.clear(LOCK_ALARM);
      await deps.relock();
      return;
  }
}
