import { pupilKeyOf, urlParts, type TabState } from '@waymark/shared';
import type { DeviceIdentity } from '../devices-and-enrollment';
import type { LessonTimeline } from './lesson-timeline';

export type VisitStore = Pick<LessonTimeline, 'visitStarted' | 'visitEnded'>;

/** The site the pupil is on now: the focused window's active web page, not a block page. */
export function siteOf(state: TabState) {
  if (!state.windowFocused) return null;
  const active = state.tabs.find((t) => t.id === state.activeTabId);
  if (!active || active.blocked || active.url === null || !/^https?:\/\//i.test(active.url)) return null;
  const host = urlParts(active.url)?.host;
  if (!host) return null;
  return { site: host.replace(/^www\./, ''), title: active.title, category: active.category ?? null };
}

/**
 * One device's site visits for its lesson timeline: a row when the active site changes, ended
 * when the pupil leaves it (another site, no web page, the window loses the focus, no one
 * watches any more, the device goes). Writes run one after another, in the order seen.
 */
export function createVisitRecorder(store: VisitStore, now: () => number) {
  let currentSite: string | null = null;
  let currentId: string | null = null;
  let chain: Promise<void> = Promise.resolve();

  function seen(device: DeviceIdentity, state: TabState | null) {
    const visit = state && device.classId ? siteOf(state) : null;
    const site = visit?.site ?? null;
    if (site === currentSite) return;
    currentSite = site;
    const at = new Date(now());
    const classId = device.classId;
    chain = chain
      .then(async () => {
        if (currentId) {
          const ending = currentId;
          currentId = null;
          await store.visitEnded(ending, at);
        }
        if (visit && classId)
          currentId = await store.visitStarted({
            schoolId: device.schoolId,
            classId,
            deviceId: device.deviceId,
            pupilKey: pupilKeyOf(device),
            ...visit,
            at,
          });
      })
      .catch((error) => console.error('waymark: could not record the lesson timeline', error));
  }

  return {
    seen,
    /** No one watches any more, or the device went: the visit ends now. */
    ended(device: DeviceIdentity) {
      seen(device, null);
    },
    /** Resolves once every write asked for so far is done (tests, shutdown). */
    settled: () => chain,
  };
}
export type VisitRecorder = ReturnType<typeof createVisitRecorder>;
