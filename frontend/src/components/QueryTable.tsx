import type { ReactNode } from 'react';
import { DataTable } from './DataTable';
import { QueryResult, type QueryLike } from './QueryResult';

interface QueryTableProps<T> {
  /** The list as the server sent it. */
  query: QueryLike<T[]>;
  /** Shown instead of the table when the list is empty. */
  empty: ReactNode;
  emptyTestId?: string;
  columns: ReactNode[];
  tableTestId?: string;
  className?: string;
  /** One `<tr>` per item. */
  row: (item: T) => ReactNode;
}

/** A list loaded from the server as a table: loading, its error, why it is empty, or one row per item. */
export function QueryTable<T>({ query, empty, emptyTestId, columns, tableTestId, className, row }: QueryTableProps<T>) {
  return (
    <QueryResult query={query}>
      {(items) =>
        items.length === 0 ? (
          <p className="empty" data-testid={emptyTestId}>
            {empty}
          </p>
        ) : (
          <DataTable columns={columns} testId={tableTestId} className={className}>
            {items.map(row)}
          </DataTable>
        )
      }
    </QueryResult>
  );
}
