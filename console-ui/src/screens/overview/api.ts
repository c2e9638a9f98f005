import { useQuery } from '@tanstack/react-query';
import { policiesContract, reportsContract } from '@waymark/shared';
import { call } from '../../lib/call';
import type { Period } from '../reports/periods';

/** The overview's calls: last week's figures and the latest changes to filtering. */
export const overviewApi = {
  week: (period: Period) =>
    call(reportsContract.summary, { query: { from: period.from, to: period.to } }).then((r) => r.report),
  changes: () => call(policiesContract.changes).then((r) => r.changes),
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
