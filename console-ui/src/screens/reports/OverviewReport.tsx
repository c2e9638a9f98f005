import { useTranslation } from 'react-i18next';
import { PROFILES, type Profile, type PupilFilter, type ReportSummary } from '@waymark/shared';

/** A category of the summary's own figures, as the pupils report's filter takes it. */
type ReportCategory = NonNullable<PupilFilter['category']>;
import { useReportSummary } from './api';
import { CountsCard } from './CountsCard';
import { Figures } from './Figures';
import { useReportLabels } from './labels';
import { PeriodPicker } from './PeriodPicker';
import { SeriesCard } from './SeriesCard';
import { TopSitesCard } from './TopSitesCard';
import { usePeriod } from './use-period';

/** Every report for the chosen period: blocked attempts, top sites, flagged searches, incidents. */
export function OverviewReport() {
  const { t } = useTranslation('reports');
  const { period } = usePeriod();
  const summary = useReportSummary(period);
  return (
    <>
      <div className="report-toolbar">
        <PeriodPicker />
        <button type="button" className="secondary report-print-button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      {summary.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : summary.isError ? (
        <div role="alert" className="error">
          <p>{t('error', { message: summary.error.message })}</p>
          <button type="button" onClick={() => void summary.refetch()}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <div className="report-body" aria-busy={summary.isFetching}>
          <ReportBody report={summary.data} />
        </div>
      )}
    </>
  );
}

function ReportBody({ report }: { report: ReportSummary }) {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const names = report.pupilNames;
  const isProfile = (key: string): key is Profile => (PROFILES as readonly string[]).includes(key);
  return (
    <>
      <Figures report={report} />

      <section aria-labelledby="blocked-title" className="report-section">
        <h2 id="blocked-title">{t('sections.blocked')}</h2>
        <p className="report-note">
          {report.granularity === 'day' ? t('sections.byDay') : t('sections.byWeek')}
        </p>
        <div className="report-grid">
          <SeriesCard
            id="blocked-by-category"
            title={t('charts.byCategory')}
            report={report}
            series={report.blockedOverTime.byCategory}
            name={(s) => labels.category(s.key)}
            csv="blocked-by-category"
            drill={names ? (s) => ({ category: s.key as ReportCategory }) : undefined}
          />
          <SeriesCard
            id="blocked-by-key-stage"
            title={t('charts.byKeyStage')}
            report={report}
            series={report.blockedOverTime.byKeyStage}
            name={(s) => labels.keyStage(s.key)}
            csv="blocked-by-key-stage"
            drill={names ? (s) => (isProfile(s.key) ? { profile: s.key } : null) : undefined}
          />
          <SeriesCard
            id="blocked-by-class"
            title={t('charts.byClass')}
            report={report}
            series={report.blockedOverTime.byClass}
            name={(s) => labels.className(s)}
            csv="blocked-by-class"
            drill={names ? (s) => (s.key ? { classId: s.key } : null) : undefined}
          />
        </div>
      </section>

      <section aria-labelledby="sites-title" className="report-section">
        <h2 id="sites-title">{t('sections.sites')}</h2>
        <TopSitesCard report={report} />
      </section>

      <section aria-labelledby="searches-title" className="report-section">
        <h2 id="searches-title">{t('sections.searches')}</h2>
        <CountsCard
          id="flagged-searches"
          title={t('charts.searches')}
          report={report}
          rows={report.flaggedSearchesByCategory}
          label={labels.category}
          keyHeader={t('chart.category')}
          countHeader={t('chart.searches')}
          csv="flagged-searches"
          drill={names ? (key) => ({ category: key as ReportCategory }) : undefined}
        />
      </section>

      <section aria-labelledby="incidents-title" className="report-section">
        <h2 id="incidents-title">{t('sections.incidents')}</h2>
        <p className="report-note">{t('sections.incidentsNote')}</p>
        <div className="report-grid">
          <CountsCard
            id="incidents-by-category"
            title={t('charts.incidentsByCategory')}
            report={report}
            rows={report.incidents.byCategory}
            label={labels.category}
            keyHeader={t('chart.category')}
            countHeader={t('chart.incidents')}
            csv="incidents-by-category"
          />
          <CountsCard
            id="incidents-by-action"
            title={t('charts.incidentsByAction')}
            report={report}
            rows={report.incidents.byAction}
            label={labels.action}
            keyHeader={t('chart.action')}
            countHeader={t('chart.incidents')}
            csv="incidents-by-action"
          />
          <CountsCard
            id="incidents-by-status"
            title={t('charts.incidentsByStatus')}
            report={report}
            rows={report.incidents.byStatus}
            label={labels.status}
            keyHeader={t('chart.status')}
            countHeader={t('chart.incidents')}
            csv="incidents-by-status"
          />
          {report.incidents.byOutcome ? (
            <CountsCard
              id="incidents-by-outcome"
              title={t('charts.incidentsByOutcome')}
              report={report}
              rows={report.incidents.byOutcome}
              label={(key) => key}
              keyHeader={t('chart.outcome')}
              countHeader={t('chart.incidents')}
              csv="incidents-by-outcome"
              chart={false}
              note={<p className="report-note">{t('outcome.dslOnly')}</p>}
            />
          ) : (
            <section className="report-card" aria-labelledby="incidents-by-outcome-title">
              <div className="report-card-head">
                <h3 id="incidents-by-outcome-title">{t('charts.incidentsByOutcome')}</h3>
              </div>
              <p className="report-note">{t('outcome.hidden')}</p>
            </section>
          )}
        </div>
      </section>
    </>
  );
}
