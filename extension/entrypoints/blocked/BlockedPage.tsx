import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CATEGORY_LABELS, isIllegalCategory, type Decision, type PolicyMessage } from '@waymark/shared';
import { cachedPolicyItem } from '../../lib/apply-policy';
import { blockedEvent, explainBlock } from '../../lib/block-report';

function blockedUrl(): string {
  return decodeURI(location.hash.slice(1));
}

/** Reports the attempt once per page load (a reload of the block page is not a new attempt). */
async function reportOnce(url: string, decision: Decision | null, message: PolicyMessage) {
  const key = `waymark-reported:${url}`;
  if (sessionStorage.getItem(key)) return;
  sessionStorage.setItem(key, '1');
  const frame = window.top === window ? 'main_frame' : 'sub_frame';
  await browser.runtime.sendMessage({ type: 'report', event: blockedEvent(url, decision, message, frame) });
}

export function BlockedPage() {
  const url = blockedUrl();
  const [message, setMessage] = useState<PolicyMessage | null | undefined>(undefined);
  const decision = message ? explainBlock(url, message) : null;
  const illegal = isIllegalCategory(decision?.category);

  useEffect(() => {
    void cachedPolicyItem.getValue().then(setMessage);
  }, []);

  useEffect(() => {
    if (message && url) void reportOnce(url, explainBlock(url, message), message);
  }, [message, url]);

  if (message === undefined) return null;
  return (
    <main data-testid="waymark-blocked">
      <h1>This page is blocked</h1>
      {message === null ? (
        <p>This device is still getting its settings from your school. Try again in a minute.</p>
      ) : illegal ? (
        <p>This page is not allowed at school. You have not done anything wrong by seeing this message.</p>
      ) : (
        <>
          <p>Your school has not allowed this page{message.className ? ` for ${message.className}` : ''}.</p>
          {url && (
            <p>
              Page: <span className="url">{url}</span>
            </p>
          )}
          {decision?.category && <p>Reason: {CATEGORY_LABELS[decision.category]}.</p>}
        </>
      )}
      <section className="help" aria-labelledby="help-heading">
        <h2 id="help-heading">Need help?</h2>
        <ul>
          <li>Ask your teacher, or another adult you trust.</li>
          <li>
            Call Childline free on <strong>0800 1111</strong> or visit{' '}
            <a href="https://www.childline.org.uk/">childline.org.uk</a>.
          </li>
          <li>
            Worried about someone you met online?{' '}
            <a href="https://www.ceop.police.uk/safety-centre/">Report to CEOP</a>.
          </li>
        </ul>
      </section>
      <p className="note">
        {message?.schoolName ?? 'Your school'} looks after how this device uses the internet. The pages you
        visit can be seen by your teachers.
      </p>
    </main>
  );
}
