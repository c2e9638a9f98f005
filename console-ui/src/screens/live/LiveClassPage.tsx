import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can, type Category, type LiveTabs, type StoredEvent } from '@waymark/shared';
import { FEED_LIMIT, feedView, isPinned, NO_FILTER, type FeedFilter } from '../../lib/event-feed';
import { useSession } from '../../lib/session';
import { playUrgentTone } from './alert-sound';
import { liveApi } from './api';
import { EventFeed, type EventFeedHandle } from './EventFeed';
import { LessonControls, overridesKey, useNow } from './LessonControls';
import { LessonSource } from './LessonSource';
import { ScheduledSessions, scheduledKey } from './ScheduledSessions';
import { PupilGrid } from './PupilGrid';
import { PupilDetail } from './PupilDetail';
import { LateResultsContext, LiveActions } from './LiveActions';
import { openSites } from './TabSummary';
import { lessonSites } from './off-task';
import { useOffTask } from './OffTaskCategories';
import { buildGrid, type GridOrder } from './pupil-grid-state';
import { RaiseIncidentDialog, type RaisedIncident } from './RaiseIncidentDialog';
import { SoundToggle, useSoundPreference } from './SoundToggle';
import { UrgentBanner, useUrgentText } from './UrgentBanner';
import { useLiveClass } from './use-live-class';
import { screensOffer } from './screens-offer';
import { useSessionSet } from './use-session-set';
import './live.css';

const rosterKey = (classId: string) => ['live', classId, 'roster'] as const;
const NO_TABS: ReadonlyMap<string, LiveTabs> = new Map();

export function LiveClassPage() {
  const { classId = '' } = useParams();
  const { t } = useTranslation('live');
  const queryClient = useQueryClient();
  const session = useSession();
  const role = session.data?.role;
  const canDecide = can(role, 'lesson-overrides');
  const canDecideForwarded = can(role, 'watch-all-classes');
  const canRaise = can(role, 'raise-incident');

  const [soundOn, setSoundOn] = useSoundPreference();
  const [urgent, setUrgent] = useState<StoredEvent[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const urgentText = useUrgentText();

  const roster = useQuery({
    queryKey: rosterKey(classId),
    queryFn: () => liveApi.roster(classId),
    // The lesson moves on and devices report in: a fresh snapshot every minute keeps the counts exact.
    refetchInterval: 60_000,
  });

  const live = useLiveClass(classId, {
    onUrgent: (events) => {
      setUrgent(events);
      setAnnouncement(urgentText(events));
      if (soundOn) playUrgentTone();
    },
    onReconnected: () => {
      void queryClient.invalidateQueries({ queryKey: ['live', classId] });
    },
    onOverridesChanged: () => {
      void queryClient.invalidateQueries({ queryKey: overridesKey(classId) });
    },
    // A period boundary or a session moved pupils in or out of this lesson: who is here changed.
    onLessonChanged: () => {
      void queryClient.invalidateQueries({ queryKey: rosterKey(classId) });
      void queryClient.invalidateQueries({ queryKey: scheduledKey(classId) });
    },
  });

  const [filter, setFilter] = useState<FeedFilter>(NO_FILTER);
  const [order, setOrder] = useState<GridOrder>('name');
  const [offTaskOnly, setOffTaskOnly] = useState(false);
  // Pupils chosen for an action on a selection (by tile key).
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // The lesson's open and focus sites decide what is off task (the same query as the lesson controls).
  const overrides = useQuery({
    queryKey: overridesKey(classId),
    queryFn: () => liveApi.overrides(classId),
    enabled: canDecide,
    refetchInterval: 30_000,
  });
  const now = useNow(5_000);
  const sites = useMemo(() => lessonSites(overrides.data ?? [], new Date(now)), [overrides.data, now]);
  const offTask = useOffTask(classId);
  // Lapsed at the lesson's end even before the next fetch.
  const offTaskList =
    offTask.data?.until && Date.parse(offTask.data.until) > now ? offTask.data.categories.join() : '';
  const offTaskCategories = useMemo(
    () => new Set(offTaskList ? (offTaskList.split(',') as Category[]) : []),
    [offTaskList],
  );
  const handled = useSessionSet(`waymark.live.${classId}.handled`);
  const [incidents, setIncidents] = useState<ReadonlyMap<string, RaisedIncident>>(new Map());
  const [raising, setRaising] = useState<StoredEvent | null>(null);
  const feedRef = useRef<EventFeedHandle>(null);

  // The school shows tabs only in lessons and this class has none now: what arrived earlier goes too.
  const tabsHidden = roster.data?.tabState === 'outside-lessons';
  const tiles = useMemo(
    () =>
      roster.data
        ? buildGrid(roster.data, live.events, live.presence, {
            canDecideForwarded,
            tabs: tabsHidden ? NO_TABS : live.tabs,
            lessonSites: sites,
            offTaskCategories,
          })
        : [],
    [
      roster.data,
      live.events,
      live.presence,
      canDecideForwarded,
      live.tabs,
      sites,
      offTaskCategories,
      tabsHidden,
    ],
  );
  // This lesson's concerns and open requests stay on screen and actionable, however busy the feed.
  const { merge } = live;
  useEffect(() => {
    if (roster.data) merge(roster.data.attention);
  }, [roster.data, merge]);

  // The feed keeps only the newest FEED_LIMIT events: once it no longer reaches back to the roster's
  // snapshot, events between the two would go uncounted, so take a fresh snapshot.
  const oldestKept = live.events[FEED_LIMIT - 1];
  const snapshotOutrun =
    roster.data !== undefined &&
    oldestKept !== undefined &&
    Date.parse(oldestKept.receivedAt) > Date.parse(roster.data.asOf);
  useEffect(() => {
    if (snapshotOutrun) void queryClient.invalidateQueries({ queryKey: rosterKey(classId) });
  }, [snapshotOutrun, queryClient, classId]);

  const view = useMemo(
    () => feedView(live.events, filter, handled.values),
    [live.events, filter, handled.values],
  );
  const pinned = useCallback((e: StoredEvent) => isPinned(e, handled.values), [handled.values]);

  const showEvent = (event: StoredEvent) => {
    setFilter(NO_FILTER);
    setUrgent([]);
    // After the filter is cleared the event is in the feed: scroll to it on the next frame.
    requestAnimationFrame(() => feedRef.current?.showEvent(event.id));
  };

  const className = roster.data?.className;
  const selectedTile = tiles.find((tile) => tile.key === filter.pupil);
  // The class's actions go to every device of the class that can take them: at once if it is
  // online, or when it comes back, if that is still within the lesson.
  const actionable = tiles.filter((tile) => !(tile.updateNeeded && !tile.tabs));
  const targetsOf = (list: typeof tiles) =>
    list.flatMap((tile) => tile.devices.map((d) => ({ deviceId: d.id, name: tile.name })));
  const classTargets = targetsOf(actionable);
  const pickedTiles = actionable.filter((tile) => picked.has(tile.key));
  const offer = screensOffer(canDecide, roster.data);
  return (
    <LateResultsContext.Provider value={live.lateResults}>
      <div className="live-class">
        <div className="live-head">
          <p className="back-link">
            <Link to="/">← {t('back')}</Link>
          </p>
          <h1 id="live-heading">{className ? t('title', { name: className }) : t('titlePending')}</h1>
          <p className={`connection connection-${live.connection}`} role="status">
            <span className="presence-dot" aria-hidden="true" />
            {live.connection === 'live'
              ? t('connection.live')
              : live.connection === 'connecting'
                ? t('connection.connecting')
                : t('connection.lost')}
          </p>
          <SoundToggle on={soundOn} onChange={setSoundOn} />
        </div>
        {(live.error || roster.isError) && (
          <p role="alert" className="error">
            {live.error ?? roster.error?.message}
          </p>
        )}
        <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
          {announcement}
        </p>
        <UrgentBanner events={urgent} onShow={showEvent} onDismiss={() => setUrgent([])} />
        <LessonSource classId={classId} roster={roster.data} canStart={canDecide} />
        {tabsHidden && (
          <p className="tabs-outside-lessons" data-testid="tabs-outside-lessons">
            {t('outsideLessons')}
          </p>
        )}
        <LessonControls classId={classId} roster={roster.data} canOverride={canDecide} />
        {canDecide && <ScheduledSessions classId={classId} />}
        {canDecide && (
          <section className="class-actions" aria-labelledby="class-actions-heading">
            <h2 id="class-actions-heading">{t('actions.classHeading')}</h2>
            <LiveActions
              classId={classId}
              targets={classTargets}
              label={t('actions.theClass')}
              sites={openSites(actionable)}
            />
          </section>
        )}
        {canDecide && pickedTiles.length > 0 && (
          <section className="class-actions" aria-labelledby="picked-actions-heading">
            <h2 id="picked-actions-heading">
              {t('actions.pickedHeading', { names: pickedTiles.map((tile) => tile.name).join(', ') })}
            </h2>
            <LiveActions
              classId={classId}
              targets={targetsOf(pickedTiles)}
              label={t('actions.thePicked', { count: pickedTiles.length })}
            />
            <button type="button" className="link-button" onClick={() => setPicked(new Set())}>
              {t('actions.clearPicked')}
            </button>
          </section>
        )}
        {selectedTile && (
          <PupilDetail
            classId={classId}
            tile={selectedTile}
            canAct={canDecide}
            lessonStart={roster.data?.lesson.startsAt ?? null}
            replies={live.replies.filter((r) => selectedTile.devices.some((d) => d.id === r.deviceId))}
            onClose={() => setFilter({ ...filter, pupil: 'all' })}
          />
        )}
        <div className="live-columns">
          <PupilGrid
            tiles={tiles}
            order={order}
            onOrder={setOrder}
            offTaskOnly={offTaskOnly}
            onOffTaskOnly={setOffTaskOnly}
            picked={canDecide ? picked : null}
            onPick={(key, on) =>
              setPicked((held) => {
                const next = new Set(held);
                if (on) next.add(key);
                else next.delete(key);
                return next;
              })
            }
            selected={filter.pupil}
            onSelect={(key) => setFilter({ ...filter, pupil: filter.pupil === key ? 'all' : key })}
            screens={
              offer === 'hidden'
                ? null
                : {
                    ...live.screens,
                    inLesson: offer === 'offered',
                    toggle: () => live.showScreens(!live.screens.on),
                  }
            }
            thumbnails={live.thumbnails}
          />
          <EventFeed
            view={view}
            total={live.events.length}
            filter={filter}
            onFilter={setFilter}
            tiles={tiles}
            isPinned={pinned}
            incidents={incidents}
            approvedUntil={live.approvedUntil}
            handleRef={feedRef}
            actions={{
              canRaise,
              canDecide,
              canDecideForwarded,
              onRaise: setRaising,
              onSeen: (e) => handled.add(e.id),
              onDecided: live.applyDecision,
            }}
          />
        </div>
        <RaiseIncidentDialog
          event={raising}
          saved={raising ? incidents.get(raising.id) : undefined}
          lessonStart={roster.data?.lesson.startsAt ?? null}
          onSaved={(event, incident) => {
            setIncidents((m) => new Map(m).set(event.id, incident));
            handled.add(event.id);
          }}
          onClose={() => {
            // Once saved, the card's button has become a link to the incident: put the focus back on the card.
            if (raising && incidents.has(raising.id)) feedRef.current?.showEvent(raising.id);
            setRaising(null);
          }}
        />
      </div>
    </LateResultsContext.Provider>
  );
}
