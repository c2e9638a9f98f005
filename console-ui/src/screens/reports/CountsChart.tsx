import type { ReportCount } from '@waymark/shared';
import { HorizontalBarChart } from '../../ui/HorizontalBarChart';
import { SERIES_COLOURS } from './series';

/** Horizontal bars, largest first: counts by category, action or status. */
export function CountsChart({
  rows,
  label,
  seriesName,
}: {
  rows: ReportCount[];
  label: (key: string) => string;
  seriesName: string;
}) {
  return (
    <HorizontalBarChart
      data={rows.map((r) => ({ name: label(r.key), count: r.count }))}
      series={[{ field: 'count', name: seriesName, colour: SERIES_COLOURS[0]! }]}
      rowHeight={30}
      labelWidth={190}
      barSize={18}
    />
  );
}
