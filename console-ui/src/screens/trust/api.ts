import { trustContract, type IncidentStatus } from '@waymark/shared';
import { call } from '../../lib/call';

export interface Period {
  from?: string;
  to?: string;
}

/** Only the filters given: an empty one means "any". */
const given = <T extends Record<string, string | undefined>>(params: T) =>
  Object.fromEntries(Object.entries(params).filter((e) => Boolean(e[1]))) as Partial<T>;

/** The trust screen's calls: `/api/trust/*`. */
export const trustApi = {
  overview: (period: Period) => call(trustContract.overview, { query: given({ ...period }) }),
  incidents: (filter: { school?: string; status?: IncidentStatus }) =>
    call(trustContract.incidents, { query: given(filter) }).then((r) => r.incidents),
  alerts: () => call(trustContract.alerts).then((r) => r.alerts),
  pupils: (schoolId: string, period: Period) =>
    call(trustContract.pupils, { params: { schoolId }, query: given({ ...period }) }),
};
