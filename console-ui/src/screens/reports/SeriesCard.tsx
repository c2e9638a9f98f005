import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { PupilFilter, ReportName, ReportSeries, ReportSummary } from '@waymark/shared';
import { reportEndpoints } from './api';
import { ChartCard } from './ChartCard';
import { DrillLinks } from './DrillLinks';
import { useReportLabels } from './labels';
import { ReportTable } from './ReportTable';
import { SeriesChart } from './SeriesChart';
import { OTHER_KEY, topSeries } from './series';

interface Row {
  bucket: string;
  counts: number[];
  total: number;
}

/** Blocked attempts over time, split one way (category, key stage or class): chart, table, CSV. */
export function SeriesCard({
  id,
  title,
  report,
  series,
  name,
  csv,
  drill,
}: {
  id: string;
  title: string;
  report: ReportSummary;
  series: ReportSeries[];
  name: (series: ReportSeries) => string;
  csv: ReportName;
  /** For the DSL: the pupils filter behind each series, or null when there is none. */
  drill?: (series: ReportSeries) => PupilFilter | null;
}) {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const shown = useMemo(() => topSeries(series), [series]);
  const nameOf = (s: ReportSeries) => (s.key === OTHER_KEY ? t('chart.other') : name(s));
  const bucketLabel = (bucket: string) =>
    report.granularity === 'day'
      ? labels.shortDate(bucket)
      : t('chart.weekOf', { date: labels.shortDate(bucket) });

  const rows: Row[] = report.buckets.map((bucket, i) => {
    const counts = shown.map((s) => s.counts[i] ?? 0);
    return { bucket, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const columns: Array<ColumnDef<Row, string | number>> = [
    {
      id: 'bucket',
      header: report.granularity === 'day' ? t('chart.day') : t('chart.weekBeginning'),
      accessorFn: (r) => r.bucket,
      cell: (c) => labels.longDate(c.row.original.bucket),
      footer: t('chart.total'),
    },
    ...shown.map((s, j): ColumnDef<Row, string | number> => ({
      id: `s${j}`,
      header: nameOf(s),
      accessorFn: (r) => r.counts[j] ?? 0,
      cell: (c) => labels.number(c.getValue() as number),
      footer: labels.number(s.total),
      meta: { numeric: true },
    })),
    {
      id: 'total',
      header: t('chart.total'),
      accessorFn: (r) => r.total,
      cell: (c) => labels.number(c.getValue() as number),
      footer: labels.number(shown.reduce((n, s) => n + s.total, 0)),
      meta: { numeric: true },
    },
  ];

  const targets = drill
    ? series.flatMap((s) => {
        const filter = drill(s);
        return filter ? [{ key: s.key || 'none', name: name(s), count: s.total, filter }] : [];
      })
    : [];

  return (
    <ChartCard
      id={id}
      title={title}
      wide
      csvUrl={reportEndpoints.csvUrl(csv, { from: report.fromDate, to: report.toDate }, labels.lang)}
      empty={series.length === 0}
      chart={<SeriesChart buckets={report.buckets} series={shown} name={nameOf} bucketLabel={bucketLabel} />}
      table={
        <ReportTable caption={title} columns={columns} data={rows} footer className="report-series-table" />
      }
      drill={<DrillLinks targets={targets} />}
    />
  );
}
