import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type IncidentDetail, type Staff } from '@waymark/shared';
import { incidentApi, incidentKeys } from './api';
import { useIncidentFormat } from './format';
import { countersignedAt } from './history-entries';

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

/**
 * The illegal-content procedure (docs/architecture.md, "Events") as numbered steps. The police
 * step shows whether it is recorded; the last step is the countersignature, which only a second senior member of staff
 * (a DSL who neither raised nor owns the incident) can give, and without which it cannot close.
 */
export function IllegalProcedure({ detail, me }: { detail: IncidentDetail; me: Staff }) {
  const { t } = useTranslation('incidents');
  const format = useIncidentFormat();
  const queryClient = useQueryClient();
  const confirmId = useId();
  const [confirmed, setConfirmed] = useState(false);
  const { incident } = detail;
  const countersign = useMutation({
    mutationFn: () => incidentApi.countersign(incident.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(incidentKeys.detail(incident.id), updated);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    },
  });
  const signedAt = countersignedAt(detail.history);
  const senior = can(me.role, 'work-incident-log');
  const involved = me.id === incident.createdBy || me.id === incident.ownerId;

  return (
    <section aria-labelledby="incident-procedure-heading" className="incident-card procedure">
      <h2 id="incident-procedure-heading">{t('procedure.title')}</h2>
      <p>{t('procedure.intro')}</p>
      <ol className="procedure-steps" aria-label={t('procedure.steps')}>
        {STEPS.map((step) => (
          <li key={step} data-testid={`procedure-${step}`}>
            <span className="step-text">{t(`procedure.${step}`)}</span>
            {step === 'step3' && (
              <span className={incident.actions.includes('refer-police') ? 'step-done' : 'step-pending'}>
                {incident.actions.includes('refer-police')
                  ? t('procedure.policeRecorded')
                  : t('procedure.policeNotRecorded')}
              </span>
            )}
            {step === 'step4' &&
              (incident.countersignedBy ? (
                <span className="step-done">
                  {t('procedure.countersignedBy', {
                    name: incident.countersignedByName ?? incident.countersignedBy,
                    when: signedAt ? format.dateTime(signedAt) : '',
                  })}
                </span>
              ) : (
                <span className="step-pending">{t('procedure.waiting')}</span>
              ))}
          </li>
        ))}
      </ol>
      {!incident.countersignedBy && senior && involved && (
        <p className="muted">{t('procedure.ownerCannot')}</p>
      )}
      {!incident.countersignedBy && senior && !involved && (
        <form
          className="countersign"
          onSubmit={(e) => {
            e.preventDefault();
            countersign.mutate();
          }}
        >
          <div className="checkbox">
            <input
              id={confirmId}
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            <label htmlFor={confirmId}>{t('procedure.confirm')}</label>
          </div>
          <button type="submit" disabled={!confirmed || countersign.isPending}>
            {countersign.isPending ? t('procedure.countersigning') : t('procedure.countersign')}
          </button>
        </form>
      )}
      {countersign.isError && (
        <p role="alert" className="error">
          {t('work.refused', { message: countersign.error.message })}
        </p>
      )}
      <p role="status" className="success">
        {countersign.isSuccess ? t('procedure.done') : ''}
      </p>
    </section>
  );
}
