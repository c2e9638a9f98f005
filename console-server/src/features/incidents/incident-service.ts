import type { Database } from '../../db/open-database';
import type { EventService } from '../events';
import type { StaffService } from '../auth-and-accounts';
import { createIncidentCommands } from './incident-commands';
import { createIncidentQueries } from './incident-queries';

/** The incident log: its queries (incident-queries.ts) and commands (incident-commands.ts), which write its hash chain. */
export function createIncidentService(deps: {
  db: Database;
  eventService: EventService;
  staffService: StaffService;
}) {
  const { load, ...queries } = createIncidentQueries(deps);
  return { ...queries, ...createIncidentCommands(deps, { load }) };
}
export type IncidentService = ReturnType<typeof createIncidentService>;
