import type { Alert, IncidentStatus, TrustIncident, TrustOverview, TrustSchool } from '@waymark/shared';
import { api } from '../../lib/api';

export interface Period {
  from?: string;
  to?: string;
}

const query = (params: Record<string, string | undefined>) => {
  const defined = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
  return defined.length ? `?${new URLSearchParams(defined).toString()}` : '';
};

export type TrustAlert = Alert & { schoolName: string };

interface PupilRow {
  pupil: string;
  className: string | null;
  blocked: number;
  flaggedSearches: number;
  concerns: number;
}

/** The trust screen's calls: `/api/trust/*`. */
export const trustApi = {
  overview: (period: Period) => api<TrustOverview>(`/api/trust/overview${query({ ...period })}`),
  incidents: (filter: { school?: string; status?: IncidentStatus }) =>
    api<{ incidents: TrustIncident[] }>(`/api/trust/incidents${query(filter)}`).then((r) => r.incidents),
  alerts: () => api<{ alerts: TrustAlert[] }>('/api/trust/alerts').then((r) => r.alerts),
  pupils: (schoolId: string, period: Period) =>
    api<{ school: TrustSchool; from: string; to: string; pupils: PupilRow[] }>(
      `/api/trust/schools/${encodeURIComponent(schoolId)}/pupils${query({ ...period })}`,
    ),
};
