import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportCount } from '@waymark/shared';
import { SERIES_COLOURS } from './series';

const ROW_HEIGHT = 30;

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
  const data = rows.map((r) => ({ name: label(r.key), count: r.count }));
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: '100%', height: 40 + ROW_HEIGHT * Math.max(rows.length, 1) }}
      data={data}
      margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d5dde8" />
      <XAxis type="number" allowDecimals={false} tick={{ fill: '#3d4a5c', fontSize: 12 }} />
      <YAxis
        type="category"
        dataKey="name"
        width={190}
        interval={0}
        tick={{ fill: '#1b2430', fontSize: 12 }}
      />
      <Tooltip />
      <Bar
        dataKey="count"
        name={seriesName}
        fill={SERIES_COLOURS[0]}
        isAnimationActive={false}
        barSize={18}
      />
    </BarChart>
  );
}
