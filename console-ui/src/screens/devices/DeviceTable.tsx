import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { DeviceHealthReport, DeviceHealthRow } from '@waymark/shared';
import { useDeviceColumns } from './device-columns';

/** A row is about two lines of text; rows are measured as they render, so this is only a first guess. */
const ESTIMATED_ROW_PX = 58;

/**
 * Every device of the school, sortable by any column. A school has 1,500 devices: only the rows
 * in view are in the page, with spacer rows keeping the scroll height and the table's row count
 * (aria-rowcount / aria-rowindex) telling a screen reader where it is.
 */
export function DeviceTable({
  report,
  devices,
  caption,
}: {
  report: DeviceHealthReport;
  devices: DeviceHealthRow[];
  caption: string;
}) {
  const columns = useDeviceColumns(report);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const table = useReactTable({
    data: devices,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (d) => d.id,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = columns.length;

  return (
    <div
      ref={scrollRef}
      className="device-table-scroll"
      role="region"
      aria-labelledby="device-table-caption"
      tabIndex={0}
    >
      <table className="devices-table device-table" aria-rowcount={rows.length + 1}>
        <caption id="device-table-caption">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className={`col-${header.column.id}`}
                  >
                    <button
                      type="button"
                      className="device-sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true" className="device-sort-mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            const d = row.original;
            const attention = d.silent || d.oldExtension || d.oldPolicy || d.tamperCount > 0;
            return (
              <tr
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className={attention ? 'needs-attention' : undefined}
                data-testid="device-row"
              >
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'name' ? (
                    <th key={cell.id} scope="row" className="col-name">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
