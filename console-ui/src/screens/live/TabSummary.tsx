import { useTranslation } from 'react-i18next';
import type { TabInfo } from '@waymark/shared';
import type { PupilTile } from './pupil-grid-state';

/** The web sites open on these pupils' devices now, sorted (for closing a site). */
export function openSites(tiles: readonly PupilTile[]): string[] {
  const sites = new Set<string>();
  for (const tile of tiles)
    for (const tab of tile.tabs?.all ?? [])
      if (tab.url !== null && !tab.blocked && /^https?:/.test(tab.url)) sites.add(siteOf(tab.url));
  return [...sites].sort();
}

/** The site of an address (its host), or the address itself when it is not a web one. */
export function siteOf(url: string | null): string {
  if (url === null) return '';
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'chrome-extension:') return 'Waymark';
    return /^https?:$/.test(parsed.protocol) ? parsed.hostname.replace(/^www\./, '') : url;
  } catch {
    return url;
  }
}

/** A tab's favicon (http(s) only, fetched without a referrer) or an empty square of the same size. */
export function Favicon({ tab }: { tab: TabInfo | null }) {
  return tab?.favIconUrl ? (
    <img
      className="favicon"
      src={tab.favIconUrl}
      alt=""
      width={16}
      height={16}
      referrerPolicy="no-referrer"
      loading="lazy"
    />
  ) : (
    <span className="favicon favicon-none" aria-hidden="true" />
  );
}

/** A tab's title as the teacher may read it. */
export function useTabTitle() {
  const { t } = useTranslation('live');
  return (tab: TabInfo) =>
    tab.url === null ? t('tabs.hidden') : tab.blocked ? t('tabs.blockedTitle') : tab.title || siteOf(tab.url);
}

/** What a pupil's tile shows of their browser now: active tab, tab count, idle or away, off task. */
export function TabSummary({ tile }: { tile: PupilTile }) {
  const { t } = useTranslation('live');
  const title = useTabTitle();
  if (tile.updateNeeded && !tile.tabs) return <p className="tile-update">{t('tabs.updateNeeded')}</p>;
  const tabs = tile.tabs;
  if (!tabs) return null;
  const away = tabs.idle !== 'active' || !tabs.windowFocused;
  const awayText =
    tabs.idle === 'locked' ? t('tabs.locked') : tabs.idle === 'idle' ? t('tabs.idle') : t('tabs.away');
  return (
    <div className="tile-tabs" data-testid="tile-tabs">
      {tabs.active ? (
        <p className="tile-active" title={tabs.active.url ?? undefined}>
          <Favicon tab={tabs.active} />
          <span className="tile-active-text">
            <span className="visually-hidden">{t('tabs.activeTab')}: </span>
            <span className="tile-active-title">{title(tabs.active)}</span>
            {tabs.active.url !== null && <span className="tile-site">{siteOf(tabs.active.url)}</span>}
          </span>
        </p>
      ) : (
        <p className="tile-active">{t('tabs.noWindow')}</p>
      )}
      <ul className="tile-badges">
        <li className="badge badge-tabs">{t('tabs.count', { count: tabs.all.length })}</li>
        {tabs.offTask && (
          <li className="badge badge-off-task">
            {tabs.offTaskCategory
              ? t('tabs.offTaskCategory', { category: t(`categories.${tabs.offTaskCategory}`) })
              : t('tabs.offTask')}
          </li>
        )}
        {away && <li className="badge badge-away">{awayText}</li>}
      </ul>
    </div>
  );
}
