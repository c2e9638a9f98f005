import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScheduledSession } from '@waymark/shared';
import { liveApi } from './api';
import { useFormatters } from './format';
import { MAX_SITES, parseSites } from './override-sites';

export const scheduledKey = (classId: string) => ['live', classId, 'scheduled'] as const;

type SiteMode = 'none' | 'open' | 'focus';

/** Today in the browser's time zone, as a date input wants it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function ScheduleForm({ classId, onDone }: { classId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const queryClient = useQueryClient();
  const ids = useId();
  const [day, setDay] = useState(today);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mode, setMode] = useState<SiteMode>('none');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const schedule = useMutation({
    mutationFn: (body: Parameters<typeof liveApi.scheduleSession>[1]) =>
      liveApi.scheduleSession(classId, body),
    onSuccess: async (session) => {
      await queryClient.invalidateQueries({ queryKey: scheduledKey(classId) });
      setFrom('');
      setTo('');
      setText('');
      onDone(
        t('scheduled.done', { day: format.day(session.startsAt), start: format.clock(session.startsAt) }),
      );
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!day || !from || !to) return setProblem(t('scheduled.needTimes'));
    const startsAt = new Date(`${day}T${from}`);
    const endsAt = new Date(`${day}T${to}`);
    if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()))
      return setProblem(t('scheduled.needTimes'));
    if (endsAt <= startsAt) return setProblem(t('scheduled.endBeforeStart'));
    let sites: { kind: 'open' | 'focus'; sites: string[] } | undefined;
    if (mode !== 'none') {
      const parsed = parseSites(text);
      if (parsed.sites.length === 0) return setProblem(t('lesson.needSites'));
      if (parsed.invalid) return setProblem(t('lesson.invalidSite', { site: parsed.invalid }));
      if (parsed.sites.length > MAX_SITES) return setProblem(t('lesson.tooManySites'));
      sites = { kind: mode, sites: parsed.sites };
    }
    setProblem(null);
    schedule.mutate({
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      ...(sites ? { sites } : {}),
    });
  }

  const error = problem ?? (schedule.isError ? schedule.error.message : null);
  return (
    <form className="override-form schedule-form" onSubmit={submit} aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('scheduled.formHeading')}</h3>
      <p className="hint">{t('scheduled.help')}</p>
      <div className="form-row">
        <label htmlFor={`${ids}-day`}>{t('scheduled.day')}</label>
        <input id={`${ids}-day`} type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor={`${ids}-from`}>{t('scheduled.start')}</label>
        <input
          id={`${ids}-from`}
          type="time"
          value={from}
          required
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${ids}-to`}>{t('scheduled.end')}</label>
        <input id={`${ids}-to`} type="time" value={to} required onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor={`${ids}-mode`}>{t('scheduled.sitesMode')}</label>
        <select id={`${ids}-mode`} value={mode} onChange={(e) => setMode(e.target.value as SiteMode)}>
          <option value="none">{t('scheduled.usualSites')}</option>
          <option value="open">{t('scheduled.openSites')}</option>
          <option value="focus">{t('scheduled.focusSites')}</option>
        </select>
      </div>
      {mode !== 'none' && (
        <div className="form-row">
          <label htmlFor={`${ids}-sites`}>{t('lesson.sites')}</label>
          <textarea
            id={`${ids}-sites`}
            rows={3}
            value={text}
            placeholder={t('lesson.sitesExample')}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      )}
      {error && (
        <p id={`${ids}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="submit" disabled={schedule.isPending}>
          {t('scheduled.submit')}
        </button>
      </div>
    </form>
  );
}

function PlannedSession({ classId, session }: { classId: string; session: ScheduledSession }) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => liveApi.cancelSession(classId, session.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['live', classId] }),
  });
  const when = t('scheduled.when', {
    day: format.day(session.startsAt),
    start: format.clock(session.startsAt),
    end: format.clock(session.endsAt),
  });
  const sites = session.sites
    ? t(session.sites.kind === 'focus' ? 'scheduled.withFocus' : 'scheduled.withOpen', {
        sites: session.sites.sites.join(', '),
      })
    : t('scheduled.withUsual');
  return (
    <li data-testid="scheduled-session">
      <span>
        {when}: {sites}
      </span>{' '}
      <button
        type="button"
        className="secondary"
        disabled={cancel.isPending}
        aria-label={t('scheduled.cancelLabel', { when })}
        onClick={() => cancel.mutate()}
      >
        {t('scheduled.cancel')}
      </button>
      {cancel.isError && <span role="alert">{cancel.error.message}</span>}
    </li>
  );
}

/** Sessions planned ahead for this group (docs/architecture.md, "Teaching groups and the timetable"). */
export function ScheduledSessions({ classId }: { classId: string }) {
  const { t } = useTranslation('live');
  const [message, setMessage] = useState('');
  const sessions = useQuery({
    queryKey: scheduledKey(classId),
    queryFn: () => liveApi.scheduledSessions(classId),
  });
  return (
    <section className="scheduled-sessions" aria-labelledby="scheduled-sessions-heading">
      <h2 id="scheduled-sessions-heading">{t('scheduled.heading')}</h2>
      {sessions.data && sessions.data.length === 0 && <p>{t('scheduled.none')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <ul className="scheduled-list">
          {sessions.data.map((s) => (
            <PlannedSession key={s.id} classId={classId} session={s} />
          ))}
        </ul>
      )}
      <p role="status">{message}</p>
      <details>
        <summary>{t('scheduled.plan')}</summary>
        <ScheduleForm classId={classId} onDone={setMessage} />
      </details>
    </section>
  );
}
