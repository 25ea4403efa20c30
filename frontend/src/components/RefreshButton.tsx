interface Refetchable {
  refetch: () => Promise<unknown>;
  isFetching: boolean;
}

interface RefreshButtonProps {
  /** The query whose answer the page shows; pressed, it is fetched again (disabled while it is). */
  query: Refetchable;
  /** Where tests or the browser scenario press it. */
  testId?: string;
}

/** 「最新の状態に更新」 beside a page's title: staff fetch the present state after someone else acted. */
export function RefreshButton({ query, testId }: RefreshButtonProps) {
  return (
    <button type="button" data-testid={testId} onClick={() => void query.refetch()} disabled={query.isFetching}>
      最新の状態に更新
    </button>
  );
}
