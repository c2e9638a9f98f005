import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { PupilFilter, ReportCount, ReportName, ReportSummary } from '@waymark/shared';
import { reportEndpoints } from './api';
import { ChartCard } from './ChartCard';
import { CountsChart } from './CountsChart';
import { DrillLinks } from './DrillLinks';
import { useReportLabels } from './labels';
import { ReportTable } from './ReportTable';

/** Counts by one thing (category, action, status, outcome): bars, a sortable table and the CSV. */
export function CountsCard({
  id,
  title,
  report,
  rows,
  label,
  keyHeader,
  countHeader,
  csv,
  chart = true,
  drill,
  note,
}: {
  id: string;
  title: string;
  report: ReportSummary;
  rows: ReportCount[];
  label: (key: string) => string;
  keyHeader: string;
  countHeader: string;
  csv: ReportName;
  chart?: boolean;
  drill?: (key: string) => PupilFilter | null;
  note?: ReactNode;
}) {
  const labels = useReportLabels();
  const columns: Array<ColumnDef<ReportCount, string | number>> = [
    { id: 'key', header: keyHeader, accessorFn: (r) => label(r.key) },
    {
      id: 'count',
      header: countHeader,
      accessorFn: (r) => r.count,
      cell: (c) => labels.number(c.getValue() as number),
      meta: { numeric: true },
      sortDescFirst: true,
    },
  ];
  const targets = drill
    ? rows.flatMap((r) => {
        const filter = drill(r.key);
        return filter ? [{ key: r.key, name: label(r.key), count: r.count, filter }] : [];
      })
    : [];
  return (
    <ChartCard
      id={id}
      title={title}
      csvUrl={reportEndpoints.csvUrl(csv, { from: report.fromDate, to: report.toDate }, labels.lang)}
      empty={rows.length === 0}
      note={note}
      chart={chart ? <CountsChart rows={rows} label={label} seriesName={countHeader} /> : undefined}
      table={<ReportTable caption={title} columns={columns} data={rows} sortable />}
      drill={<DrillLinks targets={targets} />}
    />
  );
}
