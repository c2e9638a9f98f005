import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrustOverview } from '@waymark/shared';

const ROW_HEIGHT = 44;

/** Blocked attempts and requests for help per school: the table's figures, drawn. */
export function SchoolsChart({ overview }: { overview: TrustOverview }) {
  const { t } = useTranslation('trust');
  if (overview.schools.length === 0) return null;
  const data = overview.schools.map((s) => ({ name: s.name, blocked: s.blocked, concerns: s.concerns }));
  return (
    <figure className="trust-chart">
      <figcaption>
        <strong>{t('chart.title')}</strong> <span>{t('chart.summary')}</span>
      </figcaption>
      {/* The table above holds the same figures for screen readers; the chart is a picture of it. */}
      <div aria-hidden="true">
        <BarChart
          responsive
          layout="vertical"
          style={{ width: '100%', height: 70 + ROW_HEIGHT * data.length }}
          data={data}
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d5dde8" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: '#3d4a5c', fontSize: 12 }} />
          <YAxis
            type="category"
            dataKey="name"
            width={200}
            interval={0}
            tick={{ fill: '#1b2430', fontSize: 12 }}
          />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="blocked"
            name={t('schools.blocked')}
            fill="#0b5cad"
            isAnimationActive={false}
            barSize={14}
          />
          <Bar
            dataKey="concerns"
            name={t('schools.concerns')}
            fill="#b3441e"
            isAnimationActive={false}
            barSize={14}
          />
        </BarChart>
      </div>
    </figure>
  );
}
