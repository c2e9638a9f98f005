import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { Profile } from '@waymark/shared';

/** Asks before an edited, unsaved profile is left, in the console or by closing the tab. */
export function UnsavedChangesGuard({ dirty, profile }: { dirty: boolean; profile: Profile }) {
  const { t } = useTranslation('policies');
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const stay = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => {
    if (blocker.state === 'blocked') stay.current?.focus();
  }, [blocker.state]);

  if (blocker.state !== 'blocked') return null;
  return (
    <div
      className="pol-notice pol-notice-refused pol-leave"
      role="alertdialog"
      aria-labelledby="leave-heading"
    >
      <h2 id="leave-heading">{t('leave.heading', { profile })}</h2>
      <p>{t('leave.body')}</p>
      <div className="pol-actions">
        <button type="button" ref={stay} onClick={() => blocker.reset()}>
          {t('leave.stay')}
        </button>
        <button type="button" className="secondary" onClick={() => blocker.proceed()}>
          {t('leave.leave')}
        </button>
      </div>
    </div>
  );
}
