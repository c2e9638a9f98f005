export {
  createPlacementService,
  type PlacementService,
  type PupilPlacement,
  type Clock,
  type SchoolNow,
} from './placement-service';
export { createSessionService, type SessionService } from './session-service';
export { sessionRoutes } from './session-routes';
export { createCalendarService, type CalendarService } from './calendar-service';
export { rosterRoutes } from './roster-routes';
