import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassRoster, LessonOverride } from '@waymark/shared';
import { liveApi } from './api';
import { useFormatters } from './format';
import { MAX_SITES, parseSites } from './override-sites';
import { OffTaskCategories } from './OffTaskCategories';

type OverrideKind = LessonOverride['kind'];
const DURATIONS = [10, 20, 30, 45, 60] as const;

/** The current time, ticking every `ms`; only the component that shows a countdown re-renders. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function Remaining({ until }: { until: string }) {
  const { t } = useTranslation('live');
  const now = useNow(1000);
  const ms = Date.parse(until) - now;
  const text =
    ms <= 0
      ? t('lesson.over')
      : ms < 60_000
        ? t('lesson.lastMinute')
        : t('lesson.left', { minutes: Math.ceil(ms / 60_000) });
  return <span className="remaining">{text}</span>;
}

export const overridesKey = (classId: string) => ['live', classId, 'overrides'] as const;

function OverrideForm({
  classId,
  kind,
  onDone,
}: {
  classId: string;
  kind: OverrideKind;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const queryClient = useQueryClient();
  const ids = useId();
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState<'lesson' | (typeof DURATIONS)[number]>('lesson');
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (sites: string[]) =>
      liveApi.startOverride(classId, {
        kind,
        sites,
        ...(minutes === 'lesson' ? {} : { minutes }),
      }),
    onSuccess: async (override) => {
      await queryClient.invalidateQueries({ queryKey: overridesKey(classId) });
      onDone(t('lesson.started', { time: format.clock(override.endsAt) }));
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const { sites, invalid } = parseSites(text);
    if (sites.length === 0) return setProblem(t('lesson.needSites'));
    if (invalid) return setProblem(t('lesson.invalidSite', { site: invalid }));
    if (sites.length > MAX_SITES) return setProblem(t('lesson.tooManySites'));
    setProblem(null);
    start.mutate(sites);
  }

  const error = problem ?? (start.isError ? start.error.message : null);
  return (
    <form className="override-form" onSubmit={submit} aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{kind === 'focus' ? t('lesson.focusHeading') : t('lesson.openHeading')}</h3>
      <p className="hint">{kind === 'focus' ? t('lesson.focusHelp') : t('lesson.openHelp')}</p>
      <div className="form-row">
        <label htmlFor={`${ids}-sites`}>{t('lesson.sites')}</label>
        <textarea
          id={`${ids}-sites`}
          rows={3}
          value={text}
          placeholder={t('lesson.sitesExample')}
          aria-describedby={error ? `${ids}-error` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${ids}-minutes`}>{t('lesson.duration')}</label>
        <select
          id={`${ids}-minutes`}
          value={String(minutes)}
          onChange={(e) =>
            setMinutes(
              e.target.value === 'lesson' ? 'lesson' : (Number(e.target.value) as (typeof DURATIONS)[number]),
            )
          }
        >
          <option value="lesson">{t('lesson.untilEnd')}</option>
          {DURATIONS.map((m) => (
            <option key={m} value={m}>
              {t('lesson.minutes', { count: m })}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={`${ids}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="submit" disabled={start.isPending}>
          {kind === 'focus' ? t('lesson.startFocus') : t('lesson.startOpen')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone('')}>
          {t('lesson.cancel')}
        </button>
      </div>
    </form>
  );
}

function RunningOverride({
  classId,
  override,
  onEnded,
}: {
  classId: string;
  override: LessonOverride;
  onEnded: (message: string) => void;
}) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: () => liveApi.endOverride(classId, override.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: overridesKey(classId) });
      onEnded(t('lesson.ended'));
    },
  });
  const action = override.kind === 'focus' ? t('lesson.endFocus') : t('lesson.endOpen');
  const sites = override.sites.join(', ');
  return (
    <li className={`override override-${override.kind}`} data-testid="running-override">
      <span className="override-kind">
        {override.kind === 'focus' ? t('lesson.kindFocus') : t('lesson.kindOpen')}
      </span>
      <span className="override-sites">{sites}</span>
      <span className="override-until">
        {t('lesson.endsAt', { time: format.clock(override.endsAt) })} · <Remaining until={override.endsAt} />
      </span>
      <button
        type="button"
        className="secondary"
        disabled={end.isPending}
        aria-label={t('lesson.endLabel', { action, sites })}
        onClick={() => end.mutate()}
      >
        {action}
      </button>
      {end.isError && (
        <span role="alert" className="error">
          {end.error.message}
        </span>
      )}
    </li>
  );
}

/** The lesson: its time left, sites opened or focus for this class, and ending them early. */
export function LessonControls({
  classId,
  roster,
  canOverride,
}: {
  classId: string;
  roster: ClassRoster | undefined;
  canOverride: boolean;
}) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const [form, setForm] = useState<OverrideKind | null>(null);
  const [message, setMessage] = useState('');
  const overrides = useQuery({
    queryKey: overridesKey(classId),
    queryFn: () => liveApi.overrides(classId),
    enabled: canOverride,
    refetchInterval: 30_000,
  });
  // The server lists overrides not yet ended; one that ends while the page is open leaves the list on the next tick.
  const now = useNow(5_000);
  const running = (overrides.data ?? []).filter((o) => Date.parse(o.endsAt) > now);
  const lesson = roster?.lesson;

  const done = (text: string) => {
    setForm(null);
    setMessage(text);
  };

  return (
    <section className="lesson-controls" aria-labelledby="lesson-heading">
      <div className="lesson-bar">
        <h2 id="lesson-heading">{t('lesson.heading')}</h2>
        {lesson &&
          (lesson.inTimetable && lesson.endsAt ? (
            <p className="lesson-time">
              {t('lesson.period', { start: format.clock(lesson.startsAt), end: format.clock(lesson.endsAt) })}{' '}
              · <Remaining until={lesson.endsAt} />
            </p>
          ) : (
            <p className="lesson-time">
              {t('lesson.outsideTimetable')}{' '}
              {t('lesson.countingSince', { time: format.clock(lesson.startsAt) })}
            </p>
          ))}
        {canOverride && (
          <div className="lesson-buttons">
            <button
              type="button"
              className={form === 'open' ? undefined : 'secondary'}
              aria-expanded={form === 'open'}
              onClick={() => setForm(form === 'open' ? null : 'open')}
            >
              {t('lesson.openSites')}
            </button>
            <button
              type="button"
              className={form === 'focus' ? undefined : 'secondary'}
              aria-expanded={form === 'focus'}
              onClick={() => setForm(form === 'focus' ? null : 'focus')}
            >
              {t('lesson.focus')}
            </button>
          </div>
        )}
      </div>
      {form && <OverrideForm key={form} classId={classId} kind={form} onDone={done} />}
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {canOverride &&
        (running.length > 0 ? (
          <ul className="overrides" aria-label={t('lesson.running')}>
            {running.map((o) => (
              <RunningOverride key={o.id} classId={classId} override={o} onEnded={setMessage} />
            ))}
          </ul>
        ) : (
          overrides.isSuccess && <p className="hint">{t('lesson.nothingRunning')}</p>
        ))}
      {overrides.isError && (
        <p role="alert" className="error">
          {overrides.error.message}
        </p>
      )}
      <OffTaskCategories classId={classId} canEdit={canOverride} />
    </section>
  );
}
