import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '@waymark/shared';
import { countersignedAt } from './history-entries';
import { isFollowUpDue, useIncidentFormat } from './format';

/** The record at a glance: who, what, when, who owns it, and what has been done and decided. */
export function IncidentSummary({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation('incidents');
  const format = useIncidentFormat();
  const { incident } = detail;
  const signedAt = countersignedAt(detail.history);

  return (
    <section aria-labelledby="incident-summary-heading" className="incident-card">
      <h2 id="incident-summary-heading">{t('detail.summary')}</h2>
      <dl className="incident-facts">
        <div>
          <dt>{t('detail.about')}</dt>
          <dd>
            {incident.personName ?? incident.pupilEmail}
            <span className="about-detail">
              {[t(`subjects.${incident.subject}`), incident.personName && incident.pupilEmail]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </dd>
        </div>
        {incident.className && (
          <div>
            <dt>{t('detail.class')}</dt>
            <dd>{incident.className}</dd>
          </div>
        )}
        <div>
          <dt>{t('detail.category')}</dt>
          <dd>{t(`categories.${incident.category}`)}</dd>
        </div>
        <div>
          <dt>{t('detail.occurredAt')}</dt>
          <dd>{format.dateTime(incident.occurredAt)}</dd>
        </div>
        <div>
          <dt>{t('detail.raisedBy')}</dt>
          <dd>
            {t('detail.raisedByOn', {
              name: incident.createdByName ?? incident.createdBy,
              when: format.dateTime(incident.createdAt),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('detail.owner')}</dt>
          <dd>{incident.ownerName ?? t('detail.none')}</dd>
        </div>
        <div>
          <dt>{t('detail.followUpDate')}</dt>
          <dd className={isFollowUpDue(incident) ? 'due-text' : undefined}>
            {incident.followUpDate
              ? isFollowUpDue(incident)
                ? t('detail.followUpDue', { date: format.day(incident.followUpDate) })
                : format.day(incident.followUpDate)
              : t('detail.none')}
          </dd>
        </div>
        {incident.illegal && (
          <div>
            <dt>{t('detail.countersigned')}</dt>
            <dd>
              {incident.countersignedBy
                ? t('procedure.countersignedBy', {
                    name: incident.countersignedByName ?? incident.countersignedBy,
                    when: signedAt ? format.dateTime(signedAt) : '',
                  })
                : t('detail.none')}
            </dd>
          </div>
        )}
      </dl>
      <h3>{t('detail.description')}</h3>
      <p className="incident-text">{incident.description}</p>
      <h3>{t('detail.actionsTaken')}</h3>
      {incident.actions.length === 0 ? (
        <p className="muted">{t('detail.noActions')}</p>
      ) : (
        <ul className="incident-actions-done">
          {incident.actions.map((a) => (
            <li key={a}>{t(`actions.${a}`)}</li>
          ))}
        </ul>
      )}
      <h3>{t('detail.outcome')}</h3>
      {incident.outcome ? (
        <p className="incident-text">{incident.outcome}</p>
      ) : (
        <p className="muted">{t('detail.noOutcome')}</p>
      )}
    </section>
  );
}
