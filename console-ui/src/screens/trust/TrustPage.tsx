import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { trustApi, type Period } from './api';
import { PeriodForm } from './PeriodForm';
import { SchoolsChart } from './SchoolsChart';
import { SchoolsTable } from './SchoolsTable';
import { TrustAlerts } from './TrustAlerts';
import { TrustIncidents } from './TrustIncidents';
import './trust.css';

/** The trust's own view: its schools side by side, and (for its safeguarding lead) their logs and alerts. */
export function TrustPage() {
  const { t } = useTranslation('trust');
  const session = useSession();
  const [period, setPeriod] = useState<Period>({});
  const overview = useQuery({
    queryKey: ['trust', 'overview', period],
    queryFn: () => trustApi.overview(period),
    placeholderData: keepPreviousData,
  });
  const role = session.data?.role;
  const schools = overview.data?.schools ?? [];

  return (
    <div className="trust">
      <h1>{t('title', { trust: overview.data?.trust.name ?? session.data?.trustName ?? '' })}</h1>
      <p className="trust-intro">{t('intro')}</p>
      {overview.isPending && <p>{t('loading')}</p>}
      {overview.isError && <p role="alert">{overview.error.message}</p>}
      {overview.data && (
        <>
          <PeriodForm
            key={`${overview.data.from}/${overview.data.to}`}
            from={overview.data.from}
            to={overview.data.to}
            onChange={setPeriod}
          />
          <section aria-label={t('schools.caption', { from: overview.data.from, to: overview.data.to })}>
            <SchoolsTable overview={overview.data} showPupils={can(role, 'see-trust-pupil-names')} />
            <SchoolsChart overview={overview.data} />
          </section>
        </>
      )}
      {can(role, 'oversee-trust-safeguarding') && overview.data && (
        <div className="trust-columns">
          <TrustIncidents schools={schools} />
          <TrustAlerts schools={schools} />
        </div>
      )}
    </div>
  );
}
