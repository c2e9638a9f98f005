import { useTranslation } from 'react-i18next';
import type { TrustOverview } from '@waymark/shared';
import { HorizontalBarChart } from '../../ui/HorizontalBarChart';

/** Blocked attempts and requests for help per school: the table's figures, drawn. */
export function SchoolsChart({ overview }: { overview: TrustOverview }) {
  const { t } = useTranslation('trust');
  if (overview.schools.length === 0) return null;
  return (
    <figure className="trust-chart">
      <figcaption>
        <strong>{t('chart.title')}</strong> <span>{t('chart.summary')}</span>
      </figcaption>
      {/* The table above holds the same figures for screen readers; the chart is a picture of it. */}
      <div aria-hidden="true">
        <HorizontalBarChart
          data={overview.schools.map((s) => ({ name: s.name, blocked: s.blocked, concerns: s.concerns }))}
          series={[
            { field: 'blocked', name: t('schools.blocked'), colour: '#0b5cad' },
            { field: 'concerns', name: t('schools.concerns'), colour: '#b3441e' },
          ]}
          rowHeight={44}
          labelWidth={200}
          barSize={14}
          extraHeight={70}
        />
      </div>
    </figure>
  );
}
