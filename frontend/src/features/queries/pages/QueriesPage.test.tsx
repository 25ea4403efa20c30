import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { InformationQueryState } from '../api';

const SENT: InformationQueryState = {
  id: 7,
  informationItem: '予防接種の実施に関する情報',
  legalBasis: '番号法第19条第8号 別表第14項',
  status: '回答待ち',
  ended: false,
  requestedAt: '2026-11-26T01:30:00Z',
  sentAt: '2026-11-26T02:05:00Z',
  answeredAt: null,
  endedAt: null,
};
const SAVED: InformationQueryState = {
  ...SENT,
  id: 3,
  informationItem: '地方税関係情報',
  status: '記録へ保存済み',
  ended: true,
  answeredAt: '2026-11-25T06:00:00Z',
  endedAt: '2026-11-25T07:00:00Z',
};

function backend(mine: InformationQueryState[]) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/information-queries/mine': { status: 200, body: mine },
    'GET /api/processes/InformationQuery/cases/7/diagram': {
      status: 200,
      body: {
        xml: '<definitions/>',
        current: ['AwaitAnswer'],
        passed: [{ elementId: 'ApproveQuery', name: '照会の承認', by: '鈴木 次郎', at: '2026-11-26T02:00:00Z' }],
      },
    },
  });
}

describe('QueriesPage', () => {
  it('lists my queries with 和暦 times, greys ended ones and reloads on request', async () => {
    const { requests } = backend([SENT, SAVED]);
    renderApp('/queries');

    const rows = await screen.findAllByTestId('query-row');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '#7',
      '予防接種の実施に関する情報',
      '番号法第19条第8号 別表第14項',
      '回答待ち',
      '令和8年11月26日 10:30',
      '令和8年11月26日 11:05',
      '—',
    ]);
    expect(within(rows[0]).getByText('回答待ち')).not.toHaveClass('badge-ended');
    expect(rows[1]).toHaveClass('ended');
    expect(within(rows[1]).getByText('記録へ保存済み')).toHaveClass('badge', 'badge-ended');
    expect(within(rows[1]).getAllByRole('cell')[6]).toHaveTextContent('令和8年11月25日 15:00');
    expect(screen.getByText(/上長の承認後に送信され/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '照会状況' })).toHaveClass('active');

    await userEvent.click(screen.getByTestId('queries-refresh'));

    await waitFor(() =>
      expect(requests.filter((request) => request.path === '/api/information-queries/mine')).toHaveLength(2),
    );
    expect(await screen.findAllByTestId('query-row')).toHaveLength(2);
  });

  it('says so when I have not asked for any query', async () => {
    backend([]);
    renderApp('/queries');

    expect(await screen.findByText('依頼した情報照会はありません。')).toBeInTheDocument();
    expect(screen.queryByTestId('query-table')).not.toBeInTheDocument();
  });

  it('opens a query’s case from its row, with what it asks and the steps done', async () => {
    backend([SENT, SAVED]);
    renderApp('/queries');

    await userEvent.click(await screen.findByRole('link', { name: '情報照会 #7 を開く' }));

    expect(await screen.findByRole('heading', { level: 1, name: /情報照会 #7/ })).toBeInTheDocument();
    expect(screen.getByTestId('query-status')).toHaveTextContent('回答待ち');
    expect(screen.getByTestId('query-facts')).toHaveTextContent('照会する情報予防接種の実施に関する情報');
    expect(await screen.findByTestId('diagram-steps')).toHaveTextContent(
      '✓ 照会の承認（鈴木 次郎・令和8年11月26日 11:00）',
    );
    expect(screen.getByRole('link', { name: '← 照会状況' })).toHaveAttribute('href', '/queries');
  });

  it('says a query that is not mine is not found', async () => {
    backend([SENT]);
    renderApp('/queries/99');

    expect(await screen.findByText(/この情報照会は見つかりません/)).toBeInTheDocument();
  });
});
