import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can, type StoredEvent } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { RaiseIncidentDialog, type RaisedIncident } from '../live/RaiseIncidentDialog';
import { ALERTS_KEY, alertsApi } from './api';
import { EventRows } from './EventRows';
import { useAlertFormat } from './format';
import '../live/live.css';
import './alerts.css';

/** One alert: where it stands, acknowledge it, the events it counted, the pupil's day, and "raise incident". */
export function AlertDetailPage() {
  const { alertId = '' } = useParams();
  const { t } = useTranslation('alerts');
  const role = useSession().data?.role;
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...ALERTS_KEY, 'detail', alertId],
    queryFn: () => alertsApi.detail(alertId),
    enabled: can(role, 'acknowledge-alerts'),
  });
  const acknowledge = useMutation({
    mutationFn: () => alertsApi.acknowledge(alertId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
  const markFalse = useMutation({
    mutationFn: (eventId: string) => alertsApi.markFalsePositive(eventId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
  const [raising, setRaising] = useState<StoredEvent | null>(null);
  const [raised, setRaised] = useState<RaisedIncident | undefined>();
  const f = useAlertFormat();

  const back = (
    <p>
      <Link to="/alerts">{t('detail.back')}</Link>
    </p>
  );
  if (!can(role, 'acknowledge-alerts'))
    return (
      <section aria-labelledby="alert-heading">
        {back}
        <h1 id="alert-heading">{t('title')}</h1>
        <p role="alert">{t('refused')}</p>
      </section>
    );
  if (detail.isPending) return <p>{t('loading')}</p>;
  if (detail.isError)
    return (
      <section aria-labelledby="alert-heading">
        {back}
        <h1 id="alert-heading">{t('title')}</h1>
        <p role="alert" className="error">
          {t('detail.notFound', { message: detail.error.message })}
        </p>
      </section>
    );
  const { alert, events, timeline } = detail.data;
  const latest = events[0];
  const falsePositives = {
    marked: new Set(detail.data.falsePositives),
    mark: can(role, 'mark-false-positive') ? (id: string) => markFalse.mutate(id) : undefined,
    pending: markFalse.isPending,
  };
  return (
    <section aria-labelledby="alert-heading" className="alerts-page alert-detail">
      {back}
      <h1 id="alert-heading">
        {t('detail.title', { about: f.about(alert.topic), pupil: alert.pupilLabel })}
      </h1>
      <section aria-labelledby="alert-summary-heading" className="alert-summary">
        <h2 id="alert-summary-heading" className="visually-hidden">
          {t('detail.summary')}
        </h2>
        <dl>
          <dt>{t('detail.pupil')}</dt>
          <dd>{alert.pupilLabel}</dd>
          <dt>{t('detail.class')}</dt>
          <dd>{alert.className ?? t('detail.noClass')}</dd>
          <dt>{t('detail.raised')}</dt>
          <dd>
            <time dateTime={alert.createdAt}>{f.when(alert.createdAt)}</time>
          </dd>
          <dt>{t('detail.severity')}</dt>
          <dd>{t(`severity.${alert.severity}`)}</dd>
          <dt>{t('detail.count')}</dt>
          <dd>{alert.count}</dd>
          <dt>{t('detail.withWhom')}</dt>
          <dd data-testid="alert-with">{f.whom(alert.escalatedTo)}</dd>
          <dt>{t('detail.escalations')}</dt>
          <dd>
            {alert.escalations.length
              ? alert.escalations
                  .map((e) => t('detail.escalation', { whom: f.whom(e.to), time: f.when(e.at) }))
                  .join('; ')
              : t('detail.neverEscalated')}
          </dd>
          <dt>{t('detail.status')}</dt>
          <dd data-testid="alert-status">{f.status(alert)}</dd>
        </dl>
        <div className="alert-detail-buttons">
          {!alert.acknowledgedAt && (
            <button type="button" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
              {acknowledge.isPending ? t('acknowledging') : t('acknowledge')}
            </button>
          )}
          {latest && can(role, 'raise-incident') && (
            <button type="button" className="secondary" onClick={() => setRaising(latest)}>
              {t('detail.raiseIncident')}
            </button>
          )}
        </div>
        {acknowledge.isError && (
          <p role="alert" className="error">
            {acknowledge.error.message}
          </p>
        )}
      </section>
      <h2 id="alert-events-heading">{t('detail.events')}</h2>
      {markFalse.isError && (
        <p role="alert" className="error">
          {markFalse.error.message}
        </p>
      )}
      <EventRows
        events={events}
        caption={t('detail.events')}
        testId="alert-events"
        falsePositives={falsePositives}
      />
      <h2 id="alert-timeline-heading">{t('detail.timeline')}</h2>
      {timeline.length ? (
        <EventRows
          events={timeline}
          caption={t('detail.timeline')}
          testId="alert-timeline"
          falsePositives={falsePositives}
        />
      ) : (
        <p>{t('detail.timelineNone')}</p>
      )}
      {/* The live screen's own dialog, with its styles. */}
      <div className="live-class">
        <RaiseIncidentDialog
          event={raising}
          saved={raised}
          onSaved={(_event, incident) => setRaised(incident)}
          onClose={() => setRaising(null)}
        />
      </div>
    </section>
  );
}
