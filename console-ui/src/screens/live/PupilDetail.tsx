import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveActionRecord, LiveReply } from '@waymark/shared';
import { liveApi } from './api';
import { ActionResults, LiveActions } from './LiveActions';
import type { PupilTile } from './pupil-grid-state';
import { Favicon, openSites, siteOf, useTabTitle } from './TabSummary';
import { useFormatters } from './format';
import { LessonTimeline } from './LessonTimeline';

/** The selected pupil: every tab open now, the active one marked. */
export function PupilDetail({
  classId,
  tile,
  replies,
  canAct,
  lessonStart,
  onClose,
}: {
  classId: string;
  tile: PupilTile;
  /** When the lesson began: the timeline starts there. */
  lessonStart: string | null;
  /** Replies to messages from this pupil's devices. */
  replies: readonly LiveReply[];
  canAct: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('live');
  const title = useTabTitle();
  const format = useFormatters();
  const tabs = tile.tabs;
  const [closed, setClosed] = useState<LiveActionRecord | null>(null);
  const targets = tile.devices.map((d) => ({ deviceId: d.id, name: tile.name }));
  const closeTab = async (deviceId: string, tabId: number) =>
    setClosed(await liveApi.act(classId, { deviceIds: [deviceId], action: { kind: 'close-tab', tabId } }));
  return (
    <section className="pupil-detail" aria-labelledby="pupil-detail-heading" data-testid="pupil-detail">
      <div className="section-head">
        <h2 id="pupil-detail-heading">{t('detail.heading', { name: tile.name })}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>
      {tile.updateNeeded && !tabs ? (
        <p>{t('tabs.updateNeededLong')}</p>
      ) : !tabs ? (
        <p>{tile.online ? t('detail.waiting') : t('detail.offline')}</p>
      ) : (
        <>
          <p className="detail-meta">
            {t('detail.asOf', { time: format.time(tabs.at) })}
            {' · '}
            {tabs.idle === 'locked'
              ? t('tabs.locked')
              : tabs.idle === 'idle'
                ? t('tabs.idle')
                : tabs.windowFocused
                  ? t('detail.atDevice')
                  : t('tabs.away')}
          </p>
          <h3 className="visually-hidden">{t('detail.tabsHeading')}</h3>
          <ul className="detail-tabs" aria-label={t('tabs.count', { count: tabs.all.length })}>
            {tabs.all.map((tab) => {
              const active = tab.id === tabs.active?.id;
              return (
                <li
                  key={tab.id}
                  className={active ? 'detail-tab detail-tab-active' : 'detail-tab'}
                  data-testid="detail-tab"
                >
                  <Favicon tab={tab} />
                  <span className="detail-tab-text">
                    <span className="detail-tab-title">{title(tab)}</span>
                    {tab.url !== null && (
                      <span className="detail-tab-url">{tab.blocked ? siteOf(tab.url) : tab.url}</span>
                    )}
                  </span>
                  {active && <span className="badge badge-tabs">{t('detail.active')}</span>}
                  {active && tabs.offTask && (
                    <span className="badge badge-off-task">
                      {tabs.offTaskCategory
                        ? t('tabs.offTaskCategory', { category: t(`categories.${tabs.offTaskCategory}`) })
                        : t('tabs.offTask')}
                    </span>
                  )}
                  {canAct && (
                    <button
                      type="button"
                      className="close-tab"
                      aria-label={t('detail.closeTab', { title: title(tab) })}
                      onClick={() => void closeTab(tabs.deviceId, tab.id)}
                    >
                      {t('detail.closeTabShort')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {closed && <ActionResults record={closed} targets={targets} />}
        </>
      )}
      {lessonStart && (
        <LessonTimeline classId={classId} pupilKey={tile.key} name={tile.name} since={lessonStart} />
      )}
      {replies.length > 0 && (
        <>
          <h3>{t('detail.replies')}</h3>
          <ul className="replies" data-testid="pupil-replies">
            {replies.map((r) => (
              <li key={`${r.actionId}:${r.deviceId}`}>
                <span className="note">{format.time(r.at)}</span> {r.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {canAct && !tile.updateNeeded && (
        <LiveActions classId={classId} targets={targets} label={tile.name} sites={openSites([tile])} />
      )}
    </section>
  );
}
