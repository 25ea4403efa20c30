import { render, screen, within } from '@testing-library/react';
import { ApiError } from '../lib/api';
import { QueryTable } from './QueryTable';
import type { QueryLike } from './QueryResult';

interface Hold {
  id: number;
  addresseeNumber: string;
}

function show(query: QueryLike<Hold[]>) {
  return render(
    <QueryTable
      query={query}
      empty="保全措置はありません。"
      emptyTestId="holds-empty"
      columns={['宛名番号', '']}
      tableTestId="holds"
      row={(hold) => (
        <tr key={hold.id}>
          <td>{hold.addresseeNumber}</td>
          <td />
        </tr>
      )}
    />,
  );
}

describe('QueryTable', () => {
  it('shows one row per item under headed columns', () => {
    show({
      data: [
        { id: 1, addresseeNumber: '0000000001' },
        { id: 2, addresseeNumber: '0000000002' },
      ],
      error: null,
    });
    const table = screen.getByTestId('holds');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['宛名番号', '']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('0000000002')).toBeInTheDocument();
  });

  it('says why it is empty instead of an empty table', () => {
    show({ data: [], error: null });
    expect(screen.getByTestId('holds-empty')).toHaveTextContent('保全措置はありません。');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows loading, then the error, without a table', () => {
    const { rerender } = show({ data: undefined, error: null });
    expect(screen.getByText('読み込み中…')).toBeInTheDocument();
    rerender(
      <QueryTable
        query={{ data: undefined, error: new ApiError(403, 'この操作を行う権限がありません。') }}
        empty="保全措置はありません。"
        columns={['宛名番号']}
        row={() => null}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('この操作を行う権限がありません。');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
