import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertSettings } from '@waymark/shared';
import { CheckField, Field } from '../../ui/Field';
import { ALERTS_KEY, alertsApi } from './api';

const KEY = [...ALERTS_KEY, 'settings'] as const;

/** How long an alert waits for acknowledgement before it goes further: the DSL sets it, others read it. */
export function EscalationSettings({ editable }: { editable: boolean }) {
  const { t } = useTranslation('alerts');
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: alertsApi.settings });
  const [minutes, setMinutes] = useState('10');
  const [anyTime, setAnyTime] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setMinutes(String(settings.data.escalationMinutes));
    setAnyTime(settings.data.escalationAnyTime);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (body: AlertSettings) => alertsApi.saveSettings(body),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
  const when = (s: AlertSettings) =>
    s.escalationAnyTime ? t('settings.atAnyHour') : t('settings.inSchoolHours');

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ escalationMinutes: Number(minutes), escalationAnyTime: anyTime });
  }

  if (!settings.data) return null;
  if (!editable)
    return (
      <p className="alert-settings-read">
        {t('settings.readOnly', { minutes: settings.data.escalationMinutes, when: when(settings.data) })}
      </p>
    );
  return (
    <form className="alert-settings" onSubmit={submit} aria-labelledby="alert-settings-heading">
      <h2 id="alert-settings-heading">{t('settings.title')}</h2>
      <Field
        id="escalation-minutes"
        label={t('settings.minutes')}
        hint={t('settings.minutesHint')}
        className="ui-field-stacked"
        hintClassName="hint"
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={1440}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        )}
      </Field>
      <CheckField id="escalation-any-time" label={t('settings.anyTime')} className="ui-check-line">
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={anyTime}
            onChange={(e) => setAnyTime(e.target.checked)}
          />
        )}
      </CheckField>
      {save.isError && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? t('settings.saving') : t('settings.save')}
      </button>{' '}
      {save.isSuccess && (
        <span className="alert-settings-saved">
          {t('settings.saved', { minutes: save.data.escalationMinutes, when: when(save.data) })}
        </span>
      )}
    </form>
  );
}
