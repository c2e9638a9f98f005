import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { TrustOverview, TrustSchoolSummary } from '@waymark/shared';
import { useTrustFormat } from './format';
import { ScrollRegion } from '../../ui/ScrollRegion';

type Figure = Exclude<keyof TrustSchoolSummary, 'id' | 'name' | 'devices' | 'devicesOnline'>;
const FIGURES: Figure[] = [
  'blocked',
  'flaggedSearches',
  'concerns',
  'tamper',
  'alerts',
  'incidentsOpened',
  'incidentsOpenNow',
];

const column = createColumnHelper<TrustSchoolSummary>();

/** Every school of the trust side by side, with the trust's totals in the footer. */
export function SchoolsTable({ overview, showPupils }: { overview: TrustOverview; showPupils: boolean }) {
  const { t } = useTranslation('trust');
  const f = useTrustFormat();
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: () => t('schools.school'),
        cell: (c) => <span className="trust-school-name">{c.getValue()}</span>,
        footer: () => t('schools.total'),
      }),
      column.display({
        id: 'devices',
        header: () => t('schools.devices'),
        cell: (c) => `${f.number(c.row.original.devicesOnline)} / ${f.number(c.row.original.devices)}`,
        footer: () => `${f.number(sum(overview, 'devicesOnline'))} / ${f.number(sum(overview, 'devices'))}`,
        meta: { numeric: true },
      }),
      ...FIGURES.map((key) =>
        column.accessor(key, {
          header: () => t(`schools.${key}`),
          cell: (c) => f.number(c.getValue()),
          footer: () => f.number(sum(overview, key)),
          meta: { numeric: true },
        }),
      ),
      ...(showPupils
        ? [
            column.display({
              id: 'pupils',
              header: () => t('schools.pupils'),
              cell: (c) => (
                <Link
                  to={`/trust/schools/${encodeURIComponent(c.row.original.id)}/pupils?from=${overview.from}&to=${overview.to}`}
                  aria-label={t('schools.pupilsLink', { school: c.row.original.name })}
                >
                  {t('schools.pupils')}
                </Link>
              ),
            }),
          ]
        : []),
    ],
    [t, f, overview, showPupils],
  );
  const table = useReactTable({ data: overview.schools, columns, getCoreRowModel: getCoreRowModel() });
  if (overview.schools.length === 0) return <p>{t('schools.none')}</p>;
  const numeric = (meta: unknown) =>
    (meta as { numeric?: boolean } | undefined)?.numeric ? 'numeric' : undefined;
  return (
    <ScrollRegion
      className="trust-table-scroll"
      label={t('schools.caption', { from: f.day(overview.from), to: f.day(overview.to) })}
    >
      <table className="trust-table">
        <caption>{t('schools.caption', { from: f.day(overview.from), to: f.day(overview.to) })}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={numeric(header.column.columnDef.meta)}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell, i) =>
                i === 0 ? (
                  <th key={cell.id} scope="row">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td key={cell.id} className={numeric(cell.column.columnDef.meta)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {table.getFooterGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, i) =>
                i === 0 ? (
                  <th key={header.id} scope="row">
                    {flexRender(header.column.columnDef.footer, header.getContext())}
                  </th>
                ) : (
                  <td key={header.id} className={numeric(header.column.columnDef.meta)}>
                    {flexRender(header.column.columnDef.footer, header.getContext())}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

function sum(overview: TrustOverview, key: Figure | 'devices' | 'devicesOnline'): number {
  return overview.schools.reduce((total, s) => total + s[key], 0);
}
