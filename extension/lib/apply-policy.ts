import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  CATEGORY_RULE_BASE,
  categoryGroupRules,
  compilePolicy,
  nextPolicyChange,
  type CategoryEntries,
  type DnrRule,
  type PolicyContext,
  type PolicyMessage,
} from '@waymark/shared';
import { extensionUrl } from './extension-url';
import {
  blockingCategories,
  categoryRulesFor,
  heldCategoryData,
  recordAppliedCategoryVersions,
} from './category-data';
import {
  groupUnits,
  installedRulesAre,
  installedRulesItem,
  installRules,
  type GroupUnit,
} from './install-rules';
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

/**
 * What the dynamic rules in force were compiled from besides the policy message: the categories
 * that blocked (or `ended`, a visitor whose pass ended), the block page, the held entries left
 * for the policy compiler, and the category groups. Null while an update is under way, and when
 * the policy carried lists of its own. Lets a start trust the rules in force without reading the
 * held data (docs/architecture.md, "A start that trusts the rules in force").
 */
interface AppliedStamp {
  blocking: string;
  blockPage: string;
  rest: CategoryEntries;
  groups: GroupUnit[];
}
export const appliedStampItem = storage.defineItem<AppliedStamp | null>('local:appliedStamp', {
  fallback: null,
});

/** The policy's own rules now (the visitor pass, a teacher's lock), without the category groups. */
async function policyRules(
  message: PolicyMessage,
  state: ReturnType<typeof visitorState>,
  context: PolicyContext,
  rest: CategoryEntries,
): Promise<DnrRule[]> {
  const now = context.now;
  const rules = rulesForVisitor(
    message,
    state,
    // The plain domains are the groups' (compiled apart); the policy compiler gets the rest.
    () =>
      compilePolicy({ ...message.policy, categoryLists: rest }, { ...context, blockPage: blockPageUrl() }),
    { blockPage: blockPageUrl(), noticePage: noticePageUrl() },
    now,
  );
  // A teacher's lock sends every page but help to the lock page until it is released.
  if (activeLock(await lockItem.getValue(), now)) {
    rules.push(...lockRules(message, Math.max(0, ...rules.map((r) => r.id)) + 1));
  }
  return rules;
}

/**
 * Makes the dynamic rules the compiled policy plus the category data's groups (only the units
 * that changed are replaced), then turns off the fail-closed static ruleset.
 */
export async function applyPolicy(
  message: PolicyMessage,
  now = new Date(),
  user: string | null = null,
): Promise<DnrRule[]> {
  const state = visitorState(message, now, await noticeAcceptedItem.getValue());
  // Category data travels apart from the policy: the held (verified) entries of blocked categories.
  const held = await heldCategoryData();
  const context = { now, user, classIds: message.classIds };
  // A visitor whose pass ended gets nothing but the block page: no category rules either.
  const { groups, rest } =
    state === 'ended'
      ? { groups: [], rest: {} }
      : categoryRulesFor(held, message.policy, context, blockPageUrl());
  const rules = await policyRules(message, state, context, rest);
  await appliedStampItem.setValue(null);
  const installed = await installRules(rules, groups, blockPageUrl());
  if (Object.keys(message.policy.categoryLists).length === 0) {
    await appliedStampItem.setValue({
      blocking: state === 'ended' ? 'ended' : blockingCategories(message.policy, context),
      blockPage: blockPageUrl(),
      rest,
      groups: groupUnits(groups),
    });
  }
  const all = [...rules];
  for (const group of groups) all.push(...categoryGroupRules(group, blockPageUrl()));
  await browser.declarativeNetRequest.updateEnabledRulesets({ disableRulesetIds: ['fail_closed'] });
  await cachedPolicyItem.setValue(message);
  await recordAppliedCategoryVersions(held);
  await appliedVersionItem.setValue(message.policy.version);
  // The rules are in force; their digest (for the tamper check) reads them all back, which takes
  // seconds at a million domains, so it comes last.
  if (installed.changed) {
    const ids = ((await installedRulesItem.getValue()) ?? []).flatMap(([id, , count]) =>
      Array.from({ length: count }, (_, i) => id + i),
    );
    await recordDynamicRules(ids, (id) => id >= CATEGORY_RULE_BASE);
  }
  return all;
}

/**
 * At a start: when the dynamic rules in force are verified to be the recorded ones (`checkRules`
 * found them matching their digest) and the record says they are exactly what this policy
 * compiles to now (its own rules compiled again, the same categories blocking, the groups it
 * recorded), turns off the fail-closed ruleset without reading or grouping the held category
 * data. False, with nothing changed, otherwise: the caller applies the policy in full.
 */
export async function resumePolicy(
  message: PolicyMessage,
  now = new Date(),
  user: string | null = null,
): Promise<boolean> {
  if (Object.keys(message.policy.categoryLists).length > 0) return false;
  const stamp = await appliedStampItem.getValue();
  if (!stamp || stamp.blockPage !== blockPageUrl()) return false;
  const state = visitorState(message, now, await noticeAcceptedItem.getValue());
  const context = { now, user, classIds: message.classIds };
  const blocking = state === 'ended' ? 'ended' : blockingCategories(message.policy, context);
  if (blocking !== stamp.blocking) return false;
  const rules = await policyRules(message, state, context, stamp.rest);
  if (!(await installedRulesAre(rules, stamp.groups))) return false;
  await browser.declarativeNetRequest.updateEnabledRulesets({ disableRulesetIds: ['fail_closed'] });
  await cachedPolicyItem.setValue(message);
  await appliedVersionItem.setValue(message.policy.version);
  return true;
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
