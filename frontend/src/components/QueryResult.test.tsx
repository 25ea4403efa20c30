import { render, screen } from '@testing-library/react';
import { ApiError } from '../lib/api';
import { QueryResult, type QueryLike } from './QueryResult';

function show(query: QueryLike<string>, props: { notFound?: string; errorTestId?: string } = {}) {
  return render(
    <QueryResult query={query} {...props}>
      {(data) => <p data-testid="data">{data}</p>}
    </QueryResult>,
  );
}

describe('QueryResult', () => {
  it('shows the loading line until the first answer', () => {
    show({ data: undefined, error: null });
    expect(screen.getByRole('status')).toHaveTextContent('読み込み中…');
    expect(screen.queryByTestId('data')).not.toBeInTheDocument();
  });

  it('shows the server message instead of the loading line when the first load fails', () => {
    show(
      { data: undefined, error: new ApiError(500, 'サーバーでエラーが発生しました') },
      { errorTestId: 'load-error' },
    );
    expect(screen.getByTestId('load-error')).toHaveTextContent('サーバーでエラーが発生しました');
    expect(screen.queryByText('読み込み中…')).not.toBeInTheDocument();
  });

  it("says what the page's 404 means where it was told", () => {
    show(
      { data: undefined, error: new ApiError(404, '対象が見つかりません。') },
      { notFound: 'この請求はありません。' },
    );
    expect(screen.getByRole('alert')).toHaveTextContent('この請求はありません。');
  });

  it('keeps the data shown when a refresh fails, with the error above it', () => {
    show({ data: '受付票 3件', error: new ApiError(503, '時間をおいて再度お試しください') });
    expect(screen.getByTestId('data')).toHaveTextContent('受付票 3件');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('時間をおいて再度お試しください');
    expect(alert.compareDocumentPosition(screen.getByTestId('data')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("leaves a next page's failure to LoadMore", () => {
    show({ data: '1ページ目', error: new ApiError(500, '次のページを読めません'), isFetchNextPageError: true });
    expect(screen.getByTestId('data')).toHaveTextContent('1ページ目');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
