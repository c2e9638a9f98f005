import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One report: its title, a CSV download, the chart (a picture, for sighted readers) and the same
 * figures as a table (for everyone else, shown on request and always on paper).
 */
export function ChartCard({
  id,
  title,
  csvUrl,
  chart,
  table,
  empty,
  note,
  drill,
  wide = false,
}: {
  id: string;
  title: string;
  csvUrl: string;
  /** Without a chart the table is shown on its own. */
  chart?: ReactNode;
  table: ReactNode;
  empty: boolean;
  note?: ReactNode;
  /** Links to the pupils behind the figures (the DSL's). */
  drill?: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation('reports');
  const [showTable, setShowTable] = useState(false);
  const tableId = `${id}-table`;
  return (
    <section className={`report-card${wide ? ' wide' : ''}`} aria-labelledby={`${id}-title`} id={id}>
      <div className="report-card-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <a className="report-csv" href={csvUrl} download>
          {t('chart.csv')}
          <span className="visually-hidden">: {title}</span>
        </a>
      </div>
      {note}
      {empty ? (
        <p className="report-empty">{t('chart.empty')}</p>
      ) : (
        <>
          {chart && (
            <>
              <div className="report-chart" role="img" aria-label={t('chart.alt', { title })}>
                {chart}
              </div>
              <button
                type="button"
                className="secondary report-table-toggle"
                aria-expanded={showTable}
                aria-controls={tableId}
                onClick={() => setShowTable((shown) => !shown)}
              >
                {showTable ? t('chart.hideTable') : t('chart.showTable')}
                <span className="visually-hidden">: {title}</span>
              </button>
            </>
          )}
          <div
            id={tableId}
            className="report-table-scroll"
            hidden={chart ? !showTable : false}
            role="region"
            aria-label={t('chart.tableOf', { title })}
            tabIndex={0}
          >
            {table}
          </div>
          {drill}
        </>
      )}
    </section>
  );
}
