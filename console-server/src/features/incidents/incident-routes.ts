import { z } from 'zod';
import { can, incidentsContract, type Staff } from '@waymark/shared';
import type { IncidentService } from './incident-service';

type IncidentDetailRead = Awaited<ReturnType<IncidentService['get']>>;
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';

const Id = z.uuid();

function incidentId(raw: string): string {
  const parsed = Id.safeParse(raw);
  if (!parsed.success) throw new HttpError(404, 'no such incident');
  return parsed.data;
}

/** Who may read the log at all: those who raise incidents (their own) and the DSL (all). */
function requireLogReader(who: Staff): Staff {
  if (!can(who.role, 'raise-incident') && !can(who.role, 'work-incident-log')) {
    throw new HttpError(
      403,
      `your role (${who.role}) cannot see the incident log; reports show it in aggregate`,
    );
  }
  return who;
}

/** The detail as it goes over the wire: the history's instants as ISO text. */
async function wireDetail(detail: Promise<IncidentDetailRead>) {
  const d = await detail;
  return { ...d, history: d.history.map((h) => ({ ...h, at: h.at.toISOString() })) };
}

/** The online-safety incident log: `/api/incidents`. */
export function incidentRoutes({ incidentService }: { incidentService: IncidentService }) {
  const { router, route } = contractRouter('/api/incidents');

  route(incidentsContract.raiseFromEvents, 'raise-incident', async ({ who, body }) =>
    wireDetail(incidentService.get(who, await incidentService.raiseFromEvents(who, body))),
  );

  route(incidentsContract.raise, 'raise-incident', async ({ who, body }) =>
    wireDetail(incidentService.get(who, await incidentService.raise(who, body))),
  );

  route(incidentsContract.list, 'signed-in', async ({ who, query }) => ({
    incidents: await incidentService.list(requireLogReader(who), query),
  }));

  route(incidentsContract.directory, 'signed-in', async ({ who }) =>
    incidentService.directory(requireLogReader(who)),
  );

  route(incidentsContract.detail, 'signed-in', async ({ who, params }) =>
    wireDetail(incidentService.get(who, incidentId(params.id))),
  );

  route(incidentsContract.change, 'signed-in', async ({ who, params, body }) => {
    const id = incidentId(params.id);
    await incidentService.change(who, id, body);
    return wireDetail(incidentService.get(who, id));
  });

  route(incidentsContract.countersign, 'signed-in', async ({ who, params }) => {
    const id = incidentId(params.id);
    await incidentService.countersign(who, id);
    return wireDetail(incidentService.get(who, id));
  });
  return router;
}
