export { classRoutes } from './class-routes';
export { broadcastPresence } from './presence';
export { rosterRoutes } from './roster-routes';
export { createRosterService, type RosterService } from './roster-service';
export { createTabStateRelay, type TabStateRelay } from './tab-state-relay';
export { lessonEnd } from './lesson-end';
export { createLiveSettingsService, type LiveSettingsService } from './live-settings-service';
export { liveSettingsRoutes } from './live-settings-routes';
export { createWatchGate, type WatchGate } from './watch-gate';
