import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  reportsContract,
  type DigestSettings,
  type ReportConcernBody,
  type ReportLanguage,
} from '@waymark/shared';
import { call } from '../../lib/call';
import { addDays } from './periods';

const KEY = ['reports', 'concerns'] as const;

const concernEndpoints = {
  /** The digest's lines, as the weekly check reports them. */
  digestLines: (weekStart: string, lang: ReportLanguage) =>
    call(reportsContract.digest, { query: { from: weekStart, to: addDays(weekStart, 7), lang } }).then(
      (r) => r.lines,
    ),
  list: (weekStart?: string) =>
    call(reportsContract.concerns, { query: weekStart ? { weekStart } : {} }).then((r) => r.concerns),
  report: (body: ReportConcernBody) => call(reportsContract.reportConcern, { body }).then((r) => r.concern),
  settings: () => call(reportsContract.digestSettings).then((r) => r.settings),
  saveSettings: (settings: DigestSettings) =>
    call(reportsContract.saveDigestSettings, { body: settings }).then((r) => r.settings),
};

export function useDigestLines(weekStart: string, lang: ReportLanguage, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'digest-lines', weekStart, lang],
    queryFn: () => concernEndpoints.digestLines(weekStart, lang),
    enabled,
  });
}

export function useConcerns(weekStart?: string, enabled = true) {
  return useQuery({
    queryKey: [...KEY, weekStart ?? 'all'],
    queryFn: () => concernEndpoints.list(weekStart),
    enabled,
  });
}

export function useReportConcern() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: concernEndpoints.report,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDigestSettings(enabled: boolean) {
  return useQuery({ queryKey: ['reports', 'digest-settings'], queryFn: concernEndpoints.settings, enabled });
}

export function useSaveDigestSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: concernEndpoints.saveSettings,
    onSuccess: (settings) => queryClient.setQueryData(['reports', 'digest-settings'], settings),
  });
}
