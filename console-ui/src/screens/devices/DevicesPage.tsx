import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DeviceTable } from './DeviceTable';
import {
  filterParams,
  matchesFilter,
  NO_CLASS,
  readFilter,
  SHOW_OPTIONS,
  type DeviceFilter,
} from './device-filter';
import { useDeviceFormatters } from './format';
import { useDeviceClasses, useDeviceHealth } from './use-device-health';

/** Every device of the school, filtered by what the technician is looking for. */
export function DevicesPage() {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  const health = useDeviceHealth();
  const classes = useDeviceClasses();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const update = (change: Partial<DeviceFilter>) =>
    setParams(filterParams({ ...filter, ...change }), { replace: true });

  const all = health.data?.devices;
  const search = params.toString();
  const shown = useMemo(() => {
    const current = readFilter(new URLSearchParams(search));
    return (all ?? []).filter((d) => matchesFilter(d, current));
  }, [all, search]);

  return (
    <section aria-labelledby="device-list-heading">
      <h2 id="device-list-heading">{t('list.title')}</h2>
      <form className="device-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="device-search">{t('list.search')}</label>
          <input
            id="device-search"
            type="search"
            value={filter.query}
            placeholder={t('list.searchPlaceholder')}
            onChange={(e) => update({ query: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="device-show">{t('list.show')}</label>
          <select
            id="device-show"
            value={filter.show}
            onChange={(e) => update({ show: e.target.value as DeviceFilter['show'] })}
          >
            {SHOW_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`show.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="device-class">{t('list.class')}</label>
          <select
            id="device-class"
            value={filter.classId}
            onChange={(e) => update({ classId: e.target.value })}
          >
            <option value="">{t('list.allClasses')}</option>
            {classes.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={NO_CLASS}>{t('list.noClass')}</option>
          </select>
        </div>
        {(filter.query || filter.show !== 'all' || filter.classId) && (
          <button type="button" className="secondary" onClick={() => setParams({}, { replace: true })}>
            {t('list.clear')}
          </button>
        )}
      </form>
      {health.data &&
        (health.data.devices.length === 0 ? (
          <div className="devices-empty">
            <p>{t('list.none')}</p>
          </div>
        ) : (
          <>
            <DeviceTable
              report={health.data}
              devices={shown}
              caption={t('list.caption', {
                shown: format.number(shown.length),
                total: format.number(health.data.devices.length),
              })}
            />
            {shown.length === 0 && <p className="devices-empty">{t('list.noMatch')}</p>}
          </>
        ))}
    </section>
  );
}
