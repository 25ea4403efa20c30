import { useInfiniteQuery } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../lib/api';
import { renderWithQueries } from '../test/queryWrapper';
import { LoadMore } from './LoadMore';

/** Pages of names with a cursor to the next, as the keyset-paged lists answer. */
type Page = { items: string[]; next: number | null };

function PagedList({ fetchPage, label }: { fetchPage: (cursor: number) => Promise<Page>; label?: string }) {
  const query = useInfiniteQuery<Page, ApiError>({
    queryKey: ['paged-list'],
    queryFn: ({ pageParam }) => fetchPage(pageParam as number),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  return (
    <>
      <ul>
        {query.data?.pages
          .flatMap((page) => page.items)
          .map((item) => (
            <li key={item}>{item}</li>
          ))}
      </ul>
      <LoadMore query={query} label={label} />
    </>
  );
}

describe('LoadMore', () => {
  it('loads the next page on request and disappears after the last', async () => {
    const fetchPage = vi.fn((cursor: number) =>
      Promise.resolve(
        cursor === 0 ? { items: ['山田 太郎', '鈴木 花子'], next: 2 } : { items: ['佐藤 一郎'], next: null },
      ),
    );
    renderWithQueries(<PagedList fetchPage={fetchPage} />);

    await userEvent.click(await screen.findByRole('button', { name: 'さらに表示' }));

    expect(await screen.findByText('佐藤 一郎')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(fetchPage.mock.calls.map(([cursor]) => cursor)).toEqual([0, 2]);
    expect(screen.queryByRole('button', { name: 'さらに表示' })).not.toBeInTheDocument();
  });

  it('shows nothing when the first page is the only one', async () => {
    renderWithQueries(<PagedList fetchPage={() => Promise.resolve({ items: ['山田 太郎'], next: null })} />);
    expect(await screen.findByText('山田 太郎')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it("shows the next page's error under the list, keeps the rows and lets the user try again", async () => {
    let failNext = true;
    const fetchPage = vi.fn((cursor: number) => {
      if (cursor === 0) {
        return Promise.resolve({ items: ['山田 太郎'], next: 1 });
      }
      if (failNext) {
        failNext = false;
        return Promise.reject(new ApiError(503, '一時的に利用できません'));
      }
      return Promise.resolve({ items: ['鈴木 花子'], next: null });
    });
    renderWithQueries(<PagedList fetchPage={fetchPage} label="次の50件" />);

    await userEvent.click(await screen.findByRole('button', { name: '次の50件' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('一時的に利用できません');
    expect(screen.getByText('山田 太郎')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '次の50件' }));
    expect(await screen.findByText('鈴木 花子')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });
});
