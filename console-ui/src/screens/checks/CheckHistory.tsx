import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FilterCheckRecord } from '@waymark/shared';
import { checkKeys, checksApi } from './api';
import { useWhen } from './format';

/** The result of a check in a few words: failures and gaps first. */
export function useCheckResult() {
  const { t } = useTranslation('checks');
  return (c: FilterCheckRecord) =>
    [
      c.failures > 0 ? t('history.failures', { count: c.failures }) : null,
      c.gaps > 0 ? t('history.gaps', { count: c.gaps }) : null,
      c.failures + c.gaps === 0 ? t('history.allPassed') : null,
      c.notChecked > 0 ? t('history.notChecked', { count: c.notChecked }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
}

/** Every check kept, newest first; those with failures not dealt with are marked open. */
export function CheckHistory() {
  const { t } = useTranslation('checks');
  const when = useWhen();
  const result = useCheckResult();
  const checks = useQuery({ queryKey: checkKeys.list(), queryFn: checksApi.list });
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
      {checks.isPending && <p role="status">{t('loading')}</p>}
      {checks.isError && (
        <p role="alert" className="error">
          {checks.error.message}
        </p>
      )}
      {checks.data?.length === 0 && <p>{t('history.none')}</p>}
      {checks.data && checks.data.length > 0 && (
        <table aria-labelledby="history-heading" data-testid="check-history" className="checks-table">
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.on')}</th>
              <th scope="col">{t('history.by')}</th>
              <th scope="col">{t('history.result')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.view')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {checks.data.map((c) => (
              <tr key={c.id} className={c.open ? 'checks-open' : undefined}>
                <th scope="row">{when(c.startedAt)}</th>
                <td>{c.targetLabel}</td>
                <td>{c.staffName ?? t('history.scheduled')}</td>
                <td>
                  {result(c)}
                  {c.failures + c.gaps > 0 && (
                    <>
                      {' '}
                      <span className={c.open ? 'checks-badge checks-badge-open' : 'checks-badge'}>
                        {c.open ? t('history.open') : t('history.resolved')}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  <Link
                    to={`/checks/${encodeURIComponent(c.id)}`}
                    aria-label={t('history.viewLabel', { when: when(c.startedAt), on: c.targetLabel })}
                  >
                    {t('history.view')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
