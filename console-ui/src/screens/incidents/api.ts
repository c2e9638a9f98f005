import {
  incidentsContract,
  type IncidentChangeBody,
  type IncidentRecord,
  type RaiseIncidentBody,
} from '@waymark/shared';
import { call } from '../../lib/call';

/** The log's filters as they sit in the page's address (`?status=open&q=…`), so a filtered view can be shared. */
export const FILTER_KEYS = [
  'q',
  'status',
  'category',
  'severity',
  'owner',
  'from',
  'to',
  'followUpDue',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type IncidentFilter = Partial<Record<FilterKey, string>>;

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (filter: IncidentFilter) => ['incidents', 'list', filter] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  directory: ['incidents', 'directory'] as const,
};

export const incidentApi = {
  list(filter: IncidentFilter): Promise<IncidentRecord[]> {
    const query = Object.fromEntries(Object.entries(filter).filter((entry) => Boolean(entry[1])));
    return call(incidentsContract.list, { query }).then((r) => r.incidents);
  },
  detail: (id: string) => call(incidentsContract.detail, { params: { id } }),
  directory: () => call(incidentsContract.directory),
  raise: (body: RaiseIncidentBody) => call(incidentsContract.raise, { body }),
  change: (id: string, body: IncidentChangeBody) => call(incidentsContract.change, { params: { id }, body }),
  countersign: (id: string) => call(incidentsContract.countersign, { params: { id } }),
};
