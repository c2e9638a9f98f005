import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // The interface must keep TanStack's own type parameters.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
  }
}

/**
 * A report's figures as a table: a caption, column headers, the first column as row headers,
 * optional totals in the footer, and (when `sortable`) headers that sort by a button.
 */
export function ReportTable<T>({
  caption,
  columns,
  data,
  sortable = false,
  footer = false,
  className,
}: {
  caption: ReactNode;
  // TanStack's column values are typed per column; a table mixes them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: Array<ColumnDef<T, any>>;
  data: T[];
  sortable?: boolean;
  footer?: boolean;
  className?: string;
}) {
  const { t } = useTranslation('reports');
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    enableSorting: sortable,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const align = (numeric?: boolean) => (numeric ? 'numeric' : undefined);

  return (
    <table className={['report-table', className].filter(Boolean).join(' ')}>
      <caption>{caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={align(header.column.columnDef.meta?.numeric)}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={header.column.getToggleSortingHandler()}
                      title={t('table.sortBy')}
                    >
                      {label}
                      <span aria-hidden="true">
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell, i) => {
              const content = flexRender(cell.column.columnDef.cell, cell.getContext());
              const className = align(cell.column.columnDef.meta?.numeric);
              return i === 0 ? (
                <th key={cell.id} scope="row" className={className}>
                  {content}
                </th>
              ) : (
                <td key={cell.id} className={className}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {footer && (
        <tfoot>
          {table.getFooterGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, i) => {
                const content = flexRender(header.column.columnDef.footer, header.getContext());
                const className = align(header.column.columnDef.meta?.numeric);
                return i === 0 ? (
                  <th key={header.id} scope="row" className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={header.id} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}
