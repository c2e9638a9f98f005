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
        <div className="field">
          <label htmlFor="token-label">{t('tokens.label')}</label>
          <input
            id="token-label"
            required
            maxLength={200}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            aria-describedby="token-label-hint"
          />
          <span id="token-label-hint" className="devices-muted">
            {t('tokens.labelHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="token-binding">{t('tokens.for')}</label>
          <select
            id="token-binding"
            value={binding}
            onChange={(e) => setBinding(e.target.value)}
            aria-describedby="token-binding-hint"
          >
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
          <span id="token-binding-hint" className="devices-muted">
            {t('tokens.forHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="token-max-uses">{t('tokens.maxUses')}</label>
          <input
            id="token-max-uses"
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            value={maxUses}
            onChange={(e) => setMaxUses(e.target.value)}
            aria-describedby="token-max-uses-hint"
          />
          <span id="token-max-uses-hint" className="devices-muted">
            {t('tokens.maxUsesHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="token-expires">{t('tokens.expiresInDays')}</label>
          <input
            id="token-expires"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={expiresInDays}
            onChange={(e) => setExpiresInDays(e.target.value)}
            aria-describedby="token-expires-hint"
          />
          <span id="token-expires-hint" className="devices-muted">
            {t('tokens.expiresHint')}
          </span>
        </div>
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
