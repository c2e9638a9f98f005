import type {
  IncidentChangeBody,
  IncidentDetail,
  IncidentDirectory,
  IncidentRecord,
  RaiseIncidentBody,
} from '@waymark/shared';
import { api } from '../../lib/api';

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

const path = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export const incidentApi = {
  list(filter: IncidentFilter): Promise<IncidentRecord[]> {
    const query = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    return api<{ incidents: IncidentRecord[] }>(`/api/incidents?${query}`).then((r) => r.incidents);
  },
  detail: (id: string) => api<IncidentDetail>(path(id)),
  directory: () => api<IncidentDirectory>('/api/incidents/directory'),
  raise: (body: RaiseIncidentBody) =>
    api<IncidentDetail>('/api/incidents', { method: 'POST', body: JSON.stringify(body) }),
  change: (id: string, body: IncidentChangeBody) =>
    api<IncidentDetail>(`${path(id)}/changes`, { method: 'POST', body: JSON.stringify(body) }),
  countersign: (id: string) => api<IncidentDetail>(`${path(id)}/countersign`, { method: 'POST' }),
};
