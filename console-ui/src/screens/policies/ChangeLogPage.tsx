import { useQuery } from '@tanstack/react-query';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CHANGE_LOG_SUBJECTS, ChangeLogSubjectSchema, type ChangeLogSubject } from '@waymark/shared';
import { policiesApi, policyKeys, type PolicyChange } from './api';
import { useDateTimeFormat } from './format';
import { TablePager } from '../../ui/Pager';
import { ScrollRegion } from '../../ui/ScrollRegion';

const PAGE_SIZE = 25;
const column = createColumnHelper<PolicyChange>();

/** `/policies/changes`: who changed what, when and why; filterable by profile; governors read it too. */
export function ChangeLogPage() {
  const { t } = useTranslation('policies');
  const captionId = useId();
  const formatDate = useDateTimeFormat();
  const [params, setParams] = useSearchParams();
  const parsed = ChangeLogSubjectSchema.safeParse(params.get('profile'));
  const subject: ChangeLogSubject | null = parsed.success ? parsed.data : null;
  const changes = useQuery({
    queryKey: policyKeys.changes(subject),
    queryFn: () => policiesApi.changes(subject),
  });
  const subjectName = useCallback(
    (s: ChangeLogSubject) =>
      s === 'keywords' || s === 'roster' || s === 'live-class' ? t(`profiles.${s}`) : s,
    [t],
  );

  const columns = useMemo(
    () => [
      column.accessor('at', {
        header: () => t('changes.when'),
        cell: (c) => <time dateTime={c.getValue()}>{formatDate(c.getValue())}</time>,
      }),
      column.accessor('changedByName', { header: () => t('changes.who') }),
      column.accessor('profile', {
        header: () => t('changes.subject'),
        cell: (c) => (
          <>
            <strong>{subjectName(c.getValue())}</strong>
            {c.getValue() !== 'keywords' && c.getValue() !== 'roster' && c.getValue() !== 'live-class' && (
              <span className="pol-muted"> {t('changes.version', { version: c.row.original.version })}</span>
            )}
          </>
        ),
      }),
      column.accessor('summary', {
        header: () => t('changes.what'),
        cell: (c) =>
          c.getValue().length === 0 ? (
            <span className="pol-muted">{t('changes.noDetail')}</span>
          ) : (
            <ul className="pol-diff-lines">
              {c.getValue().map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ),
      }),
      column.accessor('reason', { header: () => t('changes.why'), cell: (c) => <q>{c.getValue()}</q> }),
    ],
    [t, formatDate, subjectName],
  );

  const table = useReactTable({
    data: changes.data ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageIndex: 0, pageSize: PAGE_SIZE } },
  });
  const pages = Math.max(1, table.getPageCount());
  const pageIndex = table.getState().pagination.pageIndex;

  return (
    <section aria-labelledby="changes-heading">
      <h1 id="changes-heading">{t('changes.title')}</h1>
      <p className="pol-lead">{t('changes.intro')}</p>
      <div className="pol-field pol-inline">
        <label htmlFor="change-subject">{t('changes.filter')}</label>
        <select
          id="change-subject"
          value={subject ?? ''}
          onChange={(e) => {
            table.setPageIndex(0);
            setParams(e.target.value ? { profile: e.target.value } : {});
          }}
        >
          <option value="">{t('changes.all')}</option>
          {CHANGE_LOG_SUBJECTS.map((s) => (
            <option key={s} value={s}>
              {s === 'keywords' || s === 'roster' || s === 'live-class'
                ? t(`profiles.${s}`)
                : s === 'categories'
                  ? t('profiles.categoryData')
                  : `${s} – ${t(`profiles.${s}`)}`}
            </option>
          ))}
        </select>
      </div>
      {changes.isPending && <p role="status">{t('changes.loading')}</p>}
      {changes.isError && (
        <p role="alert" className="error">
          {changes.error.message}
        </p>
      )}
      {changes.data && changes.data.length === 0 && (
        <p className="pol-empty">
          {subject ? t('changes.noneFor', { subject: subjectName(subject) }) : t('changes.none')}
        </p>
      )}
      {changes.data && changes.data.length > 0 && (
        <>
          <ScrollRegion className="pol-table-scroll" labelledBy={captionId}>
            <table className="pol-data-table pol-change-log" data-testid="change-log">
              <caption id={captionId}>
                {subject ? t('changes.caption', { subject: subjectName(subject) }) : t('changes.captionAll')}
              </caption>
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => (
                      <th key={header.id} scope="col" className={`pol-col-${header.column.id}`}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody>
                {table.getRowModel().rows.map((row) => (
                  <tr key={row.id}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={`pol-col-${cell.column.id}`}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="pol-showing" aria-live="polite">
            {t('changes.showing', {
              from: pageIndex * PAGE_SIZE + 1,
              to: Math.min((pageIndex + 1) * PAGE_SIZE, changes.data.length),
              total: changes.data.length,
            })}
          </p>
          <TablePager
            table={table}
            className="pol-pagination"
            text={{
              label: t('changes.pagination'),
              previous: t('changes.previous'),
              next: t('changes.next'),
              page: t('changes.page', { page: pageIndex + 1, pages }),
            }}
          />
        </>
      )}
    </section>
  );
}
