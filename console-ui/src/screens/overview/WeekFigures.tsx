import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportLabels } from '../reports/labels';
import { addDays, type Period } from '../reports/periods';
import { useWeekFigures } from './api';

const FIGURES = ['blocked', 'flaggedSearches', 'concerns', 'tamper', 'incidents'] as const;

/** Last week's totals, as the weekly digest counts them: figures only, no names. */
export function WeekFigures({ week }: { week: Period }) {
  const { t } = useTranslation('overview');
  const labels = useReportLabels();
  const figures = useWeekFigures(week);
  return (
    <section aria-labelledby="overview-week" className="overview-section">
      <h2 id="overview-week">
        {t('week.title', {
          from: labels.longDate(week.from),
          to: labels.longDate(addDays(week.to, -1)),
        })}
      </h2>
      {figures.isPending && <p role="status">{t('loading')}</p>}
      {figures.isError && (
        <p role="alert" className="error">
          {figures.error.message}
        </p>
      )}
      {figures.data && (
        <dl className="overview-figures">
          {FIGURES.map((figure) => (
            <div key={figure} data-testid={`overview-${figure}`}>
              <dt>{t(`week.${figure}`)}</dt>
              <dd>{labels.number(figures.data.totals[figure])}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="overview-links">
        <Link to={`/reports/digest?week=${week.from}`}>{t('week.digest')}</Link>
        <Link to="/reports">{t('week.reports')}</Link>
      </p>
    </section>
  );
}
