import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { HealthSummary } from './HealthSummary';
import { useCanManageDevices, useDeviceHealth } from './use-device-health';
import './devices.css';

const SECTIONS = [
  { to: '/devices', key: 'list', end: true },
  { to: '/devices/health', key: 'health', end: false },
  { to: '/devices/tokens', key: 'tokens', end: false },
  { to: '/devices/deploy', key: 'deploy', end: false },
] as const;

/** The devices screens' frame: the health summary at the top, and the links between the screens. */
export function DevicesLayout() {
  const { t } = useTranslation('devices');
  const allowed = useCanManageDevices();
  const health = useDeviceHealth();
  if (!allowed) {
    return (
      <section aria-labelledby="devices-heading" className="devices">
        <h1 id="devices-heading">{t('title')}</h1>
        <p role="alert" className="devices-notice devices-notice-refused">
          {t('access.refused')}
        </p>
        <p>
          <Link to="/">{t('access.back')}</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="devices">
      <h1 id="devices-heading">{t('title')}</h1>
      <p className="devices-lead">{t('intro')}</p>
      {health.isError && (
        <p role="alert" className="error">
          {t('loadFailed', { message: health.error.message })}
        </p>
      )}
      {health.data ? (
        <HealthSummary report={health.data} />
      ) : (
        health.isPending && <p role="status">{t('loading')}</p>
      )}
      <nav aria-label={t('sections.label')} className="devices-subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <NavLink to={s.to} end={s.end}>
                {t(`sections.${s.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
