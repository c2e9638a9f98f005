import { useTranslation } from 'react-i18next';
import type { ReportSummary } from '@waymark/shared';
import { useReportLabels } from './labels';

const FIGURES = ['blocked', 'flaggedSearches', 'concerns', 'unblockRequests', 'tamper', 'incidents'] as const;

/** The period's totals at a glance. */
export function Figures({ report }: { report: ReportSummary }) {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  return (
    <section aria-labelledby="report-figures-title">
      <h2 id="report-figures-title" className="visually-hidden">
        {t('figures.label')}
      </h2>
      <dl className="report-figures">
        {FIGURES.map((figure) => (
          <div key={figure} data-testid={`figure-${figure}`}>
            <dt>{t(`figures.${figure}`)}</dt>
            <dd>{labels.number(report.totals[figure])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
