import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportLabels } from '../reports/labels';
import { useLatestChanges } from './api';

const SHOWN = 5;

/** The newest entries of the change-control log: who changed filtering, what, and why. */
export function LatestChanges() {
  const { t } = useTranslation('overview');
  const labels = useReportLabels();
  const changes = useLatestChanges();
  return (
    <section aria-labelledby="overview-changes" className="overview-section">
      <h2 id="overview-changes">{t('changes.title')}</h2>
      {changes.isPending && <p role="status">{t('loading')}</p>}
      {changes.isError && (
        <p role="alert" className="error">
          {changes.error.message}
        </p>
      )}
      {changes.data?.length === 0 && <p>{t('changes.none')}</p>}
      {changes.data && changes.data.length > 0 && (
        <ol className="overview-changes">
          {changes.data.slice(0, SHOWN).map((change) => (
            <li key={change.id}>
              <p className="overview-change-head">
                <strong>
                  {change.profile === 'keywords' || change.profile === 'roster'
                    ? t(`changes.${change.profile}`)
                    : change.profile}
                </strong>{' '}
                {t('changes.by', { name: change.changedByName })} ·{' '}
                <time dateTime={change.at}>{labels.dateTime(change.at)}</time>
              </p>
              {change.summary.length > 0 && (
                <ul>
                  {change.summary.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
              <p>
                {t('changes.why')} <q>{change.reason}</q>
              </p>
            </li>
          ))}
        </ol>
      )}
      <p className="overview-links">
        <Link to="/policies/changes">{t('changes.all')}</Link>
      </p>
    </section>
  );
}
