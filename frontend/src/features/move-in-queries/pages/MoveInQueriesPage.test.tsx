import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { MoveInProposal } from '../api';

const PROPOSAL: MoveInProposal = {
  id: 4,
  residentId: 31,
  addresseeNumber: '7000000123',
  nameKanji: '連携 太郎',
  movedInOn: '2026-12-01',
  createdAt: '2026-12-02T00:00:00Z',
  startLink:
    '/processes?start=InformationQuery&addresseeNumber=7000000123&informationItem=VACCINATION_RECORD&legalBasis=ACT19_8_TABLE14&purpose=%E8%BB%A2%E5%85%A5',
};

function backend(proposals: () => MoveInProposal[], dismiss = { status: 204 } as { status: number; body?: unknown }) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/processes': { status: 200, body: [] },
    'GET /api/information-queries/proposals': () => ({ status: 200, body: proposals() }),
    'POST /api/information-queries/proposals/4/dismiss': dismiss,
  });
}

describe('転入者の照会', () => {
  it('leads to the filled-in query form', async () => {
    backend(() => [PROPOSAL]);
    const { router } = renderApp('/move-in-queries');

    const table = await screen.findByTestId('proposals');
    expect(within(table).getByText('連携 太郎')).toBeInTheDocument();
    expect(within(table).getByText('令和8年12月1日')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('proposal-4-start'));
    expect(router.state.location.pathname).toBe('/processes');
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('start')).toBe('InformationQuery');
    expect(params.get('addresseeNumber')).toBe('7000000123');
    expect(params.get('informationItem')).toBe('VACCINATION_RECORD');
  });

  it('records why no query is needed, and the proposal leaves the list', async () => {
    let open = [PROPOSAL];
    const { requests } = backend(() => open);
    renderApp('/move-in-queries');

    await userEvent.click(await screen.findByTestId('proposal-4-dismiss'));
    await userEvent.type(screen.getByLabelText(/照会しない理由/), '母子健康手帳で確認済み');
    open = [];
    await userEvent.click(screen.getByRole('button', { name: '記録する' }));

    expect(await screen.findByTestId('proposal-message')).toHaveTextContent('照会しないことを記録しました。');
    expect(await screen.findByText('照会を提案している転入者はいません。')).toBeInTheDocument();
    const sent = requests.find((request) => request.path.endsWith('/dismiss'));
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({ note: '母子健康手帳で確認済み' });
  });

  it('shows the server’s reason when a dismissal is refused', async () => {
    backend(() => [PROPOSAL], {
      status: 400,
      body: {
        status: 400,
        error: 'invalid',
        message: '照会しない理由を入力してください',
        fields: { note: '照会しない理由を入力してください' },
      },
    });
    renderApp('/move-in-queries');

    await userEvent.click(await screen.findByTestId('proposal-4-dismiss'));
    await userEvent.click(screen.getByRole('button', { name: '記録する' }));
    expect(await screen.findByTestId('proposal-error')).toHaveTextContent('照会しない理由を入力してください');
    expect(screen.getByTestId('proposals')).toBeInTheDocument();
  });
});
