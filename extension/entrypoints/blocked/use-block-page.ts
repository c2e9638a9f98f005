import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  mirrorOf,
  type CategoryEntries,
  type DeviceEventInput,
  type PolicyMessage,
  type RequestStatusMessage,
} from '@waymark/shared';
import { cachedPolicyItem } from '../../lib/apply-policy';
import { loadConfig } from '../../lib/config';
import type { Locale } from '../../lib/i18n';
import { requestStatusesItem } from '../../lib/request-status';
import { explainBlock } from '../../lib/pupil-events';

export function report(event: DeviceEventInput): Promise<unknown> {
  return browser.runtime.sendMessage({ type: 'report', event });
}

/** The blocked URL travels after `#` (the DNR redirect puts it there). */
export function blockedUrl(): string {
  return location.hash.slice(1);
}

/**
 * The cached policy and the language of the page: the device's managed `locale`, else the
 * school's language for pupils' pages. `message` is `undefined` until both are known.
 */
export function usePolicyAndLocale(): { message: PolicyMessage | null | undefined; locale: Locale } {
  const [message, setMessage] = useState<PolicyMessage | null | undefined>(undefined);
  const [managed, setManaged] = useState<Locale | null | undefined>(undefined);
  useEffect(() => {
    void cachedPolicyItem.getValue().then(setMessage);
    void loadConfig().then((c) => setManaged(c.locale ?? null));
    return cachedPolicyItem.watch((value) => setMessage(value));
  }, []);
  return {
    message: managed === undefined ? undefined : message,
    locale: managed ?? message?.locale ?? 'en',
  };
}

export interface CategoryHits {
  categoryLists: CategoryEntries;
  /** `category \t entry` → the list it came from. */
  sources: Record<string, string>;
}

/**
 * The held category entries that could decide this URL, from the background (which holds the
 * category data, verified): `undefined` until it answers. Policies carry no category lists.
 */
export function useCategoryHits(url: string): CategoryHits | undefined {
  const [hits, setHits] = useState<CategoryHits | undefined>(undefined);
  useEffect(() => {
    if (!url) return setHits({ categoryLists: {}, sources: {} });
    (browser.runtime.sendMessage({ type: 'category-hits', url }) as Promise<CategoryHits | undefined>)
      .then((answer) => setHits(answer ?? { categoryLists: {}, sources: {} }))
      .catch(() => setHits({ categoryLists: {}, sources: {} }));
  }, [url]);
  return hits;
}

/**
 * True once the background has queued the report of this attempt in the outbox. The page reports
 * nothing itself: the background reports the redirects its own rules made, so a site that frames
 * this page with a made-up address reports nothing (issue 21).
 */
export function useReported(url: string): boolean {
  const [reported, setReported] = useState(false);
  useEffect(() => {
    if (!url) return;
    void (browser.runtime.sendMessage({ type: 'reported', url }) as Promise<{ reported: boolean }>).then(
      (answer) => setReported(answer.reported),
    );
  }, [url]);
  return reported;
}

/**
 * A mirror (translate proxy, archive, cache) comes here to be checked: when the policy allows the
 * site it carries, the background lets it through for this tab and the page goes on. Returns
 * true while that is under way, so the page shows nothing meanwhile.
 */
export function useMirrorPass(
  url: string,
  message: PolicyMessage | null | undefined,
  hits: CategoryHits | undefined,
): boolean {
  const allowedMirror =
    !!message &&
    !!hits &&
    !!url &&
    mirrorOf(url) !== null &&
    explainBlock(url, message, hits.categoryLists)?.verdict === 'allowed';
  useEffect(() => {
    if (!allowedMirror) return;
    void (browser.runtime.sendMessage({ type: 'pass-mirror', url }) as Promise<{ passed: boolean }>).then(
      (answer) => {
        if (answer.passed) location.replace(url);
      },
    );
  }, [allowedMirror, url]);
  return allowedMirror;
}

/**
 * The status of this page's unblock request, live. When the teacher approves, the new policy is
 * applied before the answer is stored; once the rules allow the URL, the page goes on by itself.
 */
export function useRequest(
  url: string,
  message: PolicyMessage | null | undefined,
  hits: CategoryHits | undefined,
) {
  const key = `waymark-request:${url}`;
  const [requestId, setRequestId] = useState<string | null>(() => sessionStorage.getItem(key));
  const [answer, setAnswer] = useState<RequestStatusMessage | null>(null);

  useEffect(() => {
    if (!requestId) return;
    const pick = (all: Record<string, RequestStatusMessage> | null) =>
      setAnswer(all && Object.hasOwn(all, requestId) ? (all[requestId] ?? null) : null);
    void requestStatusesItem.getValue().then(pick);
    return requestStatusesItem.watch(pick);
  }, [requestId]);

  useEffect(() => {
    if (answer?.status !== 'approved' || !message) return;
    if (explainBlock(url, message, hits?.categoryLists)?.verdict === 'allowed') location.replace(url);
  }, [answer, message, url, hits]);

  function sent(id: string) {
    sessionStorage.setItem(key, id);
    setRequestId(id);
  }
  const status = answer?.status ?? (requestId ? 'pending' : null);
  return { status, sent };
}
