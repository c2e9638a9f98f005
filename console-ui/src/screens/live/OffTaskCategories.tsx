import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OFF_TASK_CATEGORIES, type OffTaskCategory } from '@waymark/shared';
import { liveApi } from './api';
import { useFormatters } from './format';
import { overridesKey } from './LessonControls';

/** Under the overrides' key: the socket's `overrides-changed` refreshes both. */
export const offTaskKey = (classId: string) => [...overridesKey(classId), 'off-task'] as const;

/** The lesson's off-task categories, as every console watching the class reads them. */
export function useOffTask(classId: string) {
  return useQuery({
    queryKey: offTaskKey(classId),
    queryFn: () => liveApi.offTask(classId),
    refetchInterval: 30_000,
  });
}

/** The teacher ticks the categories that are off task in this lesson (games, social media, video…). */
export function OffTaskCategories({ classId, canEdit }: { classId: string; canEdit: boolean }) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const ids = useId();
  const queryClient = useQueryClient();
  const marked = useOffTask(classId);
  const [picked, setPicked] = useState<ReadonlySet<OffTaskCategory>>(new Set());
  const [status, setStatus] = useState('');
  // The server's word replaces the ticks whenever it changes (here or in another console).
  const serverList = (marked.data?.categories ?? []).join();
  useEffect(() => {
    setPicked(new Set(serverList ? (serverList.split(',') as OffTaskCategory[]) : []));
  }, [serverList]);
  const save = useMutation({
    mutationFn: () => liveApi.setOffTask(classId, [...picked]),
    onSuccess: async (answer) => {
      queryClient.setQueryData(offTaskKey(classId), answer);
      setStatus(t('lesson.offTask.saved'));
    },
  });
  const current = marked.data;
  const list = (current?.categories ?? []).map((c) => t(`categories.${c}`)).join(', ');

  function submit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    save.mutate();
  }

  return (
    <form className="off-task-form" onSubmit={submit} aria-labelledby={`${ids}-heading`}>
      <fieldset disabled={!canEdit || save.isPending}>
        <legend id={`${ids}-heading`}>{t('lesson.offTask.heading')}</legend>
        <p className="hint">{t('lesson.offTask.help')}</p>
        <div className="off-task-choices">
          {OFF_TASK_CATEGORIES.map((category) => (
            <label key={category} className="check">
              <input
                type="checkbox"
                checked={picked.has(category)}
                onChange={(e) =>
                  setPicked((held) => {
                    const next = new Set(held);
                    if (e.target.checked) next.add(category);
                    else next.delete(category);
                    return next;
                  })
                }
              />
              <span>{t(`categories.${category}`)}</span>
            </label>
          ))}
        </div>
        {canEdit && (
          <button type="submit" className="secondary">
            {t('lesson.offTask.save')}
          </button>
        )}
      </fieldset>
      <p className="hint" data-testid="off-task-marked">
        {current?.until && current.categories.length > 0
          ? t('lesson.offTask.current', { time: format.clock(current.until), list })
          : t('lesson.offTask.none')}
      </p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {(save.isError || marked.isError) && (
        <p role="alert" className="error">
          {save.error?.message ?? marked.error?.message}
        </p>
      )}
    </form>
  );
}
