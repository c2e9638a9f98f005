import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { usePolicyAccess } from './access';
import { policiesApi, policyKeys } from './api';
import { useDateTimeFormat } from './format';
import { TestSearchBox } from './TestSearchBox';
import { TestUrlBox } from './TestUrlBox';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** The profiles at a glance, each with a link to edit it, and "test a web address". */
export function PoliciesPage() {
  const { t } = useTranslation('policies');
  const captionId = useId();
  const { canEdit } = usePolicyAccess();
  const formatDate = useDateTimeFormat();
  const profiles = useQuery({
    queryKey: policyKeys.profiles(),
    queryFn: policiesApi.profiles,
    enabled: canEdit,
  });
  // Governors read the change-control log; the profiles themselves are for those who edit them.
  if (!canEdit) return <Navigate to="/policies/changes" replace />;

  return (
    <section aria-labelledby="policies-heading">
      <h1 id="policies-heading">{t('title')}</h1>
      <p className="pol-lead">{t('overview.intro')}</p>
      {profiles.isPending && <p role="status">{t('overview.loading')}</p>}
      {profiles.isError && (
        <p role="alert" className="error">
          {profiles.error.message}
        </p>
      )}
      {profiles.data && (
        <ScrollRegion className="pol-table-scroll" labelledBy={captionId}>
          <table className="pol-data-table pol-profiles-table">
            <caption id={captionId}>{t('overview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.profile')}</th>
                <th scope="col">{t('overview.filtering')}</th>
                <th scope="col">{t('overview.lists')}</th>
                <th scope="col">{t('overview.version')}</th>
                <th scope="col">{t('overview.lastChanged')}</th>
              </tr>
            </thead>
            <tbody>
              {profiles.data.map((p) => (
                <tr key={p.profile}>
                  <th scope="row">
                    <Link
                      to={`/policies/${p.profile}`}
                      aria-label={t('overview.edit', { profile: p.profile })}
                    >
                      {p.profile}
                    </Link>
                    <span className="pol-muted">{t(`profiles.${p.profile}`)}</span>
                  </th>
                  <td>{t(`modes.${p.mode}`)}</td>
                  <td>
                    {t('overview.listCounts', { allow: p.allowCount, block: p.blockCount })}
                    <span className="pol-muted pol-block">
                      {t('overview.categoriesBlocked', { count: p.blockedCategoryCount })}
                    </span>
                  </td>
                  <td>{p.version}</td>
                  <td>
                    {t('overview.changedBy', { when: formatDate(p.updatedAt), who: p.updatedBy ?? '—' })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <TestUrlBox />
      <TestSearchBox />
    </section>
  );
}
