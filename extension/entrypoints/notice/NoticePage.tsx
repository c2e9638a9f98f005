import { useState } from 'react';
import { browser } from 'wxt/browser';
import { shownHelpSites } from '@waymark/shared';
import { HelpSection } from '../../components/HelpSection';
import { strings } from '../../lib/i18n';
import { usePolicyAndLocale } from '../blocked/use-block-page';

/**
 * A visitor's device shows the school's acceptable-use notice before its first page (the DNR
 * redirect puts the page the visitor asked for after `#`); once accepted, it goes there.
 */
export function NoticePage() {
  const { message, locale } = usePolicyAndLocale();
  const [accepted, setAccepted] = useState(false);
  const t = strings(locale);
  document.documentElement.lang = locale;
  document.title = `${t.visitorNoticeTitle(message?.schoolName ?? '')} – Waymark`;
  if (message === undefined) return null;
  const pass = message?.visitor;
  if (!message || !pass) {
    return (
      <main data-testid="waymark-notice">
        <p>{t.settingUp}</p>
      </main>
    );
  }
  const until = new Date(pass.expiresAt).toLocaleString(locale === 'cy' ? 'cy-GB' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  const target = location.hash.slice(1);

  async function agree() {
    await browser.runtime.sendMessage({ type: 'accept-notice', passId: pass!.id });
    setAccepted(true);
    if (/^https?:\/\//.test(target)) location.replace(target);
  }

  return (
    <main data-testid="waymark-notice">
      <h1>{t.visitorNoticeTitle(message.schoolName)}</h1>
      <p>{t.visitorGreeting(pass.name, until)}</p>
      <section aria-label={t.visitorNoticeTitle(message.schoolName)} className="notice-text">
        {pass.notice.split(/\n\s*\n/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </section>
      {accepted ? (
        <p role="status">{t.visitorReady}</p>
      ) : (
        <button type="button" onClick={() => void agree()}>
          {t.visitorAgree}
        </button>
      )}
      <HelpSection t={t} sites={shownHelpSites(message.country ?? 'england', locale)} />
    </main>
  );
}
