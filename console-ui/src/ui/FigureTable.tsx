import type { ReactNode } from 'react';

/**
 * A captioned table of figures: each row's first cell names it (a row header), the others are
 * numbers. With no rows it says so in one line under the caption's words.
 */
export function FigureTable<Row extends { key: string }>({
  caption,
  columns,
  rows,
  rowName,
  figures,
  empty,
  className,
}: {
  caption: string;
  /** The naming column's heading, then one heading per figure. */
  columns: readonly [string, ...string[]];
  rows: readonly Row[];
  rowName: (row: Row) => ReactNode;
  figures: (row: Row) => readonly ReactNode[];
  empty: string;
  className: string;
}) {
  if (rows.length === 0)
    return (
      <p>
        <strong>{caption}:</strong> {empty}
      </p>
    );
  const [nameColumn, ...figureColumns] = columns;
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameColumn}</th>
          {figureColumns.map((c) => (
            <th key={c} scope="col" className="num">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{rowName(r)}</th>
            {figures(r).map((f, i) => (
              <td key={figureColumns[i]} className="num">
                {f}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
