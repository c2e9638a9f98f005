import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ALERTS_KEY, alertsApi } from './api';
import { EscalationSettings } from './EscalationSettings';
import { useAlertFormat } from './format';
import { WebhookPanel } from './WebhookPanel';
import './alerts.css';

/** The alerts that need acknowledging, and all the others; the escalation rule above them. */
export function AlertsPage() {
  const { t } = useTranslation('alerts');
  const role = useSession().data?.role;
  const allowed = can(role, 'acknowledge-alerts');
  const [show, setShow] = useState<'open' | 'all'>('open');
  const queryClient = useQueryClient();
  const alerts = useQuery({
    queryKey: [...ALERTS_KEY, show],
    queryFn: () => alertsApi.list(show),
    enabled: allowed,
  });
  const acknowledge = useMutation({
    mutationFn: alertsApi.acknowledge,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
  const f = useAlertFormat();
  const captionId = useId();

  if (!allowed)
    return (
      <section aria-labelledby="alerts-heading">
        <h1 id="alerts-heading">{t('title')}</h1>
        <p role="alert">{t('refused')}</p>
      </section>
    );

  return (
    <section aria-labelledby="alerts-heading" className="alerts-page">
      <h1 id="alerts-heading">{t('title')}</h1>
      <p>{t('intro')}</p>
      <fieldset className="alert-show">
        <legend>{t('show.legend')}</legend>
        {(['open', 'all'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="alert-show"
              value={s}
              checked={show === s}
              onChange={() => setShow(s)}
            />{' '}
            {t(`show.${s}`)}
          </label>
        ))}
      </fieldset>
      {alerts.isPending && <p>{t('loading')}</p>}
      {alerts.isError && (
        <p role="alert" className="error">
          {alerts.error.message}
        </p>
      )}
      {acknowledge.isError && (
        <p role="alert" className="error">
          {acknowledge.error.message}
        </p>
      )}
      {alerts.data?.length === 0 && <p>{show === 'open' ? t('noneOpen') : t('none')}</p>}
      {alerts.data && alerts.data.length > 0 && (
        <ScrollRegion className="alerts-table-scroll" labelledBy={captionId}>
          <table className="alerts-table" data-testid="alerts">
            <caption id={captionId}>{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.raised')}</th>
                <th scope="col">{t('table.pupil')}</th>
                <th scope="col">{t('table.about')}</th>
                <th scope="col">{t('table.count')}</th>
                <th scope="col">{t('table.withWhom')}</th>
                <th scope="col">{t('table.status')}</th>
                <th scope="col">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.map((a) => (
                <tr
                  key={a.id}
                  data-testid="alert-row"
                  className={a.acknowledgedAt ? undefined : 'alert-open'}
                >
                  <td>
                    <time dateTime={a.createdAt}>{f.when(a.createdAt)}</time>
                  </td>
                  <th scope="row">
                    {a.pupilLabel}
                    {a.className && <span className="alert-class">{a.className}</span>}
                  </th>
                  <td>
                    {f.about(a.topic)}{' '}
                    <span className={`alert-severity severity-${a.severity}`}>
                      {t(`severity.${a.severity}`)}
                    </span>
                  </td>
                  <td>{a.count}</td>
                  <td>{f.whom(a.escalatedTo)}</td>
                  <td>{f.status(a)}</td>
                  <td>
                    <div className="alert-actions">
                      <Link to={`/alerts/${a.id}`} aria-label={t('openLabel', { pupil: a.pupilLabel })}>
                        {t('open')}
                      </Link>
                      {!a.acknowledgedAt && (
                        <button
                          type="button"
                          aria-label={t('acknowledgeLabel', { pupil: a.pupilLabel })}
                          disabled={acknowledge.isPending}
                          onClick={() => acknowledge.mutate(a.id)}
                        >
                          {t('acknowledge')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <EscalationSettings editable={can(role, 'alert-settings')} />
      {can(role, 'alert-settings') && <WebhookPanel />}
    </section>
  );
}
