import { storage } from 'wxt/utils/storage';
import { compilePolicy, SAFE_SEARCH_PRIORITY, type DnrRule, type PolicyMessage } from '@waymark/shared';
import { extensionUrl } from './extension-url';

/** The visitor pass whose acceptable-use notice this device's visitor has accepted (its id). */
export const noticeAcceptedItem = storage.defineItem<string | null>('local:visitorNoticeAccepted', {
  fallback: null,
});

/**
 * Where a device stands with its visitor pass: none (not a visitor device), `notice` (the
 * acceptable-use notice comes before any page), `active`, or `ended` (nothing loads but help).
 */
type VisitorState = 'none' | 'notice' | 'active' | 'ended';

export function visitorState(message: PolicyMessage, now: Date, acceptedPassId: string | null): VisitorState {
  const pass = message.visitor;
  if (!pass) return 'none';
  if (now.getTime() >= Date.parse(pass.expiresAt)) return 'ended';
  return acceptedPassId === pass.id ? 'active' : 'notice';
}

export function noticePageUrl(): string {
  return extensionUrl('/notice.html');
}

/** Above every rule the policy compiles to: the notice comes before any page, sign-in and help included. */
const NOTICE_PRIORITY = SAFE_SEARCH_PRIORITY + 1;

/**
 * The rules for a visitor's device. The device enforces the pass's end itself, so a device that
 * is offline when the pass ends stops on time: after the end only help sites load.
 */
export function rulesForVisitor(
  message: PolicyMessage,
  state: VisitorState,
  compiled: () => DnrRule[],
  pages: { blockPage: string; noticePage: string },
  now: Date,
): DnrRule[] {
  if (state === 'ended') {
    const nothing = {
      ...message.policy,
      mode: 'allow-list' as const,
      allow: [],
      block: [],
      categories: {},
      categoryLists: {},
      alwaysAllowed: [],
      overrides: [],
    };
    return compilePolicy(nothing, { now, classIds: [], blockPage: pages.blockPage });
  }
  const rules = compiled();
  if (state !== 'notice') return rules;
  const nextId = Math.max(0, ...rules.map((r) => r.id)) + 1;
  return [
    ...rules,
    {
      id: nextId,
      priority: NOTICE_PRIORITY,
      action: { type: 'redirect', redirect: { regexSubstitution: `${pages.noticePage}#\\1` } },
      condition: { regexFilter: '^(https?://.*)$', resourceTypes: ['main_frame'] },
    },
  ];
}
