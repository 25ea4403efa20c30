import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../lib/api';
import { QueryTable } from './QueryTable';
import { RefreshButton } from './RefreshButton';

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
        <RefreshButton query={query} testId={refreshTestId} />
      </div>
      {intro}
      {filters}
      <QueryTable
        query={query}
        empty={empty}
        emptyTestId={emptyTestId}
        columns={columns}
        tableTestId={tableTestId}
        row={row}
      />
    </section>
  );
}
