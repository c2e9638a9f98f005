import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  reportsContract,
  type PupilFilter,
  type ReportLanguage,
  type ReportName,
  type SchoolTerm,
} from '@waymark/shared';
import { call } from '../../lib/call';
import type { Period } from './periods';

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();

export const reportEndpoints = {
  summary: (period: Period) => call(reportsContract.summary, { query: { ...period } }).then((r) => r.report),
  pupils: (period: Period, filter: PupilFilter) =>
    call(reportsContract.pupils, { query: { ...period, ...filter } }).then((r) => r.pupils),
  pupilEvents: (key: string, period: Period) =>
    call(reportsContract.pupilEvents, { params: { key }, query: { ...period } }),
  /** A CSV download: a plain link, so the browser saves it with the server's file name. */
  csvUrl: (
    report: ReportName,
    period: Period,
    lang: ReportLanguage,
    extra: PupilFilter & { pupil?: string } = {},
  ) => `/api/reports/export.csv?${query({ report, ...period, lang, ...extra })}`,
  digestUrl: (period: Period, lang: ReportLanguage) => `/api/reports/digest?${query({ ...period, lang })}`,
};

export function useReportSummary(period: Period) {
  return useQuery({
    queryKey: ['reports', 'summary', period.from, period.to],
    queryFn: () => reportEndpoints.summary(period),
    placeholderData: keepPreviousData,
  });
}

export function usePupilsReport(period: Period, filter: PupilFilter) {
  return useQuery({
    queryKey: ['reports', 'pupils', period.from, period.to, filter.category, filter.profile, filter.classId],
    queryFn: () => reportEndpoints.pupils(period, filter),
    placeholderData: keepPreviousData,
  });
}

export function usePupilEvents(key: string, period: Period) {
  return useQuery({
    queryKey: ['reports', 'pupil-events', key, period.from, period.to],
    queryFn: () => reportEndpoints.pupilEvents(key, period),
  });
}

const NO_TERMS: SchoolTerm[] = [];

/** The school's terms (none while they load, or when it gave none): the reports' "this term". */
export function useSchoolTerms(): SchoolTerm[] {
  const terms = useQuery({
    queryKey: ['reports', 'terms'],
    queryFn: () => call(reportsContract.terms).then((r) => r.terms),
    staleTime: 5 * 60_000,
  });
  return terms.data ?? NO_TERMS;
}
