import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ConcernForm } from '../../components/ConcernForm';
import { loadConfig } from '../../lib/config';
import { strings, type Locale } from '../../lib/i18n';
import type { RuntimeMessages } from '../../lib/messages';
import { concernEvent } from '../../lib/pupil-events';

type Status = RuntimeMessages['status']['response'];

/** The toolbar popup: who supervises this device, the pupil's class, and "I need help". */
export function Popup() {
  const [status, setStatus] = useState<Status | null>(null);
  const [managed, setManaged] = useState<Locale | null>(null);
  useEffect(() => {
    void browser.runtime.sendMessage({ type: 'status' }).then((s) => setStatus(s as Status));
    void loadConfig().then((c) => setManaged(c.locale ?? null));
  }, []);
  // The device's managed language, else the school's language for pupils' pages.
  const locale: Locale = managed ?? status?.policy?.locale ?? 'en';
  const t = strings(locale);
  document.documentElement.lang = locale;
  if (!status) return null;
  const message = status.policy;
  return (
    <main data-testid="waymark-popup">
      <h1>{t.supervisedBy(message?.schoolName ?? null)}</h1>
      {message?.className && <p>{t.yourClass(message.className)}</p>}
      <p className="state">{status.connected ? t.connected : t.offline}</p>
      {message?.screenThumbnails && <p data-testid="popup-screens-note">{t.screensNote}</p>}
      {status.lock && (
        <p className="teacher-notice" role="status" data-testid="popup-lock">
          {t.popupLocked(
            new Date(status.lock.until).toLocaleTimeString(locale === 'cy' ? 'cy-GB' : 'en-GB', {
              hour: '2-digit',
              minute: '2-digit',
            }),
          )}
        </p>
      )}
      {status.teacherMessage && (
        <p className="teacher-notice" data-testid="popup-message">
          {t.popupMessage(status.teacherMessage.from)}{' '}
          <a
            href={`/message.html#${encodeURIComponent(status.teacherMessage.actionId)}`}
            target="_blank"
            rel="noreferrer"
          >
            {t.messageTitle}
          </a>
        </p>
      )}
      {message && (
        <ConcernForm
          t={t}
          onSend={async (text) =>
            void (await browser.runtime.sendMessage({
              type: 'report',
              event: concernEvent(message, null, text),
            }))
          }
        />
      )}
    </main>
  );
}
