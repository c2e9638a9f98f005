import type { Database } from '../../db/open-database';
import type { EventService } from '../events';
import type { StaffService } from '../auth-and-accounts';
import type { LessonTimeline } from '../classes-and-live';
import { createIncidentCommands } from './incident-commands';
import { createIncidentQueries } from './incident-queries';

/** The incident log: its queries (incident-queries.ts) and commands (incident-commands.ts), which write its hash chain. */
export function createIncidentService(deps: {
  db: Database;
  eventService: EventService;
  staffService: StaffService;
  /** The pupils' lesson timelines, added to an incident raised from a pupil's events when asked. */
  timeline?: Pick<LessonTimeline, 'forPupil'>;
}) {
  const { load, ...queries } = createIncidentQueries(deps);
  return { ...queries, ...createIncidentCommands(deps, { load }) };
}
export type IncidentService = ReturnType<typeof createIncidentService>;
