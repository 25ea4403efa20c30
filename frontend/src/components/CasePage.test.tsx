import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../lib/api';
import { CasePage } from './CasePage';

interface Claim {
  id: number;
  statusLabel: string;
}

function show(query: Parameters<typeof CasePage<Claim>>[0]['query']) {
  return render(
    <CasePage
      query={query}
      title={(claim) => `健康被害救済の請求 #${claim.id}`}
      statusTestId="claim-status"
      back={<a href="/relief">← 救済請求の一覧</a>}
    >
      {(claim) => <p data-testid="claim-body">請求 {claim.id}</p>}
    </CasePage>,
  );
}

describe('CasePage', () => {
  it('shows the title with the status badge, the way back and the sections', () => {
    show({ data: { id: 12, statusLabel: '審査中' }, error: null, refetch: vi.fn(), isFetching: false });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('健康被害救済の請求 #12 審査中');
    expect(screen.getByTestId('claim-status')).toHaveTextContent('審査中');
    expect(screen.getByRole('link', { name: '← 救済請求の一覧' })).toHaveAttribute('href', '/relief');
    expect(screen.getByTestId('claim-body')).toHaveTextContent('請求 12');
  });

  it('fetches the case again on request, and not while it is being fetched', async () => {
    const refetch = vi.fn(() => Promise.resolve());
    const { rerender } = show({ data: { id: 12, statusLabel: '審査中' }, error: null, refetch, isFetching: false });
    await userEvent.click(screen.getByRole('button', { name: '最新の状態に更新' }));
    expect(refetch).toHaveBeenCalledTimes(1);

    rerender(
      <CasePage
        query={{ data: { id: 12, statusLabel: '審査中' }, error: null, refetch, isFetching: true }}
        title={(claim) => `健康被害救済の請求 #${claim.id}`}
        statusTestId="claim-status"
        back={null}
      >
        {() => null}
      </CasePage>,
    );
    expect(screen.getByRole('button', { name: '最新の状態に更新' })).toBeDisabled();
  });

  it('shows only the error while there is no case', () => {
    show({ data: undefined, error: new ApiError(404, '対象が見つかりません。'), refetch: vi.fn(), isFetching: false });
    expect(screen.getByRole('alert')).toHaveTextContent('対象が見つかりません。');
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });
});
