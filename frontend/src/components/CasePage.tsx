import type { ReactNode } from 'react';
import { QueryResult, type QueryLike } from './QueryResult';
import { RefreshButton } from './RefreshButton';

interface CaseQuery<T> extends QueryLike<T> {
  refetch: () => Promise<unknown>;
  isFetching: boolean;
}

interface CasePageProps<T extends { statusLabel: string }> {
  /** The case as the server sent it; the refresh button fetches it again. */
  query: CaseQuery<T>;
  /** The case's name and number. */
  title: (data: T) => ReactNode;
  /** Where tests and the browser scenario read the status badge. */
  statusTestId: string;
  /** The link back to the list the case was opened from. */
  back: ReactNode;
  /** The case's sections. */
  children: (data: T) => ReactNode;
}

/**
 * A page of one case: loading or the error while there is no case yet, then its title with the status badge and
 * the button that fetches its present state, the way back to its list, and its sections.
 */
export function CasePage<T extends { statusLabel: string }>({
  query,
  title,
  statusTestId,
  back,
  children,
}: CasePageProps<T>) {
  return (
    <QueryResult query={query}>
      {(data) => (
        <section>
          <div className="page-heading">
            <h1>
              {title(data)}{' '}
              <span className="badge" data-testid={statusTestId}>
                {data.statusLabel}
              </span>
            </h1>
            <RefreshButton query={query} />
          </div>
          <p>{back}</p>
          {children(data)}
        </section>
      )}
    </QueryResult>
  );
}
