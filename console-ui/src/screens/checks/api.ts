import type {
  AddFollowUpBody,
  AddTestAddressBody,
  FilterCheckRecord,
  FilterCheckSchedule,
  FilterCheckTarget,
  FilterCheckTargets,
  ListedTestAddress,
} from '@waymark/shared';
import { api } from '../../lib/api';

export const checkKeys = {
  all: ['filter-checks'] as const,
  list: () => [...checkKeys.all, 'list'] as const,
  one: (id: string) => [...checkKeys.all, 'one', id] as const,
  targets: () => [...checkKeys.all, 'targets'] as const,
  addresses: () => [...checkKeys.all, 'addresses'] as const,
  schedule: () => [...checkKeys.all, 'schedule'] as const,
};

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const checksApi = {
  list: () => api<{ checks: FilterCheckRecord[] }>('/api/filter-checks').then((r) => r.checks),
  one: (id: string) =>
    api<{ check: FilterCheckRecord }>(`/api/filter-checks/${encodeURIComponent(id)}`).then((r) => r.check),
  run: (target: FilterCheckTarget) =>
    api<{ check: FilterCheckRecord }>('/api/filter-checks', json('POST', { target })).then((r) => r.check),
  followUp: (id: string, body: AddFollowUpBody) =>
    api<{ check: FilterCheckRecord }>(
      `/api/filter-checks/${encodeURIComponent(id)}/follow-ups`,
      json('POST', body),
    ).then((r) => r.check),
  targets: () => api<FilterCheckTargets>('/api/filter-checks/targets'),
  addresses: () =>
    api<{ addresses: ListedTestAddress[] }>('/api/filter-checks/addresses').then((r) => r.addresses),
  addAddress: (body: AddTestAddressBody) => api('/api/filter-checks/addresses', json('POST', body)),
  removeAddress: (id: string) =>
    api(`/api/filter-checks/addresses/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  schedule: () =>
    api<{ schedule: FilterCheckSchedule }>('/api/filter-checks/schedule').then((r) => r.schedule),
  saveSchedule: (body: FilterCheckSchedule) =>
    api<{ schedule: FilterCheckSchedule }>('/api/filter-checks/schedule', json('PUT', body)),
};
