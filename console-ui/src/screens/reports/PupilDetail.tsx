import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { can, type PupilEventRow } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { reportEndpoints, usePupilEvents } from './api';
import { useReportLabels } from './labels';
import { PeriodPicker } from './PeriodPicker';
import { usePeriod } from './use-period';

/** One pupil's events in the period and the incidents about them: the DSL's drill-down. */
export function PupilDetail() {
  const { t } = useTranslation('reports');
  const session = useSession();
  if (!can(session.data?.role, 'see-pupil-names-in-reports')) {
    return <p className="report-note">{t('pupils.notAllowed')}</p>;
  }
  return <PupilEvents />;
}

function PupilEvents() {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const { key = '' } = useParams();
  const { period, searchString } = usePeriod();
  const report = usePupilEvents(key, period);
  const device = report.data?.events[0]?.deviceName ?? '';
  const name = report.data?.pupil ?? t('pupils.notSignedIn', { device });

  return (
    <section aria-labelledby="pupil-title">
      <p>
        <Link to={{ pathname: '/reports/pupils', search: searchString }}>← {t('pupil.back')}</Link>
      </p>
      <h2 id="pupil-title">{report.data ? name : t('pupils.pupil')}</h2>
      <div className="report-toolbar">
        <PeriodPicker />
      </div>
      {report.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : report.isError ? (
        <p role="alert" className="error">
          {t('error', { message: report.error.message })}
        </p>
      ) : (
        <>
          <div className="report-card wide">
            <div className="report-card-head">
              <h3>{t('pupil.events')}</h3>
              <a
                className="report-csv"
                href={reportEndpoints.csvUrl('pupil-events', period, labels.lang, { pupil: key })}
                download
              >
                {t('chart.csv')}
                <span className="visually-hidden">: {t('pupil.events')}</span>
              </a>
            </div>
            {report.data.truncated && <p className="report-note">{t('pupil.truncated')}</p>}
            {report.data.events.length === 0 ? (
              <p className="report-empty">{t('chart.empty')}</p>
            ) : (
              <EventsTable events={report.data.events} caption={t('pupil.caption', { name })} />
            )}
          </div>
          <div className="report-card wide">
            <h3>{t('pupil.incidents')}</h3>
            {report.data.incidents.length === 0 ? (
              <p className="report-empty">{t('pupil.noIncidents')}</p>
            ) : (
              <ul className="report-pupil-incidents">
                {report.data.incidents.map((i) => (
                  <li key={i.id}>
                    <strong>{i.reference}</strong> · {labels.category(i.category)} · {labels.status(i.status)}{' '}
                    · {t('pupil.raised', { date: labels.dateTime(i.createdAt) })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}

const ROW_ESTIMATE = 52;

/** Up to a thousand rows: only those in view are drawn (TanStack Virtual), in a scrolling region. */
function EventsTable({ events, caption }: { events: PupilEventRow[]; caption: string }) {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const scroller = useRef<HTMLDivElement>(null);
  const columns: Array<ColumnDef<PupilEventRow, unknown>> = [
    { id: 'time', header: t('pupil.time'), cell: (c) => labels.dateTime(c.row.original.occurredAt) },
    { id: 'what', header: t('pupil.what'), cell: (c) => t(`kinds.${kindKey(c.row.original.kind)}`) },
    {
      id: 'detail',
      header: t('pupil.detail'),
      cell: ({ row: { original: e } }) =>
        e.urlHidden ? (
          t('pupil.hidden')
        ) : (
          <>
            {e.text && <span className="report-event-text">{e.text}</span>}
            {e.url && e.kind !== 'search' && <span className="report-url">{e.url}</span>}
          </>
        ),
    },
    {
      id: 'category',
      header: t('pupil.category'),
      cell: ({ row: { original: e } }) =>
        e.flags.length > 0
          ? t('pupil.flags', { categories: e.flags.map(labels.category).join(', ') })
          : e.category
            ? labels.category(e.category)
            : e.kind === 'blocked'
              ? labels.category('uncategorised')
              : '',
    },
    { id: 'class', header: t('pupils.class'), cell: (c) => c.row.original.className ?? '' },
    { id: 'device', header: t('pupil.device'), cell: (c) => c.row.original.deviceName },
  ];
  const table = useReactTable({ data: events, columns, getCoreRowModel: getCoreRowModel() });
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className="report-events-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="report-table report-events-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr
                key={row.id}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                className={`report-severity-${row.original.severity}`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const KINDS = ['blocked', 'search', 'unblock-request', 'concern', 'tamper'] as const;
const kindKey = (kind: string) =>
  ((KINDS as readonly string[]).includes(kind) ? kind : 'other') as (typeof KINDS)[number] | 'other';
