import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMIN1, fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { CoPayExemptionSummary } from '../api';

const WAITING: CoPayExemptionSummary = {
  id: 12,
  channel: '電子申請（ぴったりサービス）',
  vaccine: '高齢者インフルエンザ',
  fiscalYear: '令和8年度',
  status: '職員の判断待ち',
  ended: false,
  decision: null,
  receivedAt: '2026-11-26T01:30:00Z',
  endedAt: null,
};
const NOTIFIED: CoPayExemptionSummary = {
  ...WAITING,
  id: 9,
  channel: '窓口',
  vaccine: '高齢者肺炎球菌',
  status: '決定通知済み',
  ended: true,
  decision: '免除',
  receivedAt: '2026-11-25T06:00:00Z',
  endedAt: '2026-11-25T06:01:00Z',
};

function backend(list: CoPayExemptionSummary[]) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/copay-exemptions': { status: 200, body: list },
  });
}

describe('CoPayExemptionsPage', () => {
  it('lists applications with 和暦 times, greys ended ones, opens one and reloads on request', async () => {
    const { requests } = backend([WAITING, NOTIFIED]);
    const { router } = renderApp('/copay-exemptions');

    const rows = await screen.findAllByTestId('copay-exemption-row');
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '#12',
      '電子申請（ぴったりサービス）',
      '高齢者インフルエンザ',
      '令和8年度',
      '職員の判断待ち',
      '—',
      '令和8年11月26日 10:30',
    ]);
    expect(rows[1]).toHaveClass('ended');
    expect(within(rows[1]).getByText('決定通知済み')).toHaveClass('badge', 'badge-ended');
    expect(within(rows[1]).getAllByRole('cell')[5]).toHaveTextContent('免除');
    expect(screen.getByRole('link', { name: '免除申請' })).toHaveClass('active');

    await userEvent.click(screen.getByTestId('copay-exemptions-refresh'));
    await waitFor(() => expect(requests.filter((request) => request.path === '/api/copay-exemptions')).toHaveLength(2));

    await userEvent.click((await screen.findAllByTestId('copay-exemption-row'))[1]);
    expect(router.state.location.pathname).toBe('/copay-exemptions/9');
  });

  it('says so when there is no application', async () => {
    backend([]);
    renderApp('/copay-exemptions');

    expect(await screen.findByText('免除申請はありません。')).toBeInTheDocument();
    expect(screen.queryByTestId('copay-exemption-table')).not.toBeInTheDocument();
  });

  it('is neither in the menu nor reachable for an administrator', async () => {
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: ADMIN1 },
    });
    renderApp('/copay-exemptions');

    expect(await screen.findByText('この画面を利用する権限がありません。')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '免除申請' })).not.toBeInTheDocument();
    expect(requests.some((request) => request.path.startsWith('/api/copay-exemptions'))).toBe(false);
  });
});
