import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { INCIDENT_STATUSES, SEVERITIES, type IncidentRecord } from '@waymark/shared';
import { IllegalBadge, SeverityBadge, StatusBadge } from './Badges';
import { isFollowUpDue, todayIso, useIncidentFormat } from './format';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { TablePager } from '../../ui/Pager';

const PAGE_SIZE = 25;

/** The log as a sortable table: a column heading is a button; the reference opens the incident. */
export function IncidentTable({ incidents }: { incidents: IncidentRecord[] }) {
  const { t } = useTranslation('incidents');
  const format = useIncidentFormat();
  const navigate = useNavigate();
  // The incident's "back to the log" returns to this view, filters and all.
  const listSearch = useLocation().search;
  const [sorting, setSorting] = useState<SortingState>([{ id: 'occurredAt', desc: true }]);
  const today = todayIso();

  const columns = useMemo<ColumnDef<IncidentRecord>[]>(
    () => [
      {
        id: 'reference',
        accessorKey: 'reference',
        header: t('list.columns.reference'),
        cell: ({ row }) => (
          <>
            <Link to={`/incidents/${row.original.id}`} state={{ listSearch }} className="reference">
              {row.original.reference}
            </Link>
            {row.original.illegal && <IllegalBadge />}
          </>
        ),
      },
      {
        id: 'occurredAt',
        accessorKey: 'occurredAt',
        header: t('list.columns.occurredAt'),
        cell: ({ row }) => (
          <time dateTime={row.original.occurredAt}>
            <span className="date">{format.date(row.original.occurredAt)}</span>{' '}
            <span className="time">{format.time(row.original.occurredAt)}</span>
          </time>
        ),
      },
      {
        id: 'about',
        accessorFn: (r) => r.personName ?? r.pupilEmail ?? '',
        header: t('list.columns.about'),
        cell: ({ row }) => (
          <>
            <span className="about-name">{row.original.personName ?? row.original.pupilEmail}</span>
            <span className="about-detail">
              {row.original.subject === 'staff' ? t('subjects.staff') : (row.original.className ?? '')}
            </span>
          </>
        ),
      },
      {
        id: 'category',
        accessorFn: (r) => t(`categories.${r.category}`),
        header: t('list.columns.category'),
      },
      {
        id: 'severity',
        accessorFn: (r) => SEVERITIES.indexOf(r.severity),
        header: t('list.columns.severity'),
        cell: ({ row }) => <SeverityBadge severity={row.original.severity} />,
      },
      {
        id: 'status',
        accessorFn: (r) => INCIDENT_STATUSES.indexOf(r.status),
        header: t('list.columns.status'),
        cell: ({ row }) => <StatusBadge status={row.original.status} />,
      },
      {
        id: 'owner',
        accessorFn: (r) => r.ownerName ?? '',
        header: t('list.columns.owner'),
        cell: ({ row }) =>
          row.original.ownerName ?? (
            <>
              <span aria-hidden="true">—</span>
              <span className="visually-hidden">{t('filters.nobody')}</span>
            </>
          ),
      },
      {
        id: 'followUpDate',
        accessorFn: (r) => r.followUpDate ?? '',
        header: t('list.columns.followUpDate'),
        cell: ({ row }) =>
          row.original.followUpDate ? (
            <>
              {format.day(row.original.followUpDate)}
              {isFollowUpDue(row.original, today) && (
                <span className="incident-badge due">{t('list.due')}</span>
              )}
            </>
          ) : (
            ''
          ),
      },
    ],
    [t, format, today, listSearch],
  );

  const table = useReactTable({
    data: incidents,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize: PAGE_SIZE } },
    autoResetPageIndex: true,
  });
  const pages = table.getPageCount();

  return (
    <>
      <ScrollRegion className="table-scroll" labelledBy="incident-table-caption">
        <table className="incident-table">
          <caption id="incident-table-caption" className="visually-hidden">
            {t('list.caption')}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className={sorted ? 'sort-icon' : 'sort-icon unsorted'}>
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                        {sorted && (
                          <span className="visually-hidden">
                            , {t(sorted === 'asc' ? 'list.sortedAscending' : 'list.sortedDescending')}
                          </span>
                        )}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-testid="incident-row"
                className={row.original.illegal ? 'illegal' : undefined}
                onClick={(e) => {
                  // The whole row is a target for a finger on a tablet; the link stays the keyboard's way in.
                  if (!(e.target as HTMLElement).closest('a, button'))
                    navigate(`/incidents/${row.original.id}`, { state: { listSearch } });
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-column={cell.column.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <TablePager
        table={table}
        className="incident-pages"
        text={{
          label: t('list.pages'),
          previous: t('list.previous'),
          next: t('list.next'),
          page: t('list.page', { page: table.getState().pagination.pageIndex + 1, pages }),
        }}
      />
    </>
  );
}
