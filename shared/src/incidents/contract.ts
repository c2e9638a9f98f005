import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { IncidentChangeBodySchema, RaiseFromEventsBodySchema, RaiseIncidentBodySchema } from './model';
import {
  IncidentDetailSchema,
  IncidentDirectorySchema,
  IncidentListQuerySchema,
  IncidentRecordSchema,
} from './api';

/** The online-safety incident log: `/api/incidents`. Every change answers with the incident as it now is. */
export const incidentsContract = {
  list: endpoint({
    method: 'GET',
    path: '/api/incidents',
    query: IncidentListQuerySchema,
    response: z.object({ incidents: z.array(IncidentRecordSchema) }),
  }),
  directory: endpoint({ method: 'GET', path: '/api/incidents/directory', response: IncidentDirectorySchema }),
  detail: endpoint({ method: 'GET', path: '/api/incidents/:id', response: IncidentDetailSchema }),
  raise: endpoint({
    method: 'POST',
    path: '/api/incidents',
    body: RaiseIncidentBodySchema,
    response: IncidentDetailSchema,
    status: 201,
  }),
  raiseFromEvents: endpoint({
    method: 'POST',
    path: '/api/incidents/from-events',
    body: RaiseFromEventsBodySchema,
    response: IncidentDetailSchema,
    status: 201,
  }),
  change: endpoint({
    method: 'POST',
    path: '/api/incidents/:id/changes',
    body: IncidentChangeBodySchema,
    response: IncidentDetailSchema,
  }),
  countersign: endpoint({
    method: 'POST',
    path: '/api/incidents/:id/countersign',
    response: IncidentDetailSchema,
  }),
};
