import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClassRoster } from '@waymark/shared';
import { liveApi } from './api';
import { plannedOverlap } from './session-start';

/**
 * What puts this group in a lesson now (docs/architecture.md, "Teaching groups and the
 * timetable"): the timetable, a session a teacher started (which beats it), or nothing; the
 * group's pupils in another lesson, and why; and starting or ending a session.
 */
export function LessonSource({
  classId,
  roster,
  canStart,
}: {
  classId: string;
  roster: ClassRoster | undefined;
  canStart: boolean;
}) {
  const { t } = useTranslation('live');
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['live', classId] });
  // A planned session it would overlap is replaced only when the teacher says so.
  const start = useMutation({
    mutationFn: (replace: boolean) => liveApi.startSession(classId, replace ? { replace } : {}),
    onSuccess: refresh,
  });
  const end = useMutation({ mutationFn: () => liveApi.endSession(classId), onSuccess: refresh });
  if (!roster) return null;
  const { lesson } = roster;
  const source = lesson.source ?? 'none';
  const elsewhere = roster.elsewhere ?? [];
  const overlap = plannedOverlap(start.error);
  return (
    <section className="lesson-source" aria-labelledby="lesson-source-heading">
      <h2 id="lesson-source-heading" className="visually-hidden">
        {t('group.heading')}
      </h2>
      <p>
        {source === 'timetable'
          ? t('group.timetable', {
              period: lesson.period ? t('group.period', { period: lesson.period }) : '',
              room: lesson.room ? t('group.room', { room: lesson.room }) : '',
            })
          : source === 'session'
            ? t('group.session')
            : t('group.none')}
      </p>
      {canStart && source === 'none' && (
        <button type="button" onClick={() => start.mutate(false)} disabled={start.isPending}>
          {t('group.start')}
        </button>
      )}
      {canStart && overlap && (
        <div role="alert" className="session-overlap" data-testid="session-overlap">
          <p>
            <strong>{t('group.overlap')}</strong>
          </p>
          {/* The server's sentence names the planned session (in English). */}
          <p lang="en">{overlap.charAt(0).toUpperCase() + overlap.slice(1)}.</p>
          <button type="button" onClick={() => start.mutate(true)} disabled={start.isPending}>
            {t('group.replace')}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => start.reset()}
            disabled={start.isPending}
          >
            {t('group.keep')}
          </button>
        </div>
      )}
      {canStart && source === 'session' && (
        <button type="button" onClick={() => end.mutate()} disabled={end.isPending}>
          {t('group.end')}
        </button>
      )}
      {((start.isError && !overlap) || end.isError) && (
        <p role="alert">{(start.error ?? end.error)?.message}</p>
      )}
      {elsewhere.length > 0 && (
        <>
          <h3>{t('group.elsewhere')}</h3>
          <ul className="lesson-elsewhere">
            {elsewhere.map((p) => (
              <li key={p.email}>
                {p.source === 'session'
                  ? t('group.bySession', { name: p.name, group: p.className })
                  : t('group.byTimetable', { name: p.name, group: p.className })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
