import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DeviceEventInput, PolicyMessage, RequestStatusMessage } from '@waymark/shared';
import { cachedPolicyItem } from '../../lib/apply-policy';
import { loadConfig } from '../../lib/config';
import type { Locale } from '../../lib/i18n';
import { requestStatusesItem } from '../../lib/request-status';
import { blockedEvent, explainBlock, tamperEvent } from '../../lib/pupil-events';

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

/**
 * Reports the attempt once per page (a reload of the block page is not a new attempt). Returns
 * true once the background has queued it in the outbox.
 */
export function useReportOnce(url: string, message: PolicyMessage | null | undefined): boolean {
  const key = `waymark-reported:${url}`;
  const [queued, setQueued] = useState(() => sessionStorage.getItem(key) !== null);
  useEffect(() => {
    if (!message || !url || sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, '1');
    const frame = window.top === window ? 'main_frame' : 'sub_frame';
    const decision = explainBlock(url, message);
    const reports = [report(blockedEvent(url, decision, message, frame))];
    // Trying a proxy or VPN site is an attempt to get round the school's filter.
    if (decision?.category === 'proxy-vpn') {
      reports.push(report(tamperEvent(message, 'proxy-vpn-site', `tried ${new URL(url).hostname}`, url)));
    }
    void Promise.all(reports).then(() => setQueued(true));
  }, [key, url, message]);
  return queued;
}

/**
 * The status of this page's unblock request, live. When the teacher approves, the new policy is
 * applied before the answer is stored; once the rules allow the URL, the page goes on by itself.
 */
export function useRequest(url: string, message: PolicyMessage | null | undefined) {
  const key = `waymark-request:${url}`;
  const [requestId, setRequestId] = useState<string | null>(() => sessionStorage.getItem(key));
  const [answer, setAnswer] = useState<RequestStatusMessage | null>(null);

  useEffect(() => {
    if (!requestId) return;
    const pick = (all: Record<string, RequestStatusMessage> | null) => setAnswer(all?.[requestId] ?? null);
    void requestStatusesItem.getValue().then(pick);
    return requestStatusesItem.watch(pick);
  }, [requestId]);

  useEffect(() => {
    if (answer?.status !== 'approved' || !message) return;
    if (explainBlock(url, message)?.verdict === 'allowed') location.replace(url);
  }, [answer, message, url]);

  function sent(id: string) {
    sessionStorage.setItem(key, id);
    setRequestId(id);
  }
  const status = answer?.status ?? (requestId ? 'pending' : null);
  return { status, sent };
}
