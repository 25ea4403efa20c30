import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import { ErrorMessage, Loading } from './Message';

/** What QueryResult reads of a useQuery or useInfiniteQuery result. */
export interface QueryLike<T> {
  data: T | undefined;
  error: ApiError | null;
  /** Set by an infinite query whose next page failed: LoadMore shows that error under the list. */
  isFetchNextPageError?: boolean;
}

interface QueryResultProps<T> {
  query: QueryLike<T>;
  /** The test id of the error message, where a test or the browser scenario looks for it. */
  errorTestId?: string;
  /** What the server's 404 means on this page, where the plain message would not say it. */
  notFound?: string;
  children: (data: T) => ReactNode;
}

/**
 * A query's answer, or while there is none yet its loading line, or its error. Data already shown stays while it
 * is fetched again (after a change or on focus); a failed refresh shows its error above it.
 */
export function QueryResult<T>({ query, errorTestId, notFound, children }: QueryResultProps<T>) {
  const error = query.error && !query.isFetchNextPageError && (
    <ErrorMessage testId={errorTestId}>
      {notFound && query.error.status === 404 ? notFound : query.error.message}
    </ErrorMessage>
  );
  if (query.data === undefined) {
    return error || <Loading />;
  }
  return (
    <>
      {error}
      {children(query.data)}
    </>
  );
}
