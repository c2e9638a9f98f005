import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { can, PupilFilterSchema, type PupilFilter, type PupilReportRow } from '@waymark/shared';
import { endpoints } from '../../lib/api';
import { useSession } from '../../lib/session';
import { reportEndpoints, usePupilsReport } from './api';
import { useReportLabels } from './labels';
import { PeriodPicker } from './PeriodPicker';
import { ReportTable } from './ReportTable';
import { usePeriod } from './use-period';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** The DSL's pupils report: who is behind the figures, narrowed to one bar of a chart if asked. */
export function PupilsReport() {
  const { t } = useTranslation('reports');
  const session = useSession();
  if (!can(session.data?.role, 'see-pupil-names-in-reports')) {
    return <p className="report-note">{t('pupils.notAllowed')}</p>;
  }
  return <PupilsList />;
}

function usePupilFilter(): PupilFilter {
  const [search] = useSearchParams();
  return useMemo(() => {
    const parsed = PupilFilterSchema.safeParse(Object.fromEntries(search));
    return parsed.success ? parsed.data : {};
  }, [search]);
}

function PupilsList() {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const { period, searchString } = usePeriod();
  const filter = usePupilFilter();
  const pupils = usePupilsReport(period, filter);
  const classes = useQuery({ queryKey: ['classes'], queryFn: endpoints.classes, enabled: !!filter.classId });

  const filterText = filter.category
    ? t('pupils.filterCategory', { name: labels.category(filter.category) })
    : filter.profile
      ? t('pupils.filterKeyStage', { name: labels.keyStage(filter.profile) })
      : filter.classId
        ? t('pupils.filterClass', {
            name: classes.data?.find((c) => c.id === filter.classId)?.name ?? filter.classId,
          })
        : null;

  const who = (row: PupilReportRow) => row.pupil ?? t('pupils.notSignedIn', { device: row.deviceName ?? '' });
  const columns: Array<ColumnDef<PupilReportRow, string | number>> = [
    {
      id: 'pupil',
      header: t('pupils.pupil'),
      accessorFn: who,
      cell: (c) => (
        <Link
          to={{ pathname: `/reports/pupils/${encodeURIComponent(c.row.original.key)}`, search: searchString }}
        >
          {who(c.row.original)}
        </Link>
      ),
    },
    { id: 'class', header: t('pupils.class'), accessorFn: (r) => r.className ?? '' },
    ...(['blocked', 'flaggedSearches', 'concerns'] as const).map(
      (key): ColumnDef<PupilReportRow, string | number> => ({
        id: key,
        header: t(`pupils.${key}`),
        accessorFn: (r) => r[key],
        cell: (c) => labels.number(c.getValue() as number),
        meta: { numeric: true },
        sortDescFirst: true,
      }),
    ),
  ];

  return (
    <section aria-labelledby="pupils-title">
      <h2 id="pupils-title">{t('pupils.heading')}</h2>
      <p>{t('pupils.intro')}</p>
      <div className="report-toolbar">
        <PeriodPicker />
      </div>
      {filterText && (
        <p className="report-filter">
          {t('pupils.filteredBy', { filter: filterText })}{' '}
          <Link to={{ pathname: '/reports/pupils', search: searchString }}>{t('pupils.clear')}</Link>
        </p>
      )}
      {pupils.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : pupils.isError ? (
        <p role="alert" className="error">
          {t('error', { message: pupils.error.message })}
        </p>
      ) : pupils.data.length === 0 ? (
        <p className="report-empty">{t('pupils.none')}</p>
      ) : (
        <div className="report-card wide">
          <div className="report-card-head">
            <p className="report-note">{t('pupils.count', { number: labels.number(pupils.data.length) })}</p>
            <a
              className="report-csv"
              href={reportEndpoints.csvUrl('pupils', period, labels.lang, filter)}
              download
            >
              {t('chart.csv')}
              <span className="visually-hidden">: {t('pupils.heading')}</span>
            </a>
          </div>
          <ScrollRegion className="report-table-scroll" label={t('pupils.caption')}>
            <ReportTable caption={t('pupils.caption')} columns={columns} data={pupils.data} sortable />
          </ScrollRegion>
        </div>
      )}
    </section>
  );
}
