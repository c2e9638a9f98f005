import { useEffect, useState } from 'react';
import { shownHelpSites } from '@waymark/shared';
import { HelpSection } from '../../components/HelpSection';
import { Illustration } from '../../components/Illustration';
import { ageBand } from '../../lib/age-band';
import { strings } from '../../lib/i18n';
import { activeLock, lockItem, type LockState } from '../../lib/teacher-actions';
import { usePolicyAndLocale } from '../blocked/use-block-page';

/**
 * "Eyes on me": every page goes here while the teacher's lock holds, in the pupil's language and
 * for their age, with help still reachable. On release the page goes back to where it was.
 */
export function LockPage() {
  const { message, locale } = usePolicyAndLocale();
  const [lock, setLock] = useState<LockState | null | undefined>(undefined);
  useEffect(() => {
    void lockItem.getValue().then(setLock);
    return lockItem.watch(setLock);
  }, []);
  const t = strings(locale);
  document.documentElement.lang = locale;
  document.title = `${t.lockTitle} – Waymark`;
  const held = lock === undefined ? undefined : activeLock(lock, new Date());
  const back = location.hash.slice(1);
  useEffect(() => {
    if (held !== null) return;
    // Released (or expired): back to the page the lock interrupted.
    if (/^https?:\/\//.test(back)) location.replace(back);
  }, [held, back]);
  // Released on time even if no message says so.
  useEffect(() => {
    if (!held) return;
    const timer = setTimeout(
      () => setLock((l) => (l ? { ...l } : l)),
      Math.max(0, Date.parse(held.until) - Date.now() + 500),
    );
    return () => clearTimeout(timer);
  }, [held]);
  if (message === undefined || held === undefined) return null;
  const band = message ? ageBand(message.policy.profile) : 'young';
  const helpSites = shownHelpSites(message?.country ?? 'england', locale);
  const until = held
    ? new Date(held.until).toLocaleTimeString(locale === 'cy' ? 'cy-GB' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
  return (
    <main data-testid="waymark-lock" className={`lock lock-${band}`}>
      {band === 'young' && <Illustration />}
      <h1>{band === 'young' ? t.lockYoung : t.lockTitle}</h1>
      {held && held.message && <p className="lock-message">“{held.message}”</p>}
      {held && <p className="note">{t.lockFrom(held.from)}</p>}
      {held && band !== 'young' && <p>{t.lockUntil(until)}</p>}
      <HelpSection t={t} sites={helpSites} />
    </main>
  );
}
