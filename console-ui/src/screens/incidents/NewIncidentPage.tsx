import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  isIllegalCategory,
  SEVERITIES,
  type IncidentCategory,
  type RaiseIncidentBody,
  type Severity,
} from '@waymark/shared';
import { incidentApi, incidentKeys } from './api';
import './incidents.css';
import { CategoryOptions } from './CategoryOptions';

const NOT_LISTED = '__not-listed__';

/** `datetime-local` wants the local time without a zone. */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset(), 0, 0);
  return now.toISOString().slice(0, 16);
}

/** Raise an incident from scratch: about a pupil (from the viewer's classes, or named) or a member of staff. */
export function NewIncidentPage() {
  const { t } = useTranslation('incidents');
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const directory = useQuery({ queryKey: incidentKeys.directory, queryFn: incidentApi.directory });
  const [subject, setSubject] = useState<'pupil' | 'staff'>('pupil');
  const [pupil, setPupil] = useState('');
  const [personName, setPersonName] = useState('');
  const [category, setCategory] = useState<IncidentCategory | ''>('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [occurredAt, setOccurredAt] = useState(localNow);
  const [description, setDescription] = useState('');
  const [attempted, setAttempted] = useState(false);
  const raise = useMutation({
    mutationFn: (body: RaiseIncidentBody) => incidentApi.raise(body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      navigate(`/incidents/${created.incident.id}`, { state: { raised: true } });
    },
  });

  const pupils = directory.data?.pupils ?? [];
  const classes = [...new Map(pupils.map((p) => [p.classId, p.className])).entries()];
  const named = subject === 'staff' || pupil === NOT_LISTED || (pupils.length === 0 && !directory.isPending);
  const field = (name: string) => `${id}-${name}`;

  // What is still missing, shown once someone has tried to raise it and updated as they fix it.
  const missing = [
    ...((named ? personName.trim() : pupil) ? [] : [t('create.missingPerson')]),
    ...(category ? [] : [t('create.missingCategory')]),
    ...(description.trim() ? [] : [t('create.missingDescription')]),
  ];
  const problems = attempted ? missing : [];

  function submit() {
    setAttempted(true);
    if (missing.length > 0 || !category) return;
    raise.mutate({
      subject,
      ...(named ? { personName: personName.trim() } : { pupilEmail: pupil }),
      category,
      severity,
      description: description.trim(),
      occurredAt: new Date(occurredAt).toISOString(),
    });
  }

  return (
    <section aria-labelledby="new-incident-heading" className="incidents-screen incident-new">
      <p>
        <Link to="/incidents">{t('backToLog')}</Link>
      </p>
      <h1 id="new-incident-heading">{t('create.title')}</h1>
      <p className="lead">{t('create.intro')}</p>
      <form
        className="incident-card new-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="subject-choice">
          <legend>{t('create.subject')}</legend>
          {(['pupil', 'staff'] as const).map((s) => (
            <div className="radio" key={s}>
              <input
                id={field(`subject-${s}`)}
                type="radio"
                name={field('subject')}
                checked={subject === s}
                onChange={() => setSubject(s)}
              />
              <label htmlFor={field(`subject-${s}`)}>{t(`subjects.${s}`)}</label>
            </div>
          ))}
        </fieldset>
        {subject === 'pupil' && pupils.length > 0 && (
          <div className="field">
            <label htmlFor={field('pupil')}>{t('create.pupil')}</label>
            <select id={field('pupil')} value={pupil} onChange={(e) => setPupil(e.target.value)} required>
              <option value="">{t('create.choosePupil')}</option>
              {classes.map(([classId, className]) => (
                <optgroup key={classId} label={className}>
                  {pupils
                    .filter((p) => p.classId === classId)
                    .map((p) => (
                      <option key={p.email} value={p.email}>
                        {p.name}
                      </option>
                    ))}
                </optgroup>
              ))}
              <option value={NOT_LISTED}>{t('create.notListed')}</option>
            </select>
          </div>
        )}
        {named && (
          <div className="field">
            <label htmlFor={field('person')}>
              {subject === 'staff' ? t('create.staffName') : t('create.personName')}
            </label>
            <input
              id={field('person')}
              type="text"
              autoComplete="off"
              value={personName}
              aria-describedby={field('person-hint')}
              onChange={(e) => setPersonName(e.target.value)}
              required
            />
            <span id={field('person-hint')} className="hint">
              {t('create.personNameHint')}
            </span>
          </div>
        )}
        <div className="field-row">
          <div className="field">
            <label htmlFor={field('category')}>{t('create.category')}</label>
            <select
              id={field('category')}
              value={category}
              onChange={(e) => setCategory(e.target.value as IncidentCategory | '')}
              required
            >
              <option value="">{t('create.chooseCategory')}</option>
              <CategoryOptions />
            </select>
          </div>
          <div className="field">
            <label htmlFor={field('occurred')}>{t('create.occurredAt')}</label>
            <input
              id={field('occurred')}
              type="datetime-local"
              value={occurredAt}
              max={localNow()}
              onChange={(e) => setOccurredAt(e.target.value)}
            />
          </div>
        </div>
        {isIllegalCategory(category) && <p className="warning">{t('create.illegalWarning')}</p>}
        <fieldset className="severity-choice">
          <legend>{t('create.severity')}</legend>
          {SEVERITIES.map((s) => (
            <div className="radio" key={s}>
              <input
                id={field(`severity-${s}`)}
                type="radio"
                name={field('severity')}
                checked={severity === s}
                onChange={() => setSeverity(s)}
              />
              <label htmlFor={field(`severity-${s}`)}>{t(`severities.${s}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={field('description')}>{t('create.description')}</label>
          <textarea
            id={field('description')}
            rows={6}
            value={description}
            aria-describedby={field('description-hint')}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
          <span id={field('description-hint')} className="hint">
            {t('create.descriptionHint')}
          </span>
        </div>
        {problems.length > 0 && (
          <div role="alert" className="error form-problems">
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {raise.isError && (
          <p role="alert" className="error">
            {t('create.refused', { message: raise.error.message })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={raise.isPending}>
            {raise.isPending ? t('create.submitting') : t('create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
