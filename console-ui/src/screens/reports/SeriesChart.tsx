import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportSeries } from '@waymark/shared';
import { colourOf } from './series';

/** Stacked bars over time: one bar per day or week, one colour per series. */
export function SeriesChart({
  buckets,
  series,
  name,
  bucketLabel,
}: {
  buckets: string[];
  series: ReportSeries[];
  name: (series: ReportSeries) => string;
  bucketLabel: (bucket: string) => string;
}) {
  // Series keys can be '' (no class) or contain dots; chart data keys must be plain.
  const data = buckets.map((bucket, i) =>
    Object.fromEntries([
      ['bucket', bucketLabel(bucket)],
      ...series.map((s, j) => [`s${j}`, s.counts[i] ?? 0]),
    ]),
  );
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: 300 }}
      data={data}
      margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d5dde8" />
      <XAxis dataKey="bucket" tick={{ fill: '#3d4a5c', fontSize: 12 }} tickMargin={6} minTickGap={8} />
      <YAxis allowDecimals={false} tick={{ fill: '#3d4a5c', fontSize: 12 }} />
      <Tooltip />
      <Legend wrapperStyle={{ fontSize: 13, color: '#1b2430' }} />
      {series.map((s, j) => (
        <Bar
          key={s.key || 'none'}
          dataKey={`s${j}`}
          name={name(s)}
          stackId="all"
          fill={colourOf(s, j)}
          stroke="#fff"
          strokeWidth={0.5}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
