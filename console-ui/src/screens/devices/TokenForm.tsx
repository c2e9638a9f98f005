import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROFILES,
  type CreateEnrollmentTokenBody,
  type CreatedEnrollmentToken,
  type DeviceClass,
  type Profile,
} from '@waymark/shared';
import { devicesApi } from './api';
import { Field } from '../../ui/Field';

/** `class:<id>` or `profile:<profile>`: one control says what enrolled devices belong to. */
function bindingOf(value: string): Pick<CreateEnrollmentTokenBody, 'classId' | 'profile'> {
  if (value.startsWith('class:')) return { classId: value.slice('class:'.length) };
  if (value.startsWith('profile:')) return { profile: value.slice('profile:'.length) as Profile };
  return {};
}

const optionalInt = (value: string) => (value.trim() === '' ? undefined : Number(value));

export function TokenForm({
  classes,
  onCreated,
}: {
  classes: DeviceClass[];
  onCreated: (token: CreatedEnrollmentToken) => void;
}) {
  const { t } = useTranslation('devices');
  const [label, setLabel] = useState('');
  const [binding, setBinding] = useState('');
  const [maxUses, setMaxUses] = useState('');
  const [expiresInDays, setExpiresInDays] = useState('');
  const create = useMutation({
    mutationFn: devicesApi.createToken,
    onSuccess: (token) => {
      setLabel('');
      setBinding('');
      setMaxUses('');
      setExpiresInDays('');
      onCreated(token);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      label: label.trim(),
      ...bindingOf(binding),
      maxUses: optionalInt(maxUses),
      expiresInDays: optionalInt(expiresInDays),
    });
  }

  return (
    <form className="token-form" onSubmit={submit} aria-labelledby="token-form-heading">
      <h3 id="token-form-heading">{t('tokens.createTitle')}</h3>
      <div className="token-form-fields">
        <Field
          id="token-label"
          label={t('tokens.label')}
          hint={t('tokens.labelHint')}
          hintClassName="devices-muted"
        >
          {(control) => (
            <input
              {...control}
              required
              maxLength={200}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="token-binding"
          label={t('tokens.for')}
          hint={t('tokens.forHint')}
          hintClassName="devices-muted"
        >
          {(control) => (
            <select {...control} value={binding} onChange={(e) => setBinding(e.target.value)}>
              <option value="">{t('tokens.forNothing')}</option>
              <optgroup label={t('tokens.classes')}>
                {classes.map((c) => (
                  <option key={c.id} value={`class:${c.id}`}>
                    {t('tokens.classOption', { name: c.name, profile: t(`profiles.${c.profile}`) })}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('tokens.profiles')}>
                {PROFILES.map((p) => (
                  <option key={p} value={`profile:${p}`}>
                    {t(`profiles.${p}`)}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field
          id="token-max-uses"
          label={t('tokens.maxUses')}
          hint={t('tokens.maxUsesHint')}
          hintClassName="devices-muted"
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={100000}
              value={maxUses}
              onChange={(e) => setMaxUses(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="token-expires"
          label={t('tokens.expiresInDays')}
          hint={t('tokens.expiresHint')}
          hintClassName="devices-muted"
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              value={expiresInDays}
              onChange={(e) => setExpiresInDays(e.target.value)}
            />
          )}
        </Field>
      </div>
      {create.isError && (
        <p role="alert" className="error">
          {t('tokens.createFailed', { message: create.error.message })}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? t('tokens.creating') : t('tokens.create')}
      </button>
    </form>
  );
}
