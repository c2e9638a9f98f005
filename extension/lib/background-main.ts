import { browser } from 'wxt/browser';
import {
  DeviceEventSchema,
  describeZodError,
  type DeviceEventInput,
  type PolicyMessage,
} from '@waymark/shared';
import { detectorFor } from './detection';
import { applyPolicy, cachedPolicyItem, REFRESH_ALARM, scheduleRefresh } from './apply-policy';
import { recordRequestStatus } from './request-status';
import { loadConfig, watchConfig } from './config';
import { ServerConnection } from './connection';
import { profileEmail } from './identity';
import { watchProxySettings } from './proxy-watch';
import { heartbeatEvent, searchEvent, tamperEvent } from './pupil-events';
import { watchSearches } from './search-capture';
import { flaggedTitleEvent, TITLE_PROFILES, watchTitles } from './title-watch';
import type { RuntimeMessage, RuntimeMessages } from './messages';
import { Outbox, OutboxDb } from './outbox';
import { noticeAcceptedItem } from './visitor-pass';

const HEARTBEAT_ALARM = 'heartbeat';
const HEARTBEAT_MINUTES = 5;

/**
 * The background service worker: applies the policy as DNR rules, keeps the connection to the
 * school's server, and delivers every report through the outbox.
 */
export function startBackground(): void {
  const outbox = new Outbox(new OutboxDb());
  let user: string | null = null;
  let policy: PolicyMessage | null = null;

  // Policies and answers are handled one at a time, in the order the server sent them: an approval's
  // new rules are in place before the block page hears "approved".
  let serial: Promise<unknown> = Promise.resolve();
  const inOrder = (task: () => Promise<unknown>) => {
    serial = serial.then(task).catch((error) => console.error('waymark:', error));
    return serial;
  };

  // Retried with backoff while connected (a server that answers but cannot store), and at once on reconnect.
  let retryDelay = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    try {
      await outbox.flush((event) => connection.send(event));
      if ((await outbox.size()) === 0 || !connection.connected) {
        retryDelay = 1000;
        return;
      }
      if (retryTimer === null) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          void flush();
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60_000);
      }
    } catch (error) {
      console.error('waymark: flush', error);
    }
  };
  const queue = async (event: DeviceEventInput) => {
    const dropped = await outbox.add(event);
    if (dropped > 0 && policy) {
      await outbox.add(
        tamperEvent(policy, 'other', `outbox full while offline: dropped ${dropped} routine reports`),
      );
    }
    void flush();
  };

  async function onPolicy(message: PolicyMessage) {
    try {
      const now = new Date();
      await applyPolicy(message, now, user);
      policy = message;
      await scheduleRefresh(message, now);
      await queue(heartbeatEvent(message));
    } catch (error) {
      console.error('waymark: could not apply the policy', error);
    }
  }

  const connection = new ServerConnection({
    onPolicy: (m) => void inOrder(() => onPolicy(m)),
    onRequestStatus: (m) => void inOrder(() => recordRequestStatus(m)),
    onConnect: () => void flush(),
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    // Overrides end and time windows open on time, online or not: re-apply the cached policy then.
    if (alarm.name === REFRESH_ALARM) {
      void inOrder(async () => {
        const cached = await cachedPolicyItem.getValue();
        if (cached) await onPolicy(cached);
      });
    }
    // The heartbeat tells the server the policy version applied, so a silent or stale device shows.
    if (alarm.name === HEARTBEAT_ALARM && policy) void queue(heartbeatEvent(policy));
  });
  void browser.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: HEARTBEAT_MINUTES });

  watchSearches((search) => {
    if (!policy) return;
    const detection = detectorFor(policy).match(search.query, { profile: policy.policy.profile });
    void queue(searchEvent(policy, search.url, search.engine, search.query, search.blocked, detection));
  });

  // Page and video titles, for KS2 and older: matched here, and only a flagged one is reported.
  const reportedTitles: string[] = [];
  watchTitles((seen) => {
    if (!policy || !TITLE_PROFILES.has(policy.policy.profile) || reportedTitles.includes(seen.title)) return;
    const event = flaggedTitleEvent(
      policy,
      seen,
      detectorFor(policy).match(seen.title, { profile: policy.policy.profile }),
    );
    if (!event) return;
    reportedTitles.push(seen.title);
    if (reportedTitles.length > 100) reportedTitles.shift();
    void queue(event);
  });

  // A changed proxy setting can route round the school's filter: report it as tampering.
  watchProxySettings((detail) => {
    if (policy) void queue(tamperEvent(policy, 'proxy-settings', detail));
  });

  const handlers: {
    [K in keyof RuntimeMessages]: (
      message: RuntimeMessage & { type: K },
    ) => Promise<RuntimeMessages[K]['response']>;
  } = {
    async report({ event }) {
      const parsed = DeviceEventSchema.safeParse(event);
      if (!parsed.success) return { queued: false, error: describeZodError(parsed.error) };
      await queue(event);
      return { queued: true };
    },
    async 'accept-notice'({ passId }) {
      await inOrder(async () => {
        const cached = await cachedPolicyItem.getValue();
        if (cached?.visitor?.id !== passId) return;
        await noticeAcceptedItem.setValue(passId);
        await onPolicy(cached);
      });
      return { ok: true };
    },
    async status() {
      const current = policy ?? (await cachedPolicyItem.getValue());
      return { connected: connection.connected, policy: current, user, pendingEvents: await outbox.size() };
    },
  };

  // Listeners are registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: string } | null)?.type;
    if (type !== 'report' && type !== 'status' && type !== 'accept-notice') return undefined;
    return (handlers[type] as (m: unknown) => Promise<unknown>)(message);
  });

  async function connect() {
    user = await profileEmail();
    connection.connect(await loadConfig(), user).catch((e) => console.error('waymark: connect', e));
  }
  watchConfig(() => void connect());

  void (async () => {
    // Re-apply the last policy before the network is up, so time windows and expiries are current.
    await inOrder(async () => {
      const cached = await cachedPolicyItem.getValue();
      if (cached) await onPolicy(cached);
    });
    await connect();
  })();
}
