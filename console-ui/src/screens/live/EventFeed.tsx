import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredEvent } from '@waymark/shared';
import { FEED_KINDS, isFiltered, NO_FILTER, type FeedFilter } from '../../lib/event-feed';
import { EventCard, type EventCardActions } from './EventCard';
import { useFormatters } from './format';
import type { PupilTile } from './pupil-grid-state';
import type { RaisedIncident } from './RaiseIncidentDialog';

export interface EventFeedHandle {
  /** Scrolls the feed to an event and puts the keyboard focus on it. */
  showEvent(eventId: string): void;
}

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (i) => i + 1,
  PageDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  PageUp: (i) => i - 1,
  Home: () => 0,
  End: (_i, last) => last,
};

function FeedFilters({
  filter,
  onFilter,
  tiles,
}: {
  filter: FeedFilter;
  onFilter: (filter: FeedFilter) => void;
  tiles: readonly PupilTile[];
}) {
  const { t } = useTranslation('live');
  return (
    <fieldset className="feed-filters">
      <legend className="visually-hidden">{t('feed.filters')}</legend>
      <label>
        <span>{t('feed.kind')}</span>
        <select
          value={filter.kind}
          onChange={(e) => onFilter({ ...filter, kind: e.target.value as FeedFilter['kind'] })}
        >
          <option value="all">{t('feed.allKinds')}</option>
          {FEED_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('feed.severity')}</span>
        <select
          value={filter.minSeverity}
          onChange={(e) => onFilter({ ...filter, minSeverity: e.target.value as FeedFilter['minSeverity'] })}
        >
          <option value="low">{t('feed.anySeverity')}</option>
          <option value="medium">{t('feed.mediumUp')}</option>
          <option value="high">{t('feed.highOnly')}</option>
        </select>
      </label>
      <label>
        <span>{t('feed.pupil')}</span>
        <select value={filter.pupil} onChange={(e) => onFilter({ ...filter, pupil: e.target.value })}>
          <option value="all">{t('feed.allPupils')}</option>
          {tiles.map((tile) => (
            <option key={tile.key} value={tile.key}>
              {tile.name}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filter) && (
        <button type="button" className="secondary" onClick={() => onFilter(NO_FILTER)}>
          {t('feed.clear')}
        </button>
      )}
    </fieldset>
  );
}

/**
 * The live feed: an ARIA feed of event articles, virtualised so 2,000 events cost no more to
 * render than the few on screen. Page Up/Down and the arrow keys move between articles.
 */
export function EventFeed({
  view,
  total,
  filter,
  onFilter,
  tiles,
  isPinned,
  incidents,
  approvedUntil,
  actions,
  handleRef,
}: {
  /** The events to show, in order (filtered, concerns first). */
  view: StoredEvent[];
  total: number;
  filter: FeedFilter;
  onFilter: (filter: FeedFilter) => void;
  tiles: readonly PupilTile[];
  isPinned: (event: StoredEvent) => boolean;
  incidents: ReadonlyMap<string, RaisedIncident>;
  approvedUntil: ReadonlyMap<string, string>;
  actions: EventCardActions;
  handleRef: Ref<EventFeedHandle>;
}) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 120,
    overscan: 6,
    getItemKey: (index) => view[index]!.id,
  });

  const focusAt = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setFocusIndex(index);
  };

  useImperativeHandle(handleRef, () => ({
    showEvent(eventId) {
      const index = view.findIndex((e) => e.id === eventId);
      if (index >= 0) focusAt(index);
    },
  }));

  // The article is rendered only once the virtualiser has scrolled to it; focus it then.
  useEffect(() => {
    if (focusIndex === null) return;
    const article = scrollRef.current?.querySelector<HTMLElement>(`article[data-index="${focusIndex}"]`);
    if (article) {
      article.focus({ preventScroll: true });
      setFocusIndex(null);
    }
  });

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const article = e.target as HTMLElement;
    const move = MOVES[e.key];
    if (!move || article.tagName !== 'ARTICLE' || view.length === 0) return;
    e.preventDefault();
    const last = view.length - 1;
    focusAt(Math.max(0, Math.min(last, move(Number(article.dataset.index), last))));
  }

  return (
    <section className="live-feed" aria-labelledby="feed-heading">
      <div className="section-head">
        <h2 id="feed-heading">{t('feed.heading')}</h2>
        <p className="feed-count" aria-live="off">
          {t('feed.count', { shown: format.number(view.length), total: format.number(total) })}
        </p>
      </div>
      <FeedFilters filter={filter} onFilter={onFilter} tiles={tiles} />
      <p id="feed-keys" className="visually-hidden">
        {t('feed.keyboardHelp')}
      </p>
      {view.length === 0 ? (
        <p className="feed-empty">{isFiltered(filter) ? t('feed.emptyFiltered') : t('feed.empty')}</p>
      ) : (
        <div ref={scrollRef} className="feed-scroll" onKeyDown={onKeyDown}>
          <div
            role="feed"
            aria-busy="false"
            aria-labelledby="feed-heading"
            aria-describedby="feed-keys"
            className="feed-list"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const event = view[item.index]!;
              return (
                <EventCard
                  key={item.key}
                  event={event}
                  index={item.index}
                  setSize={view.length}
                  pinned={isPinned(event)}
                  incident={incidents.get(event.id)}
                  until={approvedUntil.get(event.id)}
                  actions={actions}
                  measureRef={virtualizer.measureElement}
                  style={{ transform: `translateY(${item.start}px)` }}
                />
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
