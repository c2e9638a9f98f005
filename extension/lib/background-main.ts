import { browser } from 'wxt/browser';
import { v7 as uuidv7 } from 'uuid';
import { DeviceEventSchema, describeZodError, type PolicyMessage } from '@waymark/shared';
import { applyPolicy, cachedPolicyItem, REFRESH_ALARM, scheduleRefresh } from './apply-policy';
import { recordRequestStatus } from './request-status';
import { loadConfig, watchConfig } from './config';
import { ServerConnection } from './connection';
import { profileEmail } from './identity';
import type { RuntimeMessage, RuntimeMessages } from './messages';
import { Outbox, OutboxDb } from './outbox';

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

  const flush = () =>
    outbox.flush((event) => connection.send(event)).catch((e) => console.error('waymark: flush', e));

  async function onPolicy(message: PolicyMessage) {
    try {
      const now = new Date();
      await applyPolicy(message, now, user);
      policy = message;
      await scheduleRefresh(message, now);
      await outbox.add({
        id: uuidv7(),
        kind: 'heartbeat',
        occurredAt: new Date().toISOString(),
        profile: message.policy.profile,
        policyVersion: message.policy.version,
        extensionVersion: browser.runtime.getManifest().version,
      });
      void flush();
    } catch (error) {
      console.error('waymark: could not apply the policy', error);
    }
  }

  const connection = new ServerConnection({
    onPolicy: (m) => void inOrder(() => onPolicy(m)),
    onRequestStatus: (m) => void inOrder(() => recordRequestStatus(m)),
    onConnect: () => void flush(),
  });

  // Overrides end and time windows open on time, online or not: re-apply the cached policy then.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    void inOrder(async () => {
      const cached = await cachedPolicyItem.getValue();
      if (cached) await onPolicy(cached);
    });
  });

  const handlers: {
    [K in keyof RuntimeMessages]: (
      message: RuntimeMessage & { type: K },
    ) => Promise<RuntimeMessages[K]['response']>;
  } = {
    async report({ event }) {
      const parsed = DeviceEventSchema.safeParse(event);
      if (!parsed.success) return { queued: false, error: describeZodError(parsed.error) };
      await outbox.add(event);
      void flush();
      return { queued: true };
    },
    async status() {
      return { connected: connection.connected, policy, user, pendingEvents: await outbox.size() };
    },
  };

  // Listeners are registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: string } | null)?.type;
    if (type !== 'report' && type !== 'status') return undefined;
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
