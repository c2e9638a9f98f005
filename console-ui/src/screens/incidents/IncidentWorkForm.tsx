import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_STATUSES,
  PUPIL_ACTIONS,
  SEVERITIES,
  STAFF_ACTIONS,
  type IncidentAction,
  type IncidentChangeBody,
  type IncidentDirectory,
  type IncidentRecord,
} from '@waymark/shared';
import { changeBody, workStateOf, type WorkState } from './work-changes';
import { CategoryOptions } from './CategoryOptions';

interface Props {
  incident: IncidentRecord;
  /** The DSL works the whole record; others (who raised it, the class teacher) tick actions and add notes. */
  canWork: boolean;
  owners: IncidentDirectory['staff'];
  saving: boolean;
  onSave(body: IncidentChangeBody): void;
}

/**
 * Every field of the record that can change, saved together as one change (one history entry).
 * Remounted by the page after each save, so it always starts from the record as saved.
 */
export function IncidentWorkForm({ incident, canWork, owners, saving, onSave }: Props) {
  const { t } = useTranslation('incidents');
  const id = useId();
  const saved = workStateOf(incident);
  const [form, setForm] = useState<WorkState>(saved);
  const set = <K extends keyof WorkState>(key: K, value: WorkState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const body = changeBody(saved, form);
  const matrix: Record<string, string> = incident.subject === 'staff' ? STAFF_ACTIONS : PUPIL_ACTIONS;
  // Actions already recorded from the other matrix stay visible (and can be unticked by the DSL).
  const actions = [...new Set([...Object.keys(matrix), ...incident.actions])] as IncidentAction[];
  const closing = form.status === 'closed' && incident.status !== 'closed';
  const field = (name: string) => `${id}-${name}`;
  // docs/architecture.md, "Incidents": the countersigner never owns an illegal-content incident.
  const signer = incident.illegal ? incident.countersignedBy : null;
  const ownerChoices = (
    incident.ownerId && !owners.some((o) => o.id === incident.ownerId)
      ? [{ id: incident.ownerId, name: incident.ownerName ?? incident.ownerId }, ...owners]
      : owners
  ).filter((o) => o.id !== signer || o.id === incident.ownerId);

  return (
    <form
      className="incident-card work-form"
      aria-labelledby={field('heading')}
      onSubmit={(e) => {
        e.preventDefault();
        if (body) onSave(body);
      }}
    >
      <h2 id={field('heading')}>{t('work.title')}</h2>
      {!canWork && <p className="muted">{t('work.readOnlyHint')}</p>}
      {canWork && (
        <>
          <fieldset className="status-choice">
            <legend>{t('work.status')}</legend>
            {INCIDENT_STATUSES.map((s) => (
              <div className="radio" key={s}>
                <input
                  id={field(`status-${s}`)}
                  type="radio"
                  name={field('status')}
                  value={s}
                  checked={form.status === s}
                  onChange={() => set('status', s)}
                />
                <label htmlFor={field(`status-${s}`)}>{t(`statuses.${s}`)}</label>
              </div>
            ))}
          </fieldset>
          {closing && incident.illegal && !incident.countersignedBy && (
            <p className="warning">{t('work.closeNeedsCountersign')}</p>
          )}
          {closing && form.outcome.trim() === '' && <p className="warning">{t('work.closeNeedsOutcome')}</p>}
          <div className="field">
            <label htmlFor={field('owner')}>{t('work.owner')}</label>
            <select
              id={field('owner')}
              value={form.ownerId ?? ''}
              onChange={(e) => set('ownerId', e.target.value || null)}
              aria-describedby={signer ? field('owner-apart') : undefined}
            >
              {incident.ownerId === null && <option value="">{t('work.ownerNobody')}</option>}
              {ownerChoices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {signer && (
              <p className="hint" id={field('owner-apart')}>
                {t('work.countersignerApart', { name: incident.countersignedByName ?? signer })}
              </p>
            )}
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={field('severity')}>{t('work.severity')}</label>
              <select
                id={field('severity')}
                value={form.severity}
                onChange={(e) => set('severity', e.target.value as WorkState['severity'])}
              >
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`severities.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={field('category')}>{t('work.category')}</label>
              <select
                id={field('category')}
                value={form.category}
                onChange={(e) => set('category', e.target.value as WorkState['category'])}
              >
                <CategoryOptions />
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor={field('follow-up')}>{t('work.followUpDate')}</label>
            <div className="inline">
              <input
                id={field('follow-up')}
                type="date"
                value={form.followUpDate}
                onChange={(e) => set('followUpDate', e.target.value)}
              />
              {form.followUpDate && (
                <button type="button" className="secondary small" onClick={() => set('followUpDate', '')}>
                  {t('work.clearFollowUp')}
                </button>
              )}
            </div>
          </div>
        </>
      )}
      <fieldset className="actions-checklist" aria-describedby={field('actions-hint')}>
        <legend>{t('work.actions')}</legend>
        <p id={field('actions-hint')} className="hint">
          {incident.subject === 'staff' ? t('work.actionsHintStaff') : t('work.actionsHintPupil')}
          {!canWork && ` ${t('work.actionsLocked')}`}
        </p>
        {actions.map((a) => {
          const locked = !canWork && incident.actions.includes(a);
          return (
            <div className="checkbox" key={a}>
              <input
                id={field(`action-${a}`)}
                type="checkbox"
                checked={form.actions.includes(a)}
                disabled={locked}
                onChange={(e) =>
                  set(
                    'actions',
                    e.target.checked ? [...form.actions, a] : form.actions.filter((x) => x !== a),
                  )
                }
              />
              <label htmlFor={field(`action-${a}`)}>{t(`actions.${a}`)}</label>
            </div>
          );
        })}
      </fieldset>
      {canWork && (
        <div className="field">
          <label htmlFor={field('outcome')}>{t('work.outcome')}</label>
          <textarea
            id={field('outcome')}
            rows={3}
            value={form.outcome}
            onChange={(e) => set('outcome', e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={field('note')}>{t('work.note')}</label>
        <textarea
          id={field('note')}
          rows={2}
          value={form.note}
          onChange={(e) => set('note', e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={!body || saving} aria-describedby={field('save-hint')}>
          {saving ? t('work.saving') : t('work.save')}
        </button>
        <span id={field('save-hint')} className="hint">
          {body ? '' : t('work.nothingChanged')}
        </span>
      </div>
    </form>
  );
}
