import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConcernReport, DigestSettings, ReportConcernBody, ReportLanguage } from '@waymark/shared';
import { api } from '../../lib/api';
import { reportEndpoints } from './api';
import { addDays } from './periods';

const KEY = ['reports', 'concerns'] as const;

const concernEndpoints = {
  /** The digest's lines, as the weekly check reports them. */
  digestLines: (weekStart: string, lang: ReportLanguage) =>
    api<{ lines: string[] }>(
      reportEndpoints.digestUrl({ from: weekStart, to: addDays(weekStart, 7) }, lang),
      {
        headers: { accept: 'application/json' },
      },
    ).then((r) => r.lines),
  list: (weekStart?: string) =>
    api<{ concerns: ConcernReport[] }>(
      `/api/reports/concerns${weekStart ? `?weekStart=${encodeURIComponent(weekStart)}` : ''}`,
    ).then((r) => r.concerns),
  report: (body: ReportConcernBody) =>
    api<{ concern: ConcernReport }>('/api/reports/concerns', {
      method: 'POST',
      body: JSON.stringify(body),
    }).then((r) => r.concern),
  settings: () => api<{ settings: DigestSettings }>('/api/reports/digest-settings').then((r) => r.settings),
  saveSettings: (settings: DigestSettings) =>
    api<{ settings: DigestSettings }>('/api/reports/digest-settings', {
      method: 'PUT',
      body: JSON.stringify(settings),
    }).then((r) => r.settings),
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
