import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LIVE_MESSAGE_MAX } from '@waymark/shared';
import { strings } from '../../lib/i18n';
import { teacherMessageItem, type TeacherMessage } from '../../lib/teacher-actions';
import { usePolicyAndLocale } from '../blocked/use-block-page';

/** The teacher's message, shown at once, and the pupil's one answer. */
export function MessagePage() {
  const { locale } = usePolicyAndLocale();
  const [message, setMessage] = useState<TeacherMessage | null | undefined>(undefined);
  const [text, setText] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  useEffect(() => {
    void teacherMessageItem.getValue().then(setMessage);
    return teacherMessageItem.watch(setMessage);
  }, []);
  const t = strings(locale);
  document.documentElement.lang = locale;
  document.title = `${t.messageTitle} – Waymark`;
  if (!message) return null;
  const time = new Date(message.at).toLocaleTimeString(locale === 'cy' ? 'cy-GB' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });

  async function send() {
    setState('sending');
    const answer = (await browser.runtime.sendMessage({
      type: 'reply',
      actionId: message!.actionId,
      text,
    })) as { ok: boolean };
    setState(answer.ok ? 'sent' : 'failed');
  }

  return (
    <main data-testid="waymark-message">
      <h1>{t.messageTitle}</h1>
      <p className="note">{t.messageFrom(message.from, time)}</p>
      <p className="teacher-message">{message.text}</p>
      {state === 'sent' ? (
        <p role="status">{t.replySent}</p>
      ) : message.replied ? (
        <p role="status">{t.replyOnce}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void send();
          }}
        >
          <label htmlFor="reply">{t.replyLabel}</label>
          <textarea
            id="reply"
            value={text}
            maxLength={LIVE_MESSAGE_MAX}
            rows={3}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={state === 'sending' || !text.trim()}>
            {t.replySend}
          </button>
          {state === 'failed' && <p role="alert">{t.replyFailed}</p>}
        </form>
      )}
    </main>
  );
}
