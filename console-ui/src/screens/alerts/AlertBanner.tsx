import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ALERTS_KEY, alertsApi } from './api';
import { useAlertUpdates } from './use-alert-updates';

/**
 * On every screen of the console, for the people alerts go to: how many alerts nobody has
 * acknowledged yet, with the way to them. Screen readers hear the count change (polite).
 */
export function AlertBanner() {
  const { t } = useTranslation('alerts');
  const { pathname } = useLocation();
  useAlertUpdates(true);
  const open = useQuery({ queryKey: [...ALERTS_KEY, 'open'], queryFn: () => alertsApi.list('open') });
  const count = open.data?.length ?? 0;
  const onAlerts = pathname === '/alerts';
  return (
    <div aria-live="polite" className="alert-banner-slot">
      {count > 0 && (
        <section className="alert-banner" aria-label={t('banner.label')} data-testid="alert-banner">
          <p>
            <span className="alert-banner-icon" aria-hidden="true">
              !
            </span>
            {t('banner.text', { count })}
          </p>
          {!onAlerts && <Link to="/alerts">{t('banner.link')}</Link>}
        </section>
      )}
    </div>
  );
}
