import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../lib/api';
import { DataTable } from './DataTable';
import { QueryResult } from './QueryResult';

interface ListPageProps<T> {
  title: ReactNode;
  /** The list as the server sent it; its refresh button fetches it again. */
  query: UseQueryResult<T[], ApiError>;
  /** The refresh button's test id, where tests or the browser scenario press it. */
  refreshTestId?: string;
  /** What the list is, under the title. */
  intro?: ReactNode;
  /** Controls that narrow the list, above it. */
  filters?: ReactNode;
  /** Shown instead of the table when the list is empty. */
  empty: ReactNode;
  emptyTestId?: string;
  columns: ReactNode[];
  tableTestId?: string;
  /** One `<tr>` per item. */
  row: (item: T) => ReactNode;
}

/** A page that lists one kind of case: title and refresh, what it is, filters, then the table or why it is empty. */
export function ListPage<T>({
  title,
  query,
  refreshTestId,
  intro,
  filters,
  empty,
  emptyTestId,
  columns,
  tableTestId,
  row,
}: ListPageProps<T>) {
  return (
    <section>
      <div className="page-heading">
        <h1>{title}</h1>
        <button
          type="button"
          data-testid={refreshTestId}
          onClick={() => void query.refetch()}
          disabled={query.isFetching}
        >
          最新の状態に更新
        </button>
      </div>
      {intro}
      {filters}
      <QueryResult query={query}>
        {(items) =>
          items.length === 0 ? (
            <p className="empty" data-testid={emptyTestId}>
              {empty}
            </p>
          ) : (
            <DataTable columns={columns} testId={tableTestId}>
              {items.map(row)}
            </DataTable>
          )
        }
      </QueryResult>
    </section>
  );
}
