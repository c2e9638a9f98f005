import type { CSSProperties, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CATEGORIES,
  EventMatchSchema,
  TAMPER_KINDS,
  type Category,
  type EventMatch,
  type StoredEvent,
} from '@waymark/shared';
import { pupilOf, useFormatters } from './format';
import { descriptionParts } from './raise-incident';
import { RequestActions } from './RequestActions';
import type { RaisedIncident } from './RaiseIncidentDialog';

export interface EventCardActions {
  canRaise: boolean;
  canDecide: boolean;
  canDecideForwarded: boolean;
  onRaise: (event: StoredEvent) => void;
  onSeen: (event: StoredEvent) => void;
  onDecided: (requestId: string, status: NonNullable<StoredEvent['requestStatus']>) => void;
}

function categoriesOf(value: unknown): Category[] {
  return Array.isArray(value)
    ? value.filter((c): c is Category => (CATEGORIES as readonly unknown[]).includes(c))
    : [];
}

/** The categories a search or title was flagged in, and the phrase that matched most seriously. */
function Flags({ event }: { event: StoredEvent }) {
  const { t } = useTranslation('live');
  const flags = categoriesOf(event.details.flags);
  const [top] = matchesOf(event.details.matches);
  if (flags.length === 0) return null;
  return (
    <>
      <p className="event-flags">
        {t('feed.flagged', { categories: flags.map((c) => t(`categories.${c}`)).join(', ') })}
      </p>
      {top && (
        <p className="event-why">
          {t('feed.matched', { phrase: top.phrase, risk: t(`severity.${top.risk}`) })}
        </p>
      )}
    </>
  );
}

function matchesOf(value: unknown): EventMatch[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((m) => {
    const parsed = EventMatchSchema.safeParse(m);
    return parsed.success ? [parsed.data] : [];
  });
}

/** What happened, in a line or two: the page, the search, the reason or the message. */
function EventBody({ event }: { event: StoredEvent }) {
  const { t } = useTranslation('live');
  const words = descriptionParts(event);
  const page = event.urlHidden ? (
    <p className="event-url hidden-url">{t('feed.urlHidden')}</p>
  ) : event.url ? (
    <p className="event-url">{event.url}</p>
  ) : null;
  const category = event.category ? <p className="event-why">{t(`categories.${event.category}`)}</p> : null;

  switch (event.kind) {
    case 'blocked': {
      const repeats = typeof event.details.repeats === 'number' ? event.details.repeats : 1;
      return (
        <>
          {page}
          {category ?? (event.rule && <p className="event-why">{t('feed.rule', { rule: event.rule })}</p>)}
          {repeats > 1 && <p className="event-why">{t('feed.repeats', { count: repeats })}</p>}
        </>
      );
    }
    case 'search': {
      const engine = typeof event.details.engine === 'string' ? event.details.engine : '';
      return (
        <>
          <p className="event-search">{t('feed.searched', { query: words.query, engine })}</p>
          <Flags event={event} />
          {event.details.blocked === true && <p className="event-why">{t('feed.searchBlocked')}</p>}
        </>
      );
    }
    case 'flagged-title':
      return (
        <>
          <p className="event-search">
            {t(event.details.source === 'video' ? 'feed.titleVideo' : 'feed.titlePage', {
              title: words.title,
            })}
          </p>
          <Flags event={event} />
        </>
      );
    case 'unblock-request':
      return (
        <>
          {page}
          {category}
          {/* Not on a redacted (illegal-category) copy: its details are withheld. */}
          {words.reason && (
            <p className="event-quote">
              <span className="event-label">{t('feed.reason')}:</span> <q>{words.reason}</q>
            </p>
          )}
        </>
      );
    case 'concern':
      return (
        <>
          {words.message ? (
            <p className="event-quote">
              <span className="event-label">{t('feed.message')}:</span> <q>{words.message}</q>
            </p>
          ) : (
            <p className="event-quote">{t('feed.noMessage')}</p>
          )}
          {page}
        </>
      );
    case 'tamper': {
      const what = (TAMPER_KINDS as readonly unknown[]).includes(event.details.what)
        ? (event.details.what as (typeof TAMPER_KINDS)[number])
        : 'other';
      return (
        <>
          <p className="event-why">{t(`feed.tamper.${what}`)}</p>
          {typeof event.details.detail === 'string' && event.details.detail && (
            <p className="event-detail">{event.details.detail}</p>
          )}
          {page}
        </>
      );
    }
    case 'heartbeat':
      return null;
  }
}

/** One event of the live feed: an article of the ARIA feed, keyboard-focusable, sized by its content. */
export function EventCard({
  event,
  index,
  setSize,
  pinned,
  incident,
  until,
  actions,
  measureRef,
  style,
}: {
  event: StoredEvent;
  index: number;
  setSize: number;
  pinned: boolean;
  incident: RaisedIncident | undefined;
  until: string | undefined;
  actions: EventCardActions;
  measureRef: Ref<HTMLElement>;
  style: CSSProperties;
}) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const pupil = pupilOf(event) ?? t('feed.notSignedIn');
  const kind = t(`kinds.${event.kind}`);
  const headingId = `event-${event.id}`;
  return (
    <article
      ref={measureRef}
      data-index={index}
      data-testid="feed-event"
      data-kind={event.kind}
      className={`event-card severity-${event.severity} kind-${event.kind}${pinned ? ' pinned' : ''}`}
      style={style}
      tabIndex={0}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-labelledby={headingId}
    >
      <div className="event-head">
        <span className={`kind-badge kind-badge-${event.kind}`}>{kind}</span>
        {event.severity !== 'low' && (
          <span className={`severity-badge severity-badge-${event.severity}`}>
            {t(`severity.${event.severity}`)}
          </span>
        )}
        {pinned && <span className="pinned-badge">{t('feed.needsAttention')}</span>}
        <time dateTime={event.occurredAt}>{format.time(event.occurredAt)}</time>
      </div>
      <h3 id={headingId} className="event-who">
        <span className="visually-hidden">{kind}: </span>
        {pupil} <span className="event-device">{t('feed.onDevice', { device: event.deviceName })}</span>
      </h3>
      <div className="event-body">
        <EventBody event={event} />
        {typeof event.details.folded === 'number' && event.details.folded > 0 && (
          <p className="event-why">{t('feed.folded', { count: event.details.folded })}</p>
        )}
      </div>
      {event.kind === 'unblock-request' && (
        <RequestActions
          event={event}
          canDecide={actions.canDecide}
          canDecideForwarded={actions.canDecideForwarded}
          until={until}
          onDecided={actions.onDecided}
        />
      )}
      <div className="event-actions">
        {incident ? (
          <Link to={`/incidents/${incident.id}`} className="incident-link">
            {t('feed.raised', { reference: incident.reference })}
          </Link>
        ) : (
          actions.canRaise && (
            <button type="button" className="secondary raise" onClick={() => actions.onRaise(event)}>
              {t('feed.raise')}
            </button>
          )
        )}
        {pinned && (
          <button type="button" className="secondary" onClick={() => actions.onSeen(event)}>
            {t('feed.markSeen')}
          </button>
        )}
      </div>
    </article>
  );
}
