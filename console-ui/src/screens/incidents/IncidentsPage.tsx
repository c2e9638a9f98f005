import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { FILTER_KEYS, incidentApi, incidentKeys, type FilterKey, type IncidentFilter } from './api';
import { IncidentFilters } from './IncidentFilters';
import { IncidentTable } from './IncidentTable';
import './incidents.css';

/** The incident log: the DSL sees the school's, a teacher their own; filters live in the address. */
export function IncidentsPage() {
  const { t } = useTranslation('incidents');
  const me = useSession().data;
  const [params, setParams] = useSearchParams();
  const filter: IncidentFilter = Object.fromEntries(
    FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])),
  );
  const incidents = useQuery({
    queryKey: incidentKeys.list(filter),
    queryFn: () => incidentApi.list(filter),
    placeholderData: keepPreviousData,
  });
  const directory = useQuery({ queryKey: incidentKeys.directory, queryFn: incidentApi.directory });

  const setFilter = useCallback(
    (key: FilterKey, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const filtered = Object.keys(filter).length > 0;
  return (
    <section aria-labelledby="incidents-heading" className="incidents-screen incident-log">
      <div className="incident-heading">
        <div>
          <h1 id="incidents-heading">{t('title')}</h1>
          <p className="lead">{me && can(me.role, 'work-incident-log') ? t('intro.all') : t('intro.own')}</p>
        </div>
        {me && can(me.role, 'raise-incident') && (
          <Link to="/incidents/new" className="button-link">
            {t('newIncident')}
          </Link>
        )}
      </div>
      <IncidentFilters
        filter={filter}
        owners={directory.data?.staff ?? []}
        onChange={setFilter}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
      />
      {incidents.isError && (
        <p role="alert" className="error">
          {incidents.error.message}
        </p>
      )}
      <p role="status" className="incident-count" aria-busy={incidents.isFetching}>
        {incidents.isPending ? t('loading') : t('list.count', { count: incidents.data?.length ?? 0 })}
      </p>
      {incidents.data &&
        (incidents.data.length === 0 ? (
          <p className="empty">{filtered ? t('list.noMatch') : t('list.empty')}</p>
        ) : (
          <IncidentTable incidents={incidents.data} />
        ))}
    </section>
  );
}
