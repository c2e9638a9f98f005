import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

/** One series of bars: the data field it draws, its name in the legend and tooltip, its colour. */
export interface BarSeries {
  field: string;
  name: string;
  colour: string;
}

/**
 * Horizontal bars, one row a name (`name` of each datum), one bar a series. A picture only:
 * callers keep the same figures in a table or hide it from screen readers with a text summary.
 */
export function HorizontalBarChart({
  data,
  series,
  rowHeight,
  labelWidth,
  barSize,
  extraHeight = 40,
}: {
  data: ReadonlyArray<{ name: string } & Record<string, string | number>>;
  series: readonly BarSeries[];
  rowHeight: number;
  labelWidth: number;
  barSize: number;
  /** Room for the axis (and the legend, shown when there is more than one series). */
  extraHeight?: number;
}) {
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: '100%', height: extraHeight + rowHeight * Math.max(data.length, 1) }}
      data={[...data]}
      margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d5dde8" />
      <XAxis type="number" allowDecimals={false} tick={{ fill: '#3d4a5c', fontSize: 12 }} />
      <YAxis
        type="category"
        dataKey="name"
        width={labelWidth}
        interval={0}
        tick={{ fill: '#1b2430', fontSize: 12 }}
      />
      <Tooltip />
      {series.length > 1 && <Legend />}
      {series.map((s) => (
        <Bar
          key={s.field}
          dataKey={s.field}
          name={s.name}
          fill={s.colour}
          isAnimationActive={false}
          barSize={barSize}
        />
      ))}
    </BarChart>
  );
}
