import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '@waymark/shared';

export interface PendingChange {
  reason: string;
  /** The shared `policyDiff` lines: exactly what the change-control log will record. */
  diff: string[];
  helpSitesBlocked: string[];
}

/** What will change and why, before anything is saved; takes focus when it opens. */
export function ReviewChanges({
  profile,
  nextVersion,
  change,
  saving,
  error,
  conflict,
  onConfirm,
  onBack,
  onReload,
}: {
  profile: Profile;
  nextVersion: number;
  change: PendingChange;
  saving: boolean;
  error: string | null;
  conflict: boolean;
  onConfirm: () => void;
  onBack: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('policies');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="review-heading" className="pol-panel pol-review" data-testid="policy-review">
      <h2 id="review-heading" tabIndex={-1} ref={heading}>
        {t('review.heading', { profile })}
      </h2>
      <p>{t('review.becomes', { profile, version: nextVersion })}</p>
      <h3>{t('review.whatChanges')}</h3>
      <ul className="pol-diff-lines">
        {change.diff.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>{t('review.why')}</h3>
      <p className="pol-reason">{change.reason}</p>
      {change.helpSitesBlocked.length > 0 && (
        <p className="pol-notice">{t('review.helpSites', { sites: change.helpSitesBlocked.join(', ') })}</p>
      )}
      {error && (
        <div className="pol-notice pol-notice-refused" role="alert">
          <p>{conflict ? t('review.conflict', { profile }) : t('review.failed', { message: error })}</p>
          {conflict && (
            <>
              <p className="pol-muted">{error}</p>
              <button type="button" className="secondary" onClick={onReload}>
                {t('review.reload')}
              </button>
            </>
          )}
        </div>
      )}
      <div className="pol-actions">
        <button type="button" onClick={onConfirm} disabled={saving || conflict}>
          {saving ? t('review.saving') : t('review.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onBack} disabled={saving}>
          {t('review.back')}
        </button>
      </div>
    </section>
  );
}
