import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterCheckSchedule } from '@waymark/shared';
import { checkKeys, checksApi } from './api';

/** How often the scheduled check runs (weekly by default) and on how many online devices. */
export function ScheduleForm() {
  const { t } = useTranslation('checks');
  const schedule = useQuery({ queryKey: checkKeys.schedule(), queryFn: checksApi.schedule });
  return (
    <section aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t('schedule.title')}</h2>
      <p className="hint">{t('schedule.hint')}</p>
      {schedule.isError && (
        <p role="alert" className="error">
          {schedule.error.message}
        </p>
      )}
      {schedule.data && <ScheduleFields initial={schedule.data} />}
    </section>
  );
}

function ScheduleFields({ initial }: { initial: FilterCheckSchedule }) {
  const { t } = useTranslation('checks');
  const queryClient = useQueryClient();
  const [everyDays, setEveryDays] = useState(initial.everyDays);
  const [sampleSize, setSampleSize] = useState(initial.sampleSize);
  const save = useMutation({
    mutationFn: checksApi.saveSchedule,
    onSuccess: (r) => queryClient.setQueryData(checkKeys.schedule(), r.schedule),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ everyDays, sampleSize });
  }
  return (
    <form onSubmit={submit} className="checks-schedule">
      <p>
        <label htmlFor="schedule-days">{t('schedule.everyDays')}</label>
        <br />
        <input
          id="schedule-days"
          type="number"
          min={0}
          max={90}
          required
          value={everyDays}
          onChange={(e) => setEveryDays(Number(e.target.value))}
        />
      </p>
      <p>
        <label htmlFor="schedule-sample">{t('schedule.sampleSize')}</label>
        <br />
        <input
          id="schedule-sample"
          type="number"
          min={1}
          max={100}
          required
          value={sampleSize}
          onChange={(e) => setSampleSize(Number(e.target.value))}
        />
      </p>
      {save.isError && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && <p role="status">{t('schedule.saved')}</p>}
      <button type="submit" disabled={save.isPending}>
        {t('schedule.save')}
      </button>
    </form>
  );
}
