/** Tabular data with a caption, header cells and a horizontally scrolling region for narrow screens. */
import type { ComponentChildren } from 'preact';

/** One column: its header, how to render a row's cell, and how to align it. */
export interface TableColumn<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  /** Right-aligned with tabular figures, so digits line up for comparison. */
  numeric?: boolean;
  /** The cell names its row (`<th scope="row">`); usually the first column. */
  rowHeader?: boolean;
  /** Long free text (error messages, URLs) that may wrap anywhere instead of widening the table. */
  wrap?: boolean;
}

/** Props of Table: the rows and how each column renders a row. */
export interface TableProps<Row> {
  /** Unique on the page: the caption's id is `${id}-caption` and labels the scroll region. */
  id: string;
  caption: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
}

/**
 * A data table. Only the table scrolls sideways when it is wider than the screen (WCAG 1.4.10 allows
 * two-dimensional content to): the scroll region is focusable, so keyboard users can scroll it, and
 * named by the caption, so screen readers say what it is.
 */
export function Table<Row>({ id, caption, columns, rows, rowKey }: TableProps<Row>) {
  const captionId = `${id}-caption`;
  const cls = (c: TableColumn<Row>) =>
    [c.numeric ? 'data-table__num' : '', c.wrap ? 'data-table__wrap' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table class="data-table" id={id}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th scope="col" class={cls(c)} key={i}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th scope="row" class={cls(c)} key={i}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td class={cls(c)} key={i}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
