import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  categoriesToHold,
  DeviceEventSchema,
  describeZodError,
  PolicyMessageSchema,
  type DeviceEventInput,
  type PolicyMessage,
} from '@waymark/shared';
import { passMirror, watchBlockRedirects } from './block-redirects';
import { detectorFor } from './detection';
import {
  applyPolicy,
  blockPageUrl,
  cachedPolicyItem,
  REFRESH_ALARM,
  resumePolicy,
  scheduleRefresh,
} from './apply-policy';
import { recordRequestStatus } from './request-status';
import { watchScreens } from './screen-capture';
import { categoryHitsFor, categoryOfUrl, heldCategoryData, syncCategoryData } from './category-data';
import { forgetInstalledRules } from './install-rules';
import { loadConfig, watchConfig } from './config';
import { ServerConnection } from './connection';
import { validPolicyMessage } from './policy-message';
import { profileEmail } from './identity';
import { watchProxySettings } from './proxy-watch';
import { isPupilProfile, reportedAddress } from './page-schemes';
import { watchPageSchemes } from './scheme-guard';
import { checkRules, clearSessionRules } from './rule-integrity';
import { readHardening } from './hardening';
import { blockedEvent, explainBlock, heartbeatEvent, searchEvent, tamperEvent } from './pupil-events';
import { watchSearches } from './search-capture';
import { flaggedTitleEvent, TITLE_PROFILES, watchTitles } from './title-watch';
import type { RuntimeMessage, RuntimeMessages } from './messages';
import { Outbox, OutboxDb } from './outbox';
import { noticeAcceptedItem } from './visitor-pass';
import { watchTabs } from './tab-state';
import { answerFilterCheck } from './filter-check';
import {
  activeLock,
  applyTeacherAction,
  appliedBefore,
  noteApplied,
  LOCK_ALARM,
  lockItem,
  MESSAGE_SHOWN_MS,
  teacherMessageItem,
} from './teacher-actions';

const HEARTBEAT_ALARM = 'heartbeat';

/** The last worker start: the rule check's time, the policy in force's, and whether it resumed. */
const startTimingsItem = storage.defineItem<{
  checkedMs: number;
  appliedMs: number;
  verified: boolean;
  resumed: boolean;
} | null>('local:startTimings', { fallback: null });
const HEARTBEAT_MINUTES = 5;

/**
 * The background service worker: applies the policy as DNR rules, keeps the connection to the
 * school's server, and delivers every report through the outbox.
 */
export function startBackground(): void {
  const outbox = new Outbox(new OutboxDb());
  let user: string | null = null;
  let policy: PolicyMessage | null = null;
  let resumedAtStart = false;

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

  /**
   * The policy in force: the one applied, or before that (the worker just woke for an event) the
   * cached one. Events wait for it rather than being dropped.
   */
  async function currentPolicy(): Promise<PolicyMessage | null> {
    if (policy) return policy;
    const parsed = PolicyMessageSchema.safeParse(await cachedPolicyItem.getValue());
    return parsed.success ? parsed.data : null;
  }

  /**
   * Applies a policy. `resume` (at a start, the dynamic rules just verified against their digest):
   * when the rules in force are this policy's now, only the fail-closed ruleset is turned off; the
   * held category data is read later, when something needs it (docs/architecture.md, "A start
   * that trusts the rules in force").
   */
  async function onPolicy(raw: PolicyMessage, resume = false) {
    try {
      const parsed = PolicyMessageSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`invalid policy: ${describeZodError(parsed.error)}`);
      const message = parsed.data;
      const now = new Date();
      resumedAtStart = resume && (await resumePolicy(message, now, user));
      if (!resumedAtStart) {
        // A profile that now blocks other categories (or a first policy): its category data first,
        // so the rules are never compiled without it.
        await syncFirstIfNeeded(message);
        await applyPolicy(message, now, user);
      }
      policy = message;
      // The categories the profile blocks may have changed: the held data follows (a no-op when not).
      void inOrder(syncCategories);
      await scheduleRefresh(message, now);
      await queue(heartbeatEvent(message, await readHardening()));
      void readProxy().catch((error) => console.error('waymark: proxy settings', error));
    } catch (error) {
      console.error('waymark: could not apply the policy', error);
    }
  }

  /**
   * Puts the rules back when they are not the ones the extension installed (deleted from the
   * worker's console, say), and reports it. Runs in order with policies, so never mid-apply.
   * `reapplied` when it re-applied the policy; `verified` when the dynamic rules are exactly the
   * ones recorded.
   */
  async function verifyRules(when: string): Promise<{ reapplied: boolean; verified: boolean }> {
    const { finding, dynamicVerified } = await checkRules();
    if (!finding) return { reapplied: false, verified: dynamicVerified };
    if (finding.sessionChanged) await clearSessionRules();
    // Whatever changed them, the next install replaces every rule rather than trusting its record.
    if (finding.dynamicChanged) await forgetInstalledRules();
    const cached = finding.dynamicChanged ? validPolicyMessage(await cachedPolicyItem.getValue()) : null;
    if (cached) await onPolicy(cached);
    const current = await currentPolicy();
    if (current)
      await queue(tamperEvent(current, 'rules-changed', `${finding.detail}, found ${when}; put back`));
    return { reapplied: cached !== null, verified: false };
  }

  // Tab state goes to the server only while a teacher watches the class (the server says when).
  const tabs = watchTabs({
    send: (state) => void connection.sendTabState(state),
    categoryOf: async () => {
      const held = await heldCategoryData();
      return (url) => categoryOfUrl(held, url);
    },
    blockPage: blockPageUrl,
  });

  // Thumbnails only while a teacher shows the class's screens (the server says when).
  const screens = watchScreens({
    send: (thumbnail) => connection.sendThumbnail(thumbnail),
    categoryOf: async () => {
      const held = await heldCategoryData();
      return (url) => categoryOfUrl(held, url);
    },
  });

  async function syncFirstIfNeeded(message: PolicyMessage) {
    if (!connection.connected) return;
    const wanted = categoriesToHold(message.policy).join();
    const held = await heldCategoryData();
    if (held.length > 0 && held.every((source) => source.categories.join() === wanted)) return;
    try {
      await syncCategoryData((request) => connection.syncCategories(request));
    } catch (error) {
      console.error('waymark: category sync', error);
    }
  }

  /**
   * Brings the held category data up to date (a delta, or snapshots), then compiles the policy in
   * force again with it. Runs in order with policies.
   */
  async function syncCategories() {
    if (!connection.connected) return;
    try {
      await syncCategoryData(
        (request) => connection.syncCategories(request),
        async () => {
          const cached = validPolicyMessage(await cachedPolicyItem.getValue());
          if (!cached) return;
          await applyPolicy(cached, new Date(), user);
          policy = cached;
        },
      );
    } catch (error) {
      console.error('waymark: category sync', error);
    }
  }

  const connection = new ServerConnection({
    onPolicy: (m) => void inOrder(() => onPolicy(m)),
    onCategoriesChanged: () => void inOrder(syncCategories),
    onRequestStatus: (m) => void inOrder(() => recordRequestStatus(m)),
    onConnect: () => void flush(),
    onWatching: (watching) => tabs.setWatching(watching),
    onScreens: (send) => screens.setSending(send),
    // In order with policies: a lock's rules are put in place on top of the policy in force.
    onAction: (message, ack) =>
      void inOrder(async () => {
        try {
          if (!(await appliedBefore(message.id))) {
            await applyTeacherAction(message, { relock: reapplyCached });
            await noteApplied(message.id);
          }
          ack({ ok: true });
        } catch (error) {
          ack({ ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      }),
    // In order with policies: the answer is from the policy in force, never one half applied.
    onFilterCheck: (message, ack) =>
      void inOrder(async () => {
        const data = await heldCategoryData();
        ack(
          answerFilterCheck(
            message,
            await currentPolicy(),
            (url) => categoryHitsFor(data, url).categoryLists,
          ),
        );
      }),
  });

  /** Applies the cached policy again (inside an `inOrder` task: a lock starting or ending). */
  async function reapplyCached() {
    const cached = validPolicyMessage(await cachedPolicyItem.getValue());
    if (cached) await onPolicy(cached);
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    // Every alarm (the heartbeat's every five minutes) checks the rules first.
    void inOrder(() => verifyRules(`at the ${alarm.name} alarm`));
    // Overrides end and time windows open on time, online or not: re-apply the cached policy then.
    if (alarm.name === REFRESH_ALARM) {
      void inOrder(async () => {
        const cached = validPolicyMessage(await cachedPolicyItem.getValue());
        if (cached) await onPolicy(cached);
      });
    }
    // A lock ends on time, online or not.
    if (alarm.name === LOCK_ALARM) {
      void inOrder(async () => {
        if (activeLock(await lockItem.getValue(), new Date())) return;
        await lockItem.setValue(null);
        await reapplyCached();
      });
    }
    // The heartbeat tells the server the policy version applied, so a silent or stale device shows.
    if (alarm.name === HEARTBEAT_ALARM && policy) {
      const current = policy;
      void readHardening().then((hardening) => queue(heartbeatEvent(current, hardening)));
    }
  });
  void browser.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: HEARTBEAT_MINUTES });

  // Blocked attempts are reported from the redirects the extension's own rules made, never from
  // the block page (which any site can frame with a made-up address).
  const reports = new Map<string, Promise<void>>();
  const track = (url: string, reported: Promise<void>) => {
    reports.set(url, reported);
    if (reports.size > 100) reports.delete(reports.keys().next().value!);
  };
  watchBlockRedirects(blockPageUrl, (redirect) => {
    const reported = (async () => {
      const current = await currentPolicy();
      if (!current) return;
      const { categoryLists } = categoryHitsFor(await heldCategoryData(), redirect.url);
      const decision = explainBlock(redirect.url, current, categoryLists);
      // A mirror of an allowed site comes to the block page only to be checked and let through.
      if (decision?.verdict !== 'blocked') return;
      await queue(blockedEvent(redirect.url, decision, current, redirect.frame));
      // Trying a proxy or VPN site is an attempt to get round the school's filter.
      if (decision.category === 'proxy-vpn') {
        await queue(
          tamperEvent(current, 'proxy-vpn-site', `tried ${new URL(redirect.url).hostname}`, redirect.url),
        );
      }
    })().catch((error) => console.error('waymark: report', error));
    track(redirect.url, reported);
  });

  // data:, view-source:, filesystem: and foreign blob: pages: refused on pupil profiles by the
  // extension itself, whatever the device policy says, and reported like any blocked attempt.
  // One attempt, one report: on a busy machine the guard has been seen to report one typed
  // `filesystem:` navigation twice within a moment (cause not found); a second report of the same
  // tab and address within SAME_ATTEMPT_MS is that attempt again, not a new one.
  const SAME_ATTEMPT_MS = 3_000;
  const lastRefused = new Map<string, number>();
  watchPageSchemes(
    async () => isPupilProfile((await currentPolicy())?.policy.profile ?? null),
    blockPageUrl,
    (refused) => {
      const key = `${refused.tabId} ${refused.url}`;
      const now = Date.now();
      const again = now - (lastRefused.get(key) ?? -Infinity) < SAME_ATTEMPT_MS;
      lastRefused.set(key, now);
      if (lastRefused.size > 100) lastRefused.delete(lastRefused.keys().next().value!);
      if (again) return;
      const reported = (async () => {
        const current = await currentPolicy();
        if (!current) return;
        const url = reportedAddress(refused.url);
        await queue(blockedEvent(url, { category: null, rule: refused.rule }, current, 'main_frame'));
      })().catch((error) => console.error('waymark: report', error));
      // The block page asks by its own fragment, which the browser percent-encodes.
      track(new URL(`${blockPageUrl()}#${refused.url}`).hash.slice(1), reported);
    },
  );

  watchSearches(async (search) => {
    const policy = await currentPolicy();
    if (!policy) return;
    const detection = detectorFor(policy).match(search.query, { profile: policy.policy.profile });
    void queue(searchEvent(policy, search.url, search.engine, search.query, search.blocked, detection));
  });

  // Page and video titles, for KS2 and older: matched here, and only a flagged one is reported.
  const reportedTitles: string[] = [];
  watchTitles(async (seen) => {
    const policy = await currentPolicy();
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
  const readProxy = watchProxySettings(async (detail) => {
    const policy = await currentPolicy();
    if (!policy) return false;
    await queue(tamperEvent(policy, 'proxy-settings', detail));
    return true;
  });

  const handlers: {
    [K in keyof RuntimeMessages]: (
      message: RuntimeMessage & { type: K },
      sender: Browser.runtime.MessageSender,
    ) => Promise<RuntimeMessages[K]['response']>;
  } = {
    async report({ event }) {
      const parsed = DeviceEventSchema.safeParse(event);
      if (!parsed.success) return { queued: false, error: describeZodError(parsed.error) };
      // Pages report only what a pupil sends; blocked attempts come from the rules' own redirects.
      if (parsed.data.kind !== 'unblock-request' && parsed.data.kind !== 'concern') {
        return { queued: false, error: `pages do not report ${parsed.data.kind} events` };
      }
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
    async reported({ url }) {
      const pending = reports.get(url);
      if (pending) await pending;
      return { reported: pending !== undefined };
    },
    async 'pass-mirror'({ url }, sender) {
      const current = await currentPolicy();
      const tabId = sender.tab?.id;
      if (!current || tabId === undefined) return { passed: false };
      // In order with the rule checks, which would otherwise see a pass half-recorded.
      let passed = false;
      await inOrder(async () => {
        const { categoryLists } = categoryHitsFor(await heldCategoryData(), url);
        passed = await passMirror(current, url, tabId, categoryLists);
      });
      return { passed };
    },
    async 'category-hits'({ url }) {
      return categoryHitsFor(await heldCategoryData(), url);
    },
    async status() {
      const current = policy ?? (await cachedPolicyItem.getValue());
      const now = new Date();
      const message = await teacherMessageItem.getValue();
      return {
        connected: connection.connected,
        policy: current,
        user,
        pendingEvents: await outbox.size(),
        lock: activeLock(await lockItem.getValue(), now),
        teacherMessage: message && now.getTime() - Date.parse(message.at) < MESSAGE_SHOWN_MS ? message : null,
      };
    },
    async reply({ actionId, text }) {
      const message = await teacherMessageItem.getValue();
      if (message?.actionId !== actionId || message.replied) return { ok: false, error: 'already answered' };
      const answer = await connection.sendReply(actionId, text);
      if (answer.ok || answer.code === 'already-replied')
        await teacherMessageItem.setValue({ ...message, replied: true });
      return answer.ok ? { ok: true } : { ok: false, error: answer.error };
    },
  };

  // Listeners are registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the extension's own pages may ask (the block page runs in other sites' frames too, but as
    // the extension's own origin).
    if (sender.id !== browser.runtime.id) return undefined;
    const type = (message as { type?: string } | null)?.type;
    if (type === undefined || !(type in handlers)) return undefined;
    return (handlers[type as keyof RuntimeMessages] as (m: unknown, s: unknown) => Promise<unknown>)(
      message,
      sender,
    );
  });

  async function connect() {
    user = await profileEmail();
    const config = await loadConfig();
    if (config.source === 'none') {
      // A production build with no managed configuration yet (a force-install first sees {}).
      console.warn('waymark: no server configured (managed configuration serverUrl and enrollmentToken)');
      connection.disconnect();
      return;
    }
    connection.connect(config, user).catch((e) => console.error('waymark: connect', e));
  }
  watchConfig(() => void connect());

  void (async () => {
    // Re-apply the last policy before the network is up, so time windows and expiries are current.
    await inOrder(async () => {
      const started = performance.now();
      const { reapplied, verified } = await verifyRules('at start-up');
      const checkedMs = Math.round(performance.now() - started);
      if (reapplied) return;
      const cached = validPolicyMessage(await cachedPolicyItem.getValue());
      // Rules verified as recorded: a few checks, not a million domains read and grouped again.
      if (cached) await onPolicy(cached, verified);
      // For bench:categories: how long this start held the fail-closed ruleset, and why.
      await startTimingsItem.setValue({
        checkedMs,
        appliedMs: Math.round(performance.now() - started),
        verified,
        resumed: resumedAtStart,
      });
    });
    await connect();
  })();
}
