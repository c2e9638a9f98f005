import { v7 as uuidv7 } from 'uuid';
import { browser } from 'wxt/browser';
import { pageSchemeDecision, type BlockExplanation } from './page-schemes';
import {
  evaluateUrl,
  joinCategoryLists,
  eventMatches,
  type Category,
  type CategoryEntries,
  type Detection,
  type DeviceHardening,
  type Decision,
  type DeviceEventInput,
  type PolicyMessage,
  type TamperKind,
} from '@waymark/shared';

/** The fields every report from this device carries. */
export function eventBase(message: PolicyMessage) {
  return {
    id: uuidv7(),
    occurredAt: new Date().toISOString(),
    profile: message.policy.profile,
    policyVersion: message.policy.version,
  };
}

export function unblockRequestEvent(
  message: PolicyMessage,
  url: string,
  category: Category | null,
  reason: string,
): DeviceEventInput {
  return { ...eventBase(message), kind: 'unblock-request', url, category, reason };
}

export function heartbeatEvent(message: PolicyMessage, hardening?: DeviceHardening): DeviceEventInput {
  return {
    ...eventBase(message),
    kind: 'heartbeat',
    extensionVersion: browser.runtime.getManifest().version,
    ...(hardening ? { hardening } : {}),
  };
}

export function tamperEvent(
  message: PolicyMessage,
  what: Exclude<TamperKind, 'silent' | 'profile-claim' | 'filter-check'>,
  detail: string,
  url: string | null = null,
): DeviceEventInput {
  return { ...eventBase(message), kind: 'tamper', what, detail, url };
}

export function searchEvent(
  message: PolicyMessage,
  url: string,
  engine: string,
  query: string,
  blocked: boolean,
  detection: Detection,
): DeviceEventInput {
  const flags = detection.categories;
  return {
    ...eventBase(message),
    kind: 'search',
    url,
    engine,
    query,
    flags,
    matches: eventMatches(detection),
    blocked,
  };
}

export function concernEvent(message: PolicyMessage, url: string | null, text: string): DeviceEventInput {
  return { ...eventBase(message), kind: 'concern', url, message: text };
}

/**
 * Why a URL was blocked, by the same rules the DNR rules came from; `categoryLists` are the held
 * category entries that could match it (`categoryHitsFor`: policies carry none).
 */
export function explainBlock(
  url: string,
  message: PolicyMessage | null,
  categoryLists: CategoryEntries = {},
  now = new Date(),
): BlockExplanation | null {
  if (!message || url === '') return null;
  return (
    pageSchemeDecision(url) ??
    evaluateUrl(
      { ...message.policy, categoryLists: joinCategoryLists(message.policy.categoryLists, categoryLists) },
      url,
      { now, classIds: message.classIds },
    )
  );
}

/** The blocked-attempt event the block page reports: DfE fields the device knows, the server adds the rest. */
export function blockedEvent(
  url: string,
  decision: Pick<Decision, 'category' | 'rule'> | null,
  message: PolicyMessage,
  frame: 'main_frame' | 'sub_frame',
): DeviceEventInput {
  return {
    ...eventBase(message),
    kind: 'blocked',
    url,
    category: decision?.category ?? null,
    rule: decision?.rule ?? 'blocked by the device policy',
    frame,
  };
}
