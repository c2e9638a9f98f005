import { useQuery } from '@tanstack/react-query';
import type { ChangeLogSubject, ReportSummary } from '@waymark/shared';
import { api } from '../../lib/api';
import type { Period } from '../reports/periods';

/** A change-control log entry, as `/api/policies/changes` returns it. */
export interface PolicyChange {
  id: number;
  profile: ChangeLogSubject;
  version: number;
  changedByName: string;
  reason: string;
  summary: string[];
  at: string;
}

/** The overview's calls: last week's figures and the latest changes to filtering. */
export const overviewApi = {
  week: (period: Period) =>
    api<{ report: ReportSummary }>(
      `/api/reports/summary?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`,
    ).then((r) => r.report),
  changes: () => api<{ changes: PolicyChange[] }>('/api/policies/changes').then((r) => r.changes),
};

export function useWeekFigures(period: Period) {
  return useQuery({
    queryKey: ['overview', 'week', period.from],
    queryFn: () => overviewApi.week(period),
  });
}

export function useLatestChanges() {
  return useQuery({ queryKey: ['overview', 'changes'], queryFn: overviewApi.changes });
}
