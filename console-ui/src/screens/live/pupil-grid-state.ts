import {
  gridPupilOf,
  type ClassRoster,
  type DevicePresence,
  type LastPage,
  type LiveTabs,
  type RequestStatus,
  type RosterDevice,
  type Category,
  type StoredEvent,
  type TabInfo,
} from '@waymark/shared';
import { offTaskReason, type LessonSites } from './off-task';

/** One tile of the live class grid, as the teacher sees it now. */
export interface PupilTile {
  key: string;
  name: string;
  email: string | null;
  devices: RosterDevice[];
  online: boolean;
  lastPage: LastPage | null;
  blocked: number;
  concerns: number;
  /** Unblock requests waiting for this viewer's decision. */
  openRequests: number;
  /** Something of high severity from this pupil this lesson (a concern, tamper, a high-risk site, a flagged search). */
  urgent: boolean;
  /** What the pupil's browser shows now (live while the class is watched), or null before it says. */
  tabs: TileTabs | null;
  /** A device of this pupil runs an extension too old to show its tabs. */
  updateNeeded: boolean;
}

/** The newest tab state of a tile's devices. */
interface TileTabs {
  deviceId: string;
  active: TabInfo | null;
  all: TabInfo[];
  windowFocused: boolean;
  idle: 'active' | 'idle' | 'locked';
  /** The active tab's site is outside the lesson's open or focus sites, or in a category marked off task. */
  offTask: boolean;
  /** The marked category that makes it off task (null: outside the lesson's sites, or on task). */
  offTaskCategory: Category | null;
  at: string;
}

interface GridOptions {
  /** The DSL decides forwarded requests too, so they count as open for them. */
  canDecideForwarded: boolean;
  /** The newest tab state of each device (by device id) since the page opened. */
  tabs?: ReadonlyMap<string, LiveTabs>;
  /** The lesson's open and focus sites now: a tab elsewhere is off task. */
  lessonSites?: LessonSites;
  /** The categories the teacher marked off task for the lesson. */
  offTaskCategories?: ReadonlySet<Category>;
}

const time = (iso: string) => Date.parse(iso);

/** Later in time; at the same moment, the later id (uuid v7 ids grow with time), as the server orders them. */
function isLater(a: LastPage, b: LastPage): boolean {
  return time(a.at) > time(b.at) || (time(a.at) === time(b.at) && a.eventId > b.eventId);
}

function lastPageOf(e: StoredEvent): LastPage | null {
  if (e.url === null && !e.urlHidden) return null;
  return {
    eventId: e.id,
    url: e.url,
    urlHidden: e.urlHidden,
    query: e.kind === 'search' && typeof e.details.query === 'string' ? e.details.query : null,
    at: e.occurredAt,
  };
}

/**
 * The grid: the roster (a snapshot at `asOf`) brought up to date with what the socket said since:
 * devices coming and going, and events the server received after `asOf`. Pure, so the same
 * roster, presence and feed always give the same grid, whatever order they arrived in.
 */
export function buildGrid(
  roster: ClassRoster,
  events: readonly StoredEvent[],
  presence: readonly DevicePresence[],
  options: GridOptions,
): PupilTile[] {
  const asOf = time(roster.asOf);
  const lessonStart = time(roster.lesson.startsAt);
  const tiles = new Map<string, PupilTile>();
  const requests = new Map<string, RequestStatus>();
  const requestOwner = new Map<string, string>();

  const tile = ({ key, name, email }: { key: string; name: string; email: string | null }): PupilTile => {
    let found = tiles.get(key);
    if (!found) {
      found = {
        key,
        name,
        email,
        devices: [],
        online: false,
        lastPage: null,
        blocked: 0,
        concerns: 0,
        openRequests: 0,
        urgent: false,
        tabs: null,
        updateNeeded: false,
      };
      tiles.set(key, found);
    }
    return found;
  };

  for (const p of roster.pupils) {
    const t = tile(p);
    t.devices = p.devices.map((d) => ({ ...d }));
    t.lastPage = p.lastPage;
    t.blocked = p.blocked;
    t.concerns = p.concerns;
    for (const r of p.openRequests) {
      requests.set(r.id, r.status);
      requestOwner.set(r.id, p.key);
    }
  }

  // Presence after the snapshot, oldest first: the latest word on each device wins.
  const changes = presence.filter((p) => time(p.at) > asOf).sort((a, b) => time(a.at) - time(b.at));
  for (const p of changes) {
    for (const t of tiles.values()) t.devices = t.devices.filter((d) => d.id !== p.deviceId);
    if (p.classId !== roster.classId) continue; // signed in as a pupil of another class
    tile(gridPupilOf(p)).devices.push({
      id: p.deviceId,
      name: p.deviceName,
      online: p.online,
      lastSeenAt: p.at,
    });
  }

  // The class's pupils in another lesson now (a period boundary passed, a session): their earlier
  // events here stay in the feed but give them no tile.
  const elsewhere = new Set((roster.elsewhere ?? []).map((p) => p.email));
  for (const e of events) {
    if (e.classId !== roster.classId || time(e.occurredAt) < lessonStart) continue;
    if (e.user && elsewhere.has(e.user)) continue;
    const t = tile(gridPupilOf(e));
    if (e.severity === 'high') t.urgent = true;
    const page = lastPageOf(e);
    if (page && (!t.lastPage || isLater(page, t.lastPage))) t.lastPage = page;
    if (e.kind === 'unblock-request') {
      // The feed's copy is the latest word on a request (the socket updates it as it is decided).
      requests.set(e.id, e.requestStatus ?? 'pending');
      requestOwner.set(e.id, t.key);
    }
    if (time(e.receivedAt) <= asOf) continue; // already counted in the snapshot
    if (e.kind === 'blocked') t.blocked += typeof e.details.repeats === 'number' ? e.details.repeats : 1;
    if (e.kind === 'concern') t.concerns += 1;
  }

  for (const [id, status] of requests) {
    const open = status === 'pending' || (status === 'forwarded' && options.canDecideForwarded);
    if (open) tiles.get(requestOwner.get(id)!)!.openRequests += 1;
  }
  for (const live of options.tabs?.values() ?? []) {
    if (live.classId !== roster.classId) continue;
    const t = tile(gridPupilOf(live));
    if (live.updateNeeded) {
      t.updateNeeded = true;
      continue;
    }
    const state = live.state;
    if (!state || (t.tabs && time(t.tabs.at) > time(live.receivedAt))) continue;
    const active = state.tabs.find((tab) => tab.id === state.activeTabId) ?? null;
    const reason = active && offTaskReason(active, options.lessonSites, options.offTaskCategories);
    t.tabs = {
      deviceId: live.deviceId,
      active,
      all: state.tabs,
      windowFocused: state.windowFocused,
      idle: state.idle,
      offTask: reason !== null,
      offTaskCategory: reason?.kind === 'category' ? reason.category : null,
      at: live.receivedAt,
    };
  }
  for (const t of tiles.values()) {
    t.online = t.devices.some((d) => d.online);
    if (t.concerns > 0) t.urgent = true;
    // Tabs of a device that has gone offline since are not what the pupil does now.
    if (t.tabs && !t.devices.some((d) => d.id === t.tabs!.deviceId && d.online)) t.tabs = null;
  }
  return [...tiles.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export type GridOrder = 'name' | 'attention' | 'off-task';

/** How much a tile needs the teacher now: concerns, then anything urgent, requests, blocked attempts. */
export function attention(t: PupilTile): number {
  return t.concerns * 1_000_000 + (t.urgent ? 100_000 : 0) + t.openRequests * 1_000 + t.blocked;
}

export function orderTiles(tiles: readonly PupilTile[], order: GridOrder): PupilTile[] {
  if (order === 'name') return tiles.slice();
  if (order === 'off-task')
    return tiles
      .slice()
      .sort(
        (a, b) =>
          Number(b.tabs?.offTask ?? false) - Number(a.tabs?.offTask ?? false) ||
          Number(b.online) - Number(a.online) ||
          a.name.localeCompare(b.name, 'en-GB'),
      );
  return tiles
    .slice()
    .sort(
      (a, b) =>
        attention(b) - attention(a) ||
        Number(b.online) - Number(a.online) ||
        a.name.localeCompare(b.name, 'en-GB'),
    );
}

/** Counts for the summary line above the grid. */
export function gridSummary(tiles: readonly PupilTile[]) {
  return {
    online: tiles.filter((t) => t.online).length,
    total: tiles.length,
    blocked: tiles.reduce((n, t) => n + t.blocked, 0),
    openRequests: tiles.reduce((n, t) => n + t.openRequests, 0),
    concerns: tiles.reduce((n, t) => n + t.concerns, 0),
    offTask: tiles.filter((t) => t.tabs?.offTask).length,
  };
}
