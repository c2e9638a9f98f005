import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rosterSyncContract, type SchoolCalendarBody } from '@waymark/shared';
import { call } from '../../lib/call';

const KEY = ['roster', 'calendar'] as const;
type Entry = SchoolCalendarBody['entries'][number];

/** The school's terms and holidays, and whether its timetable runs over one week or two. */
export function CalendarPanel() {
  const { t } = useTranslation('roster');
  const id = useId();
  const queryClient = useQueryClient();
  const calendar = useQuery({
    queryKey: KEY,
    queryFn: () => call(rosterSyncContract.calendar),
  });
  const [entries, setEntries] = useState<Entry[]>([]);
  const [weeks, setWeeks] = useState<1 | 2>(1);
  const [weekOne, setWeekOne] = useState('');
  useEffect(() => {
    if (!calendar.data) return;
    setEntries(calendar.data.entries);
    setWeeks(calendar.data.timetableWeeks);
    setWeekOne(calendar.data.timetableWeekOne ?? '');
  }, [calendar.data]);
  const save = useMutation({
    mutationFn: (body: SchoolCalendarBody) => call(rosterSyncContract.saveCalendar, { body }),
    onSuccess: (data) => queryClient.setQueryData(KEY, data),
  });
  const change = (i: number, patch: Partial<Entry>) =>
    setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      entries,
      timetableWeeks: weeks,
      timetableWeekOne: weeks === 2 && weekOne ? weekOne : null,
    });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="roster-panel">
      <h2 id={`${id}-heading`}>{t('calendar.title')}</h2>
      <p className="hint">{t('calendar.hint')}</p>
      {calendar.isError && <p role="alert">{calendar.error.message}</p>}
      <form onSubmit={onSubmit}>
        <table className="roster-calendar">
          <caption className="visually-hidden">{t('calendar.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendar.kind')}</th>
              <th scope="col">{t('calendar.name')}</th>
              <th scope="col">{t('calendar.startsOn')}</th>
              <th scope="col">{t('calendar.endsOn')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('calendar.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, i) => (
              <tr key={i}>
                <td>
                  <select
                    aria-label={t('calendar.kindOf', { n: i + 1 })}
                    value={entry.kind}
                    onChange={(e) => change(i, { kind: e.target.value as Entry['kind'] })}
                  >
                    <option value="term">{t('calendar.term')}</option>
                    <option value="holiday">{t('calendar.holiday')}</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label={t('calendar.nameOf', { n: i + 1 })}
                    value={entry.name}
                    required
                    onChange={(e) => change(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={t('calendar.startsOnOf', { n: i + 1 })}
                    value={entry.startsOn}
                    required
                    onChange={(e) => change(i, { startsOn: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={t('calendar.endsOnOf', { n: i + 1 })}
                    value={entry.endsOn}
                    required
                    onChange={(e) => change(i, { endsOn: e.target.value })}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => setEntries((list) => list.filter((_, j) => j !== i))}>
                    {t('calendar.removeOf', { n: i + 1 })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() =>
            setEntries((list) => [...list, { kind: 'holiday', name: '', startsOn: '', endsOn: '' }])
          }
        >
          {t('calendar.add')}
        </button>
        <label htmlFor={`${id}-weeks`}>{t('calendar.weeks')}</label>
        <select id={`${id}-weeks`} value={weeks} onChange={(e) => setWeeks(Number(e.target.value) as 1 | 2)}>
          <option value={1}>{t('calendar.oneWeek')}</option>
          <option value={2}>{t('calendar.twoWeeks')}</option>
        </select>
        {weeks === 2 && (
          <>
            <label htmlFor={`${id}-week-one`}>{t('calendar.weekOne')}</label>
            <input
              id={`${id}-week-one`}
              type="date"
              value={weekOne}
              required
              onChange={(e) => setWeekOne(e.target.value)}
            />
          </>
        )}
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('calendar.saving') : t('calendar.save')}
        </button>
      </form>
      {save.isError && <p role="alert">{save.error.message}</p>}
      {save.isSuccess && <p role="status">{t('calendar.saved')}</p>}
    </section>
  );
}
