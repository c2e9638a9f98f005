export { classRoutes } from './class-routes';
export { broadcastPresence } from './presence';
export { rosterRoutes } from './roster-routes';
export { createRosterService, type RosterService } from './roster-service';
export { createTabStateRelay, type TabStateRelay } from './tab-state-relay';
export { lessonEnd } from './lesson-end';
export { createLessonTimeline, type LessonTimeline } from './lesson-timeline';
export { createOffTaskService, type OffTaskService } from './off-task-service';
export { lessonRoutes } from './lesson-routes';
