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
import { CheckField, Field, FieldSet } from '../../ui/Field';
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
          <FieldSet id={field('status')} legend={t('work.status')} className="status-choice">
            {INCIDENT_STATUSES.map((s) => (
              <CheckField key={s} id={field(`status-${s}`)} label={t(`statuses.${s}`)} className="radio">
                {(control) => (
                  <input
                    {...control}
                    type="radio"
                    name={field('status')}
                    value={s}
                    checked={form.status === s}
                    onChange={() => set('status', s)}
                  />
                )}
              </CheckField>
            ))}
          </FieldSet>
          {closing && incident.illegal && !incident.countersignedBy && (
            <p className="warning">{t('work.closeNeedsCountersign')}</p>
          )}
          {closing && form.outcome.trim() === '' && <p className="warning">{t('work.closeNeedsOutcome')}</p>}
          <Field
            id={field('owner')}
            label={t('work.owner')}
            hint={
              signer
                ? t('work.countersignerApart', { name: incident.countersignedByName ?? signer })
                : undefined
            }
            hintClassName="hint"
          >
            {(control) => (
              <select
                {...control}
                value={form.ownerId ?? ''}
                onChange={(e) => set('ownerId', e.target.value || null)}
              >
                {incident.ownerId === null && <option value="">{t('work.ownerNobody')}</option>}
                {ownerChoices.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field-row">
            <Field id={field('severity')} label={t('work.severity')}>
              {(control) => (
                <select
                  {...control}
                  value={form.severity}
                  onChange={(e) => set('severity', e.target.value as WorkState['severity'])}
                >
                  {SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {t(`severities.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={field('category')} label={t('work.category')}>
              {(control) => (
                <select
                  {...control}
                  value={form.category}
                  onChange={(e) => set('category', e.target.value as WorkState['category'])}
                >
                  <CategoryOptions />
                </select>
              )}
            </Field>
          </div>
          <Field id={field('follow-up')} label={t('work.followUpDate')}>
            {(control) => (
              <div className="inline">
                <input
                  {...control}
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
            )}
          </Field>
        </>
      )}
      <FieldSet
        id={field('actions')}
        legend={t('work.actions')}
        hint={
          <>
            {incident.subject === 'staff' ? t('work.actionsHintStaff') : t('work.actionsHintPupil')}
            {!canWork && ` ${t('work.actionsLocked')}`}
          </>
        }
        className="actions-checklist"
        hintClassName="hint"
      >
        {actions.map((a) => {
          const locked = !canWork && incident.actions.includes(a);
          return (
            <CheckField key={a} id={field(`action-${a}`)} label={t(`actions.${a}`)}>
              {(control) => (
                <input
                  {...control}
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
              )}
            </CheckField>
          );
        })}
      </FieldSet>
      {canWork && (
        <Field id={field('outcome')} label={t('work.outcome')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.outcome}
              onChange={(e) => set('outcome', e.target.value)}
            />
          )}
        </Field>
      )}
      <Field id={field('note')} label={t('work.note')}>
        {(control) => (
          <textarea {...control} rows={2} value={form.note} onChange={(e) => set('note', e.target.value)} />
        )}
      </Field>
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
