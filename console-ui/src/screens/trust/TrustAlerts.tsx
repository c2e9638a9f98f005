import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Alert, TrustAlert, TrustSchool } from '@waymark/shared';
import { openConsoleSocket } from '../../lib/console-socket';
import { trustApi } from './api';
import { useTrustFormat } from './format';
import { ScrollRegion } from '../../ui/ScrollRegion';

const KEY = ['trust', 'alerts'];

/** The latest alerts of every school; new ones arrive on the console socket as they are raised. */
export function TrustAlerts({ schools }: { schools: TrustSchool[] }) {
  const { t } = useTranslation('trust');
  const f = useTrustFormat();
  const queryClient = useQueryClient();
  const alerts = useQuery({ queryKey: KEY, queryFn: trustApi.alerts });

  useEffect(() => {
    const socket = openConsoleSocket();
    socket.on('alert', (alert: Alert) => {
      const schoolName = schools.find((s) => s.id === alert.schoolId)?.name ?? alert.schoolId;
      queryClient.setQueryData<TrustAlert[]>(KEY, (current = []) => [
        { ...alert, schoolName },
        ...current.filter((a) => a.id !== alert.id),
      ]);
    });
    return () => {
      socket.disconnect();
    };
  }, [queryClient, schools]);

  const topic = (key: string) =>
    key === 'concern' ? t('alerts.concern') : key === 'tamper' ? t('alerts.tamper') : f.category(key);

  return (
    <section aria-labelledby="trust-alerts-heading" className="trust-section">
      <h2 id="trust-alerts-heading">
        {t('alerts.title')} <span className="trust-badge trust-live">{t('alerts.live')}</span>
      </h2>
      <p>{t('alerts.intro')}</p>
      {alerts.isPending && <p>{t('loading')}</p>}
      {alerts.isError && <p role="alert">{alerts.error.message}</p>}
      {alerts.data?.length === 0 && <p>{t('alerts.none')}</p>}
      {alerts.data && alerts.data.length > 0 && (
        <ScrollRegion className="trust-table-scroll" label={t('alerts.caption')}>
          <table className="trust-table">
            <caption>{t('alerts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('alerts.when')}</th>
                <th scope="col">{t('alerts.school')}</th>
                <th scope="col">{t('alerts.pupil')}</th>
                <th scope="col">{t('alerts.topic')}</th>
                <th scope="col" className="numeric">
                  {t('alerts.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{f.dateTime(a.lastAt)}</th>
                  <td>{a.schoolName}</td>
                  <td>{a.pupilLabel}</td>
                  <td>{topic(a.topic)}</td>
                  <td className="numeric">{f.number(a.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
