import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../lib/api';
import { ErrorMessage } from './Message';

interface LoadMoreProps {
  query: UseInfiniteQueryResult<InfiniteData<unknown>, ApiError>;
  label?: string;
}

/** The button under a keyset-paged list that loads its next page, and the error when that failed. */
export function LoadMore({ query, label = 'さらに表示' }: LoadMoreProps) {
  return (
    <>
      {query.isFetchNextPageError && <ErrorMessage>{query.error?.message}</ErrorMessage>}
      {query.hasNextPage && (
        <button
          type="button"
          className="load-more"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {label}
        </button>
      )}
    </>
  );
}
