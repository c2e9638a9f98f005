import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterCheckRecord } from '@waymark/shared';
import { checkKeys, checksApi } from './api';
import { useWhen } from './format';

/** What was done about a check's failures: each note kept with who and when. */
export function FollowUps({ check }: { check: FilterCheckRecord }) {
  const { t } = useTranslation('checks');
  const when = useWhen();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [resolved, setResolved] = useState(false);
  const record = useMutation({
    mutationFn: () => checksApi.followUp(check.id, { note, resolved }),
    onSuccess: (updated) => {
      queryClient.setQueryData(checkKeys.one(check.id), updated);
      void queryClient.invalidateQueries({ queryKey: checkKeys.list() });
      setNote('');
      setResolved(false);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    record.mutate();
  }
  return (
    <section aria-labelledby="follow-up-heading" className="checks-follow-ups">
      <h2 id="follow-up-heading">{t('followUp.title')}</h2>
      {check.followUps.length === 0 ? (
        <p>{t('followUp.none')}</p>
      ) : (
        <ul data-testid="follow-ups">
          {check.followUps.map((f) => (
            <li key={f.id}>
              <p>{f.note}</p>
              <p className="hint">
                {t('followUp.by', { name: f.staffName, when: when(f.at) })}
                {f.resolved && <strong> · {t('followUp.resolvedMark')}</strong>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <p>
          <label htmlFor="follow-up-note">{t('followUp.note')}</label>
          <br />
          <textarea
            id="follow-up-note"
            required
            minLength={3}
            maxLength={2000}
            rows={3}
            cols={60}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </p>
        <p>
          <label>
            <input type="checkbox" checked={resolved} onChange={(e) => setResolved(e.target.checked)} />{' '}
            {t('followUp.resolved')}
          </label>
        </p>
        {record.isError && (
          <p role="alert" className="error">
            {record.error.message}
          </p>
        )}
        {record.isSuccess && <p role="status">{t('followUp.saved')}</p>}
        <button type="submit" disabled={record.isPending}>
          {t('followUp.submit')}
        </button>
      </form>
    </section>
  );
}
