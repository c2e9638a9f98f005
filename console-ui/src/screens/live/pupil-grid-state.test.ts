import { describe, expect, it } from 'vitest';
import type { Category, ClassRoster, DevicePresence, LiveTabs, StoredEvent, TabInfo } from '@waymark/shared';
import { buildGrid, gridSummary, orderTiles } from './pupil-grid-state';
import { lessonSites } from './off-task';

const MIA = 'mia@pupils.test';
const LEO = 'leo@pupils.test';
const AS_OF = '2026-11-24T10:10:00.000Z';

function roster(extra: Partial<ClassRoster> = {}): ClassRoster {
  return {
    classId: 'owls',
    className: 'Year 2 (Owls)',
    profile: 'KS1',
    asOf: AS_OF,
    lesson: { startsAt: '2026-11-24T09:50:00.000Z', endsAt: '2026-11-24T10:50:00.000Z', inTimetable: true },
    pupils: [
      {
        key: MIA,
        name: 'Mia Walker',
        email: MIA,
        devices: [{ id: 'd1', name: 'Owls 1', online: true, lastSeenAt: AS_OF }],
        lastPage: {
          eventId: 'x',
          url: 'https://old.example/',
          urlHidden: false,
          query: null,
          at: '2026-11-24T10:00:00.000Z',
        },
        blocked: 2,
        concerns: 0,
        openRequests: [{ id: 'req-1', status: 'pending' }],
      },
      {
        key: LEO,
        name: 'Leo Edwards',
        email: LEO,
        devices: [],
        lastPage: null,
        blocked: 0,
        concerns: 0,
        openRequests: [],
      },
    ],
    attention: [],
    ...extra,
  };
}

function event(id: string, receivedAt: string, extra: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id,
    schoolId: 'demo',
    kind: 'blocked',
    severity: 'low',
    occurredAt: receivedAt,
    receivedAt,
    deviceId: 'd1',
    deviceName: 'Owls 1',
    user: MIA,
    pupilName: 'Mia Walker',
    ip: null,
    classId: 'owls',
    className: 'Year 2 (Owls)',
    profile: 'KS1',
    url: 'https://games.example/',
    urlHidden: false,
    category: null,
    rule: null,
    details: {},
    requestStatus: null,
    ...extra,
  };
}

function presence(extra: Partial<DevicePresence>): DevicePresence {
  return {
    deviceId: 'd2',
    deviceName: 'Owls 2',
    classId: 'owls',
    user: LEO,
    pupilName: 'Leo Edwards',
    online: true,
    at: '2026-11-24T10:11:00.000Z',
    ...extra,
  };
}

const options = { canDecideForwarded: false };
const byKey = (tiles: ReturnType<typeof buildGrid>, key: string) => tiles.find((t) => t.key === key)!;

describe('buildGrid', () => {
  it('starts from the roster: pupils by name, online from their devices', () => {
    const tiles = buildGrid(roster(), [], [], options);
    expect(tiles.map((t) => t.name)).toEqual(['Leo Edwards', 'Mia Walker']);
    expect(byKey(tiles, MIA)).toMatchObject({ online: true, blocked: 2, openRequests: 1, urgent: false });
    expect(byKey(tiles, LEO).online).toBe(false);
  });

  it('counts only events received after the snapshot, so nothing is counted twice', () => {
    const before = event('e1', '2026-11-24T10:05:00.000Z');
    const after = event('e2', '2026-11-24T10:12:00.000Z', { details: { repeats: 3 } });
    const tiles = buildGrid(roster(), [after, before], [], options);
    expect(byKey(tiles, MIA).blocked).toBe(2 + 3);
  });

  it('ignores events from before the lesson and from other classes', () => {
    const earlier = event('e1', '2026-11-24T09:00:00.000Z');
    const elsewhere = event('e2', '2026-11-24T10:12:00.000Z', { classId: 'kestrels' });
    expect(byKey(buildGrid(roster(), [earlier, elsewhere], [], options), MIA).blocked).toBe(2);
  });

  it('shows the latest page reported, hidden when the category is illegal', () => {
    const search = event('s', '2026-11-24T10:12:00.000Z', {
      kind: 'search',
      url: 'https://www.google.com/search?q=owls',
      details: { query: 'owls' },
    });
    expect(byKey(buildGrid(roster(), [search], [], options), MIA).lastPage).toMatchObject({ query: 'owls' });
    const hidden = event('h', '2026-11-24T10:13:00.000Z', { url: null, urlHidden: true });
    expect(byKey(buildGrid(roster(), [hidden, search], [], options), MIA).lastPage).toMatchObject({
      url: null,
      urlHidden: true,
    });
  });

  it('breaks a tie in time by the later event id, as the server does', () => {
    const sameMoment = '2026-11-24T10:00:00.000Z';
    const later = event('y', sameMoment, { url: 'https://later.example/' });
    const tiles = buildGrid(roster(), [later], [], options);
    expect(byKey(tiles, MIA).lastPage?.url).toBe('https://later.example/');
  });

  it('marks a pupil urgent for a concern or any high-severity event', () => {
    const concern = event('c', '2026-11-24T10:12:00.000Z', { kind: 'concern', severity: 'high', url: null });
    const tiles = buildGrid(roster(), [concern], [], options);
    expect(byKey(tiles, MIA)).toMatchObject({ concerns: 1, urgent: true });
  });

  it('closes a request once the feed hears it was decided; the DSL also decides forwarded ones', () => {
    const decided = event('req-1', '2026-11-24T10:01:00.000Z', {
      kind: 'unblock-request',
      requestStatus: 'approved',
    });
    expect(byKey(buildGrid(roster(), [decided], [], options), MIA).openRequests).toBe(0);
    const forwarded = { ...decided, requestStatus: 'forwarded' as const };
    expect(byKey(buildGrid(roster(), [forwarded], [], options), MIA).openRequests).toBe(0);
    expect(byKey(buildGrid(roster(), [forwarded], [], { canDecideForwarded: true }), MIA).openRequests).toBe(
      1,
    );
    const fresh = event('req-2', '2026-11-24T10:12:00.000Z', {
      kind: 'unblock-request',
      requestStatus: 'pending',
    });
    expect(byKey(buildGrid(roster(), [fresh], [], options), MIA).openRequests).toBe(2);
  });

  it('brings devices online and offline, latest word first, ignoring what the snapshot already knew', () => {
    const on = presence({});
    const stale = presence({ online: false, at: '2026-11-24T10:09:00.000Z' });
    expect(byKey(buildGrid(roster(), [], [on, stale], options), LEO).online).toBe(true);
    const off = presence({ online: false, at: '2026-11-24T10:15:00.000Z' });
    const leo = byKey(buildGrid(roster(), [], [off, on], options), LEO);
    expect(leo.online).toBe(false);
    expect(leo.devices).toHaveLength(1);
  });

  it('moves a device to whoever signs in to it, and drops it when they belong to another class', () => {
    const moved = presence({ deviceId: 'd1', deviceName: 'Owls 1' });
    const tiles = buildGrid(roster(), [], [moved], options);
    expect(byKey(tiles, MIA).devices).toEqual([]);
    expect(byKey(tiles, LEO).devices.map((d) => d.id)).toEqual(['d1']);
    const away = presence({ deviceId: 'd1', classId: 'kestrels', user: 'someone@pupils.test' });
    expect(buildGrid(roster(), [], [away], options).flatMap((t) => t.devices)).toEqual([]);
  });

  it('adds a tile for a device nobody is signed in to', () => {
    const shared = presence({ deviceId: 'd9', deviceName: 'Shared laptop', user: null, pupilName: null });
    const blocked = event('e', '2026-11-24T10:12:00.000Z', {
      deviceId: 'd9',
      deviceName: 'Shared laptop',
      user: null,
      pupilName: null,
    });
    const tile = byKey(buildGrid(roster(), [blocked], [shared], options), 'device:d9');
    expect(tile).toMatchObject({ name: 'Shared laptop', email: null, online: true, blocked: 1 });
  });
});

describe('orderTiles and gridSummary', () => {
  it('puts the pupils who need the teacher first when asked', () => {
    const concern = event('c', '2026-11-24T10:12:00.000Z', {
      kind: 'concern',
      severity: 'high',
      user: LEO,
      pupilName: 'Leo Edwards',
    });
    const tiles = buildGrid(roster(), [concern], [], options);
    expect(orderTiles(tiles, 'name').map((t) => t.name)).toEqual(['Leo Edwards', 'Mia Walker']);
    const mia = buildGrid(roster(), [], [], options);
    expect(orderTiles(mia, 'attention')[0]!.name).toBe('Mia Walker');
    expect(gridSummary(tiles)).toEqual({
      online: 1,
      total: 2,
      blocked: 2,
      openRequests: 1,
      concerns: 1,
      offTask: 0,
    });
  });
});

describe('live tabs on the grid', () => {
  const overrides = [
    {
      id: 'o1',
      classId: 'owls',
      kind: 'focus' as const,
      sites: ['bbc.co.uk'],
      startsAt: '2026-11-24T10:00:00.000Z',
      endsAt: '2026-11-24T10:40:00.000Z',
      createdBy: 'Ms Khan',
    },
  ];
  const liveTabs = (
    deviceId: string,
    url: string,
    receivedAt: string,
    extra: Partial<LiveTabs> = {},
  ): LiveTabs => ({
    deviceId,
    classId: 'owls',
    user: MIA,
    deviceName: 'Owls 1',
    pupilName: 'Mia Walker',
    updateNeeded: false,
    receivedAt,
    state: {
      reason: 'change',
      activeTabId: 7,
      tabs: [
        { id: 7, title: 'Page', url, favIconUrl: null, blocked: false },
        { id: 8, title: 'Other', url: 'https://www.bbc.co.uk/bitesize', favIconUrl: null, blocked: false },
      ],
      windowFocused: true,
      idle: 'active',
      at: receivedAt,
    },
    ...extra,
  });

  it('shows the newest tab state of an online device, off task when the active site is outside the lesson’s sites', () => {
    const sites = lessonSites(overrides, new Date('2026-11-24T10:20:00.000Z'));
    const tabs = new Map([
      ['d1', liveTabs('d1', 'https://www.miniclip.com/games', '2026-11-24T10:20:00.000Z')],
    ]);
    const [mia, leo] = buildGrid(roster(), [], [], { canDecideForwarded: false, tabs, lessonSites: sites })
      .sort((a, b) => a.name.localeCompare(b.name))
      .reverse();
    expect(mia!.tabs).toMatchObject({ offTask: true, active: { id: 7 } });
    expect(mia!.tabs!.all).toHaveLength(2);
    expect(leo!.tabs).toBeNull();
    expect(gridSummary([mia!, leo!]).offTask).toBe(1);
    expect(orderTiles([leo!, mia!], 'off-task')[0]!.key).toBe(MIA);

    const onTask = new Map([
      ['d1', liveTabs('d1', 'https://www.bbc.co.uk/news', '2026-11-24T10:21:00.000Z')],
    ]);
    const again = buildGrid(roster(), [], [], {
      canDecideForwarded: false,
      tabs: onTask,
      lessonSites: sites,
    });
    expect(again.find((t) => t.key === MIA)!.tabs!.offTask).toBe(false);
    // A help site is never off task.
    const help = new Map([
      ['d1', liveTabs('d1', 'https://www.childline.org.uk/', '2026-11-24T10:22:00.000Z')],
    ]);
    expect(
      buildGrid(roster(), [], [], { canDecideForwarded: false, tabs: help, lessonSites: sites }).find(
        (t) => t.key === MIA,
      )!.tabs!.offTask,
    ).toBe(false);
    // No lesson sites: nothing is off task.
    const none = buildGrid(roster(), [], [], {
      canDecideForwarded: false,
      tabs,
      lessonSites: lessonSites([], new Date()),
    });
    expect(none.find((t) => t.key === MIA)!.tabs!.offTask).toBe(false);
  });

  it('marks an old extension as needing an update, and drops the tabs of a device gone offline', () => {
    const old = new Map([
      ['d1', liveTabs('d1', 'https://x.example/', AS_OF, { state: null, updateNeeded: true })],
    ]);
    expect(
      buildGrid(roster(), [], [], { canDecideForwarded: false, tabs: old }).find((t) => t.key === MIA),
    ).toMatchObject({
      updateNeeded: true,
      tabs: null,
    });
    const offline: DevicePresence = {
      deviceId: 'd1',
      deviceName: 'Owls 1',
      classId: 'owls',
      user: MIA,
      pupilName: 'Mia Walker',
      online: false,
      at: '2026-11-24T10:30:00.000Z',
    };
    const tabs = new Map([['d1', liveTabs('d1', 'https://x.example/', '2026-11-24T10:20:00.000Z')]]);
    expect(
      buildGrid(roster(), [], [offline], { canDecideForwarded: false, tabs }).find((t) => t.key === MIA)!
        .tabs,
    ).toBeNull();
  });

  it('marks a pupil off task on a site in a category the teacher marked for the lesson, with the category', () => {
    const withCategory = (url: string, category: TabInfo['category']) => {
      const live = liveTabs('d1', url, '2026-11-24T10:20:00.000Z');
      live.state!.tabs[0] = { ...live.state!.tabs[0]!, category };
      return new Map([['d1', live]]);
    };
    const marked = new Set<Category>(['video', 'gaming']);
    const tileOf = (tabs: Map<string, LiveTabs>, sites = lessonSites([], new Date())) =>
      buildGrid(roster(), [], [], {
        canDecideForwarded: false,
        tabs,
        lessonSites: sites,
        offTaskCategories: marked,
      }).find((t) => t.key === MIA)!.tabs!;
    // No lesson sites at all: the category alone marks it.
    expect(tileOf(withCategory('https://www.youtube.com/watch', 'video'))).toMatchObject({
      offTask: true,
      offTaskCategory: 'video',
    });
    // A category not marked, or none: on task.
    expect(tileOf(withCategory('https://www.tiktok.com/', 'social-media')).offTask).toBe(false);
    expect(tileOf(withCategory('https://www.topmarks.co.uk/', null)).offTask).toBe(false);
    // A protocol 3 device names no category: only the lesson's sites decide.
    expect(tileOf(withCategory('https://www.youtube.com/', undefined)).offTask).toBe(false);
    // Outside a focus lesson's sites and in a marked category: the category is the reason given.
    const sites = lessonSites(overrides, new Date('2026-11-24T10:20:00.000Z'));
    expect(tileOf(withCategory('https://www.youtube.com/', 'video'), sites)).toMatchObject({
      offTask: true,
      offTaskCategory: 'video',
    });
    expect(tileOf(withCategory('https://www.miniclip.com/', null), sites)).toMatchObject({
      offTask: true,
      offTaskCategory: null,
    });
  });
});
