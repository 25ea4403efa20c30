import type { ReactNode } from 'react';

interface DataTableProps {
  /** The column headings, in order. */
  columns: ReactNode[];
  testId?: string;
  className?: string;
  caption?: ReactNode;
  /** The `<tr>` rows. */
  children: ReactNode;
}

/** The office's table of records: headed columns, one row per record. */
export function DataTable({ columns, testId, className, caption, children }: DataTableProps) {
  return (
    <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
