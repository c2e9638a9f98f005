import { useTranslation } from 'react-i18next';
import type { LiveThumbnail } from '@waymark/shared';
import { gridSummary, orderTiles, type GridOrder, type PupilTile } from './pupil-grid-state';
import { shortUrl } from './format';
import { TabSummary } from './TabSummary';

function Tile({
  tile,
  selected,
  onSelect,
  picked,
  onPick,
  thumbnail,
}: {
  tile: PupilTile;
  /** The newest thumbnail of one of the pupil's devices (screens shown), or none. */
  thumbnail: LiveThumbnail | null;
  selected: boolean;
  onSelect: (key: string) => void;
  /** Chosen for an action on a selection of pupils (null: this viewer cannot act). */
  picked: boolean | null;
  onPick: (key: string, on: boolean) => void;
}) {
  const { t } = useTranslation('live');
  const page = tile.lastPage;
  const pageText = !page
    ? tile.online
      ? t('grid.nothingYet')
      : null
    : page.urlHidden
      ? t('grid.hidden')
      : page.query
        ? t('grid.searched', { query: page.query })
        : shortUrl(page.url ?? '');
  const devices = tile.online
    ? tile.devices
        .filter((d) => d.online)
        .map((d) => d.name)
        .join(', ')
    : '';
  const classes = [
    'tile',
    tile.online ? 'tile-online' : 'tile-offline',
    tile.urgent ? 'tile-urgent' : '',
    tile.tabs?.offTask ? 'tile-off-task' : '',
    selected ? 'tile-selected' : '',
  ];
  return (
    <li className={classes.join(' ').trim()} data-testid="pupil-tile" data-pupil={tile.key}>
      <button
        type="button"
        className="tile-name"
        aria-pressed={selected}
        aria-label={t('grid.showEvents', { name: tile.name })}
        onClick={() => onSelect(tile.key)}
      >
        {tile.name}
      </button>
      {picked !== null && tile.online && !(tile.updateNeeded && !tile.tabs) && (
        <label className="tile-pick">
          <input type="checkbox" checked={picked} onChange={(e) => onPick(tile.key, e.target.checked)} />
          <span className="visually-hidden">{t('grid.pick', { name: tile.name })}</span>
        </label>
      )}
      <p className="tile-status">
        <span className="presence-dot" aria-hidden="true" />
        <span>
          {tile.online ? t('grid.online') : t('grid.offline')}
          {devices && ` · ${devices}`}
        </span>
      </p>
      {thumbnail &&
        (thumbnail.jpeg ? (
          <img
            className="tile-screen"
            src={`data:image/jpeg;base64,${thumbnail.jpeg}`}
            alt={t('screens.alt', { name: tile.name, site: shortUrl(thumbnail.url ?? '') })}
            width={160}
          />
        ) : (
          thumbnail.updateNeeded && <p className="tile-screen-update">{t('screens.updateNeeded')}</p>
        ))}
      <TabSummary tile={tile} />
      {pageText && !tile.tabs && (
        <p className="tile-page" title={page?.url ?? undefined}>
          <span className="visually-hidden">{t('grid.lastPage')}: </span>
          {pageText}
        </p>
      )}
      {(tile.blocked > 0 || tile.openRequests > 0 || tile.concerns > 0) && (
        <ul className="tile-badges">
          {tile.concerns > 0 && (
            <li className="badge badge-concern">{t('grid.concerns', { count: tile.concerns })}</li>
          )}
          {tile.openRequests > 0 && (
            <li className="badge badge-request">{t('grid.requests', { count: tile.openRequests })}</li>
          )}
          {tile.blocked > 0 && (
            <li className="badge badge-blocked">{t('grid.blocked', { count: tile.blocked })}</li>
          )}
        </ul>
      )}
    </li>
  );
}

/** The class at a glance: a tile per pupil (or unnamed device) with what they are doing this lesson. */
export function PupilGrid({
  tiles,
  order,
  onOrder,
  offTaskOnly,
  onOffTaskOnly,
  selected,
  onSelect,
  picked,
  onPick,
  screens,
  thumbnails,
}: {
  tiles: PupilTile[];
  /**
   * The class's screens (null: the school has them off, or this viewer cannot ask); not `inLesson`:
   * greyed out, with the reason (`screensOffer`).
   */
  screens: { on: boolean; error: string | null; inLesson: boolean; toggle: () => void } | null;
  thumbnails: ReadonlyMap<string, LiveThumbnail>;
  order: GridOrder;
  onOrder: (order: GridOrder) => void;
  offTaskOnly: boolean;
  onOffTaskOnly: (on: boolean) => void;
  selected: string;
  onSelect: (key: string) => void;
  /** Pupils chosen for a selection's actions; null when this viewer cannot act. */
  picked: ReadonlySet<string> | null;
  onPick: (key: string, on: boolean) => void;
}) {
  const { t } = useTranslation('live');
  const summary = gridSummary(tiles);
  const shown = orderTiles(tiles, order).filter((tile) => !offTaskOnly || tile.tabs?.offTask);
  const selectedTile = tiles.find((tile) => tile.key === selected);
  return (
    <section className="live-grid" aria-labelledby="grid-heading">
      <div className="section-head">
        <h2 id="grid-heading">{t('grid.heading')}</h2>
        <label className="grid-order">
          <span>{t('grid.order')}</span>
          <select value={order} onChange={(e) => onOrder(e.target.value as GridOrder)}>
            <option value="name">{t('grid.orderName')}</option>
            <option value="attention">{t('grid.orderAttention')}</option>
            <option value="off-task">{t('grid.orderOffTask')}</option>
          </select>
        </label>
        <label className="grid-filter">
          <input type="checkbox" checked={offTaskOnly} onChange={(e) => onOffTaskOnly(e.target.checked)} />
          <span>{t('grid.offTaskOnly')}</span>
        </label>
      </div>
      {screens && (
        <p className="grid-screens">
          <button
            type="button"
            aria-pressed={screens.on}
            onClick={screens.toggle}
            disabled={!screens.inLesson && !screens.on}
            aria-describedby={!screens.inLesson && !screens.on ? 'screens-outside-lessons' : undefined}
          >
            {screens.on ? t('screens.hide') : t('screens.show')}
          </button>
          {!screens.inLesson && !screens.on ? (
            <span id="screens-outside-lessons" className="screens-error">
              {' '}
              {t('screens.outsideLessons')}
            </span>
          ) : (
            screens.error && (
              <span role="status" className="screens-error">
                {' '}
                {screens.error === 'setting-off'
                  ? t('screens.settingOff')
                  : screens.error === 'outside-lessons'
                    ? t('screens.outsideLessons')
                    : t('screens.failed')}
              </span>
            )
          )}
        </p>
      )}
      <ul className="grid-summary" aria-label={t('summary.label')}>
        <li>{t('summary.online', { online: summary.online, total: summary.total })}</li>
        <li>{t('summary.blocked', { count: summary.blocked })}</li>
        <li className={summary.openRequests > 0 ? 'summary-request' : undefined}>
          {t('summary.requests', { count: summary.openRequests })}
        </li>
        <li className={summary.concerns > 0 ? 'summary-concern' : undefined}>
          {t('summary.concerns', { count: summary.concerns })}
        </li>
        <li className={summary.offTask > 0 ? 'summary-off-task' : undefined}>
          {t('summary.offTask', { count: summary.offTask })}
        </li>
      </ul>
      {selectedTile && (
        <p className="grid-selection">
          {t('grid.showing', { name: selectedTile.name })}{' '}
          <button type="button" className="link-button" onClick={() => onSelect('all')}>
            {t('grid.showAll')}
          </button>
        </p>
      )}
      {tiles.length === 0 ? (
        <p>{t('grid.empty')}</p>
      ) : shown.length === 0 ? (
        <p>{t('grid.noneOffTask')}</p>
      ) : (
        <ul className="pupil-grid">
          {shown.map((tile) => (
            <Tile
              key={tile.key}
              tile={tile}
              selected={tile.key === selected}
              onSelect={onSelect}
              picked={picked ? picked.has(tile.key) : null}
              onPick={onPick}
              thumbnail={
                tile.devices
                  .map((d) => thumbnails.get(d.id))
                  .filter((m): m is LiveThumbnail => m !== undefined)
                  .sort((a, b) => b.at.localeCompare(a.at))[0] ?? null
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
