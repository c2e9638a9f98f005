import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PROFILES, type FilterCheckTarget, type Profile } from '@waymark/shared';
import { checkKeys, checksApi } from './api';

type Kind = FilterCheckTarget['kind'];

/** Chooses what to check (a class, a profile or devices) and runs the check; its result opens. */
export function RunCheckForm() {
  const { t } = useTranslation('checks');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const targets = useQuery({ queryKey: checkKeys.targets(), queryFn: checksApi.targets });
  const [kind, setKind] = useState<Kind>('class');
  const [classId, setClassId] = useState('');
  const [profile, setProfile] = useState<Profile>('KS1');
  const [deviceIds, setDeviceIds] = useState<string[]>([]);
  const run = useMutation({
    mutationFn: checksApi.run,
    onSuccess: (check) => {
      queryClient.setQueryData(checkKeys.one(check.id), check);
      void queryClient.invalidateQueries({ queryKey: checkKeys.list() });
      navigate(`/checks/${encodeURIComponent(check.id)}`);
    },
  });

  const classes = targets.data?.classes ?? [];
  const chosenClass = classId || classes[0]?.id || '';

  function submit(e: FormEvent) {
    e.preventDefault();
    const target: FilterCheckTarget =
      kind === 'class'
        ? { kind, classId: chosenClass }
        : kind === 'profile'
          ? { kind, profile }
          : { kind, deviceIds };
    run.mutate(target);
  }

  return (
    <form onSubmit={submit} aria-labelledby="run-heading" className="checks-run">
      <h2 id="run-heading">{t('run.title')}</h2>
      <fieldset>
        <legend>{t('run.on')}</legend>
        {(['class', 'profile', 'devices'] as const).map((k) => (
          <label key={k} className="checks-choice">
            <input
              type="radio"
              name="check-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {t(`run.${k}`)}
          </label>
        ))}
      </fieldset>
      {targets.isError && (
        <p role="alert" className="error">
          {targets.error.message}
        </p>
      )}
      {kind === 'class' && (
        <p>
          <label htmlFor="check-class">{t('run.classLabel')}</label>
          <br />
          <select id="check-class" value={chosenClass} onChange={(e) => setClassId(e.target.value)}>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.profile})
              </option>
            ))}
          </select>
        </p>
      )}
      {kind === 'profile' && (
        <p>
          <label htmlFor="check-profile">{t('run.profileLabel')}</label>
          <br />
          <select id="check-profile" value={profile} onChange={(e) => setProfile(e.target.value as Profile)}>
            {PROFILES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </p>
      )}
      {kind === 'devices' && (
        <fieldset className="checks-devices">
          <legend>{t('run.devicesLabel')}</legend>
          {targets.data?.devices.length === 0 && <p>{t('run.noDevices')}</p>}
          {targets.data?.devices.map((d) => (
            <label key={d.id} className="checks-choice">
              <input
                type="checkbox"
                checked={deviceIds.includes(d.id)}
                onChange={(e) =>
                  setDeviceIds((ids) => (e.target.checked ? [...ids, d.id] : ids.filter((id) => id !== d.id)))
                }
              />{' '}
              {d.name}
              {d.className ? ` · ${d.className}` : ''} · {d.online ? t('run.online') : t('run.offline')}
            </label>
          ))}
        </fieldset>
      )}
      {run.isError && (
        <p role="alert" className="error">
          {run.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={
          run.isPending ||
          (kind === 'devices' && deviceIds.length === 0) ||
          (kind === 'class' && !chosenClass)
        }
      >
        {run.isPending ? t('run.running') : t('run.submit')}
      </button>
      {run.isPending && (
        <span role="status" className="visually-hidden">
          {t('run.running')}
        </span>
      )}
    </form>
  );
}
