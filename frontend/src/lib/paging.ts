import type { InfiniteData } from '@tanstack/react-query';

/** One page of a keyset-paged list: the server says where the next page starts, or null at the end. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The paging options of an infinite query over a keyset-paged list, starting at the first page. */
export function cursorPaging<T>() {
  return {
    initialPageParam: null as string | null,
    getNextPageParam: (last: CursorPage<T>) => last.nextCursor,
  };
}

/** The items of every page loaded so far, in order. */
export function loadedItems<T>(data: InfiniteData<CursorPage<T>> | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}
