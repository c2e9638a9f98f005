import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { compilePolicy, nextPolicyChange, type DnrRule, type PolicyMessage } from '@waymark/shared';
import { extensionUrl } from './extension-url';
import { heldCategoryData, recordAppliedCategoryVersions, withCategoryData } from './category-data';
import { recordDynamicRules } from './rule-integrity';
import { noticeAcceptedItem, noticePageUrl, rulesForVisitor, visitorState } from './visitor-pass';
import { activeLock, lockItem, lockRules } from './teacher-actions';

/** The last policy the server sent: applied again at every start before the network is up. */
export const cachedPolicyItem = storage.defineItem<PolicyMessage | null>('local:policy', { fallback: null });
export const appliedVersionItem = storage.defineItem<number | null>('local:appliedPolicyVersion', {
  fallback: null,
});

export function blockPageUrl(): string {
  return extensionUrl('/blocked.html');
}

/** Replaces every dynamic rule with the compiled policy, then turns off the fail-closed static ruleset. */
export async function applyPolicy(
  message: PolicyMessage,
  now = new Date(),
  user: string | null = null,
): Promise<DnrRule[]> {
  const state = visitorState(message, now, await noticeAcceptedItem.getValue());
  // Category data travels apart from the policy: the held (verified) entries of blocked categories.
  const held = await heldCategoryData();
  const rules = rulesForVisitor(
    message,
    state,
    () =>
      compilePolicy(withCategoryData(message.policy, held), {
        now,
        user,
        classIds: message.classIds,
        blockPage: blockPageUrl(),
      }),
    { blockPage: blockPageUrl(), noticePage: noticePageUrl() },
    now,
  );
  // A teacher's lock sends every page but help to the lock page until it is released.
  if (activeLock(await lockItem.getValue(), now)) {
    rules.push(...lockRules(message, Math.max(0, ...rules.map((r) => r.id)) + 1));
  }
  const dnr = browser.declarativeNetRequest;
  const existing = await dnr.getDynamicRules();
  await dnr.updateDynamicRules({
    removeRuleIds: existing.map((r) => r.id),
    addRules: rules as Parameters<typeof dnr.updateDynamicRules>[0]['addRules'],
  });
  await recordDynamicRules();
  await dnr.updateEnabledRulesets({ disableRulesetIds: ['fail_closed'] });
  await cachedPolicyItem.setValue(message);
  await recordAppliedCategoryVersions(held);
  await appliedVersionItem.setValue(message.policy.version);
  return rules;
}

export const REFRESH_ALARM = 'policy-refresh';

/** Sets (or clears) the alarm for the next moment the rules change by themselves. */
export async function scheduleRefresh(message: PolicyMessage, now: Date): Promise<Date | null> {
  const change = nextPolicyChange(message.policy, { now, classIds: message.classIds });
  // A visitor pass ends on time, online or not: the device recompiles then.
  const passEnds = message.visitor ? new Date(message.visitor.expiresAt) : null;
  const next = passEnds && passEnds > now && (!change || passEnds < change) ? passEnds : change;
  await browser.alarms.clear(REFRESH_ALARM);
  // A second late, so the override or window has really ended when we recompile.
  if (next) await browser.alarms.create(REFRESH_ALARM, { when: next.getTime() + 1000 });
  return next;
}
