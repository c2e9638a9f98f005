import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SEVERITIES, type IncidentCategory, type Severity, type StoredEvent } from '@waymark/shared';
import { liveApi } from './api';
import { pupilOf, useFormatters } from './format';
import { categoryChoices, descriptionParts, incidentPrefillFor, isIllegalEvent } from './raise-incident';

export interface RaisedIncident {
  id: string;
  reference: string;
}

/** The description the form starts with, in the console's language; the teacher may change it. */
function useDescription(event: StoredEvent): string {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const words = descriptionParts(event);
  const who = pupilOf(event) ?? t('incident.pupilUnknown', { device: event.deviceName });
  const where = isIllegalEvent(event)
    ? t('incident.describe.illegalWhere')
    : (event.url ?? t('incident.describe.aPage'));
  const values = { who, where, device: event.deviceName, time: format.time(event.occurredAt), ...words };
  switch (event.kind) {
    case 'blocked':
      return t('incident.describe.blocked', values);
    case 'search':
      return t('incident.describe.search', values);
    case 'flagged-title':
      return t('incident.describe.title', values);
    case 'unblock-request':
      return t('incident.describe.request', values);
    case 'concern':
      return t('incident.describe.concern', values);
    case 'tamper':
      return t('incident.describe.tamper', values);
    case 'heartbeat':
      return t('incident.describe.heartbeat', values);
  }
}

function IncidentForm({
  event,
  lessonStart,
  onSaved,
  onCancel,
}: {
  event: StoredEvent;
  /** When the lesson began: the pupil's timeline from then may go into the evidence. */
  lessonStart: string | null;
  onSaved: (incident: RaisedIncident) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const { category: suggested, severity: suggestedSeverity } = incidentPrefillFor(event);
  const [category, setCategory] = useState<IncidentCategory>(suggested);
  const [severity, setSeverity] = useState<Severity>(suggestedSeverity);
  const suggestedDescription = useDescription(event);
  const [description, setDescription] = useState(suggestedDescription);
  // An event of this lesson: its pupil's timeline goes with it unless the teacher says not.
  const timelineOffered = lessonStart !== null && Date.parse(event.occurredAt) >= Date.parse(lessonStart);
  const [withTimeline, setWithTimeline] = useState(timelineOffered);
  const ids = useId();
  const raise = useMutation({
    mutationFn: () =>
      liveApi.raiseIncident({
        eventIds: [event.id],
        category,
        severity,
        description: description.trim(),
        ...(timelineOffered && withTimeline && lessonStart ? { timelineSince: lessonStart } : {}),
      }),
    onSuccess: onSaved,
  });
  const words = descriptionParts(event);
  const page = event.urlHidden
    ? t('feed.urlHidden')
    : event.kind === 'search'
      ? `“${words.query}” (${event.url ?? ''})`
      : (event.url ?? t('incident.noPage'));

  function submit(e: FormEvent) {
    e.preventDefault();
    raise.mutate();
  }

  return (
    <form onSubmit={submit} className="incident-form">
      <p>{t('incident.intro')}</p>
      {isIllegalEvent(event) && (
        <section className="illegal-procedure" aria-labelledby={`${ids}-illegal`}>
          <h3 id={`${ids}-illegal`}>{t('incident.illegalHeading')}</h3>
          <ol>
            <li>{t('incident.illegalSteps.one')}</li>
            <li>{t('incident.illegalSteps.two')}</li>
            <li>{t('incident.illegalSteps.three')}</li>
            <li>{t('incident.illegalSteps.four')}</li>
          </ol>
        </section>
      )}
      <section className="incident-evidence" aria-labelledby={`${ids}-from`}>
        <h3 id={`${ids}-from`}>{t('incident.fromEvent')}</h3>
        <dl>
          <dt>{t('incident.pupil')}</dt>
          <dd>{pupilOf(event) ?? t('incident.pupilUnknown', { device: event.deviceName })}</dd>
          <dt>{t('incident.device')}</dt>
          <dd>{event.deviceName}</dd>
          <dt>{t('incident.time')}</dt>
          <dd>
            <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
          </dd>
          <dt>{t('incident.page')}</dt>
          <dd className="event-url">{page}</dd>
          <dt>{t('incident.class')}</dt>
          <dd>{event.className ?? t('incident.noClass')}</dd>
          <dt>{t('incident.evidence')}</dt>
          <dd>
            {t(`kinds.${event.kind}`)} · {t(`severity.${event.severity}`)}
          </dd>
        </dl>
      </section>
      <div className="form-row">
        <label htmlFor={`${ids}-category`}>{t('incident.category')}</label>
        <select
          id={`${ids}-category`}
          value={category}
          onChange={(e) => setCategory(e.target.value as IncidentCategory)}
        >
          {categoryChoices(suggested).map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${ids}-severity`}>{t('incident.severity')}</label>
        <select
          id={`${ids}-severity`}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as Severity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${ids}-description`}>{t('incident.description')}</label>
        <textarea
          id={`${ids}-description`}
          rows={4}
          maxLength={10_000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      {timelineOffered && (
        <label className="check">
          <input type="checkbox" checked={withTimeline} onChange={(e) => setWithTimeline(e.target.checked)} />
          <span>{t('incident.includeTimeline')}</span>
        </label>
      )}
      {raise.isError && (
        <p role="alert" className="error">
          {raise.error.message}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="submit" disabled={raise.isPending}>
          {raise.isPending ? t('incident.saving') : t('incident.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('incident.cancel')}
        </button>
      </div>
    </form>
  );
}

function Saved({ incident, onClose }: { incident: RaisedIncident; onClose: () => void }) {
  const { t } = useTranslation('live');
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => message.current?.focus(), []);
  return (
    <div className="incident-saved" role="status" tabIndex={-1} ref={message}>
      <p className="saved-reference">
        <strong>{t('incident.saved', { reference: incident.reference })}</strong>
      </p>
      <p>{t('incident.savedDetail')}</p>
      <div className="dialog-buttons">
        <Link to={`/incidents/${incident.id}`} className="button-link">
          {t('incident.open', { reference: incident.reference })}
        </Link>
        <button type="button" className="secondary" onClick={onClose}>
          {t('incident.close')}
        </button>
      </div>
    </div>
  );
}

/**
 * "Raise incident" from an event: a modal form filled in from the event that saves in one click,
 * then the incident's reference and a link to it in the log.
 */
export function RaiseIncidentDialog({
  event,
  saved,
  lessonStart,
  onSaved,
  onClose,
}: {
  event: StoredEvent | null;
  /** When the lesson began (the pupil's timeline from then may be added to the evidence); none outside a live class. */
  lessonStart?: string | null;
  /** The incident raised from this event, once saved. */
  saved: RaisedIncident | undefined;
  onSaved: (event: StoredEvent, incident: RaisedIncident) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('live');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (event && !element.open) element.showModal();
    if (!event && element.open) element.close();
  }, [event]);

  return (
    <dialog ref={dialog} className="raise-dialog" aria-labelledby={titleId} onClose={onClose}>
      {event && (
        <>
          <h2 id={titleId}>{t('incident.title')}</h2>
          {saved ? (
            <Saved incident={saved} onClose={onClose} />
          ) : (
            <IncidentForm
              key={event.id}
              event={event}
              lessonStart={lessonStart ?? null}
              onSaved={(incident) => onSaved(event, incident)}
              onCancel={onClose}
            />
          )}
        </>
      )}
    </dialog>
  );
}
