import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { ReportSummary } from '@waymark/shared';
import { reportEndpoints } from './api';
import { ChartCard } from './ChartCard';
import { useReportLabels } from './labels';
import { ReportTable } from './ReportTable';

type Site = ReportSummary['topBlockedSites'][number] & { rank: number };

/** The most blocked sites of the period: a table (a list of names reads better than bars). */
export function TopSitesCard({ report }: { report: ReportSummary }) {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const rows: Site[] = report.topBlockedSites.map((s, i) => ({ ...s, rank: i + 1 }));
  const columns: Array<ColumnDef<Site, string | number>> = [
    {
      id: 'site',
      header: t('sites.site'),
      accessorFn: (r) => r.host,
      cell: (c) => <bdi>{c.row.original.host}</bdi>,
    },
    {
      id: 'category',
      header: t('sites.category'),
      accessorFn: (r) => labels.category(r.category ?? 'uncategorised'),
    },
    {
      id: 'count',
      header: t('sites.attempts'),
      accessorFn: (r) => r.count,
      cell: (c) => labels.number(c.getValue() as number),
      meta: { numeric: true },
      sortDescFirst: true,
    },
  ];
  return (
    <ChartCard
      id="top-sites"
      title={t('sites.title')}
      csvUrl={reportEndpoints.csvUrl(
        'top-blocked-sites',
        { from: report.fromDate, to: report.toDate },
        labels.lang,
      )}
      empty={rows.length === 0}
      note={<p className="report-note">{t('sites.illegalNote')}</p>}
      table={
        <ReportTable
          caption={t('sites.caption')}
          columns={columns}
          data={rows}
          sortable
          className="report-sites-table"
        />
      }
    />
  );
}
