import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@waymark/shared';
import { liveApi } from './api';
import { useFormatters } from './format';

/** How often the open detail panel reads the timeline again (a visit's time grows as the pupil stays). */
const REFRESH_MS = 15_000;

/** One pupil's lesson: the sites they were on with the time spent, and their blocks, searches and requests. */
export function LessonTimeline({
  classId,
  pupilKey,
  name,
  since,
}: {
  classId: string;
  pupilKey: string;
  name: string;
  /** The lesson's start. */
  since: string;
}) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const ids = useId();
  const timeline = useQuery({
    queryKey: ['live', classId, 'timeline', pupilKey, since],
    queryFn: () => liveApi.timeline(classId, pupilKey, since),
    refetchInterval: REFRESH_MS,
  });
  const spent = (e: TimelineEntry) => {
    const minutes = Math.round((e.seconds ?? 0) / 60);
    const time =
      minutes < 1 ? t('detail.timeline.underMinute') : t('detail.timeline.minutes', { count: minutes });
    return e.until ? time : `${time}, ${t('detail.timeline.stillThere')}`;
  };
  const line = (e: TimelineEntry) => {
    const site = e.site ?? '';
    switch (e.kind) {
      case 'site':
        return t('detail.timeline.site', { site });
      case 'blocked':
        return t('detail.timeline.blocked', { site });
      case 'search':
        return t('detail.timeline.search', { query: e.detail ?? '' });
      case 'request':
        return t('detail.timeline.request', { site });
    }
  };
  return (
    <section className="lesson-timeline" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('detail.timeline.heading', { name })}</h3>
      {timeline.isError ? (
        <p role="alert" className="error">
          {timeline.error.message}
        </p>
      ) : timeline.data && timeline.data.length === 0 ? (
        <p className="hint">{t('detail.timeline.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="pupil-timeline">
          {(timeline.data ?? []).map((e, i) => (
            <li key={`${e.kind}:${e.at}:${i}`} className={`timeline-${e.kind}`} data-testid="timeline-entry">
              <time dateTime={e.at}>{format.clock(e.at)}</time> <span>{line(e)}</span>
              {e.kind === 'site' && e.title && <span className="timeline-title"> “{e.title}”</span>}
              {e.kind === 'site' && <span className="note"> · {spent(e)}</span>}
              {e.category && <span className="note"> · {t(`categories.${e.category}`)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
