import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMIN1, fakeBackend, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { IntermediateServerLogEntry } from '../api';

const LOG: IntermediateServerLogEntry[] = [
  {
    direction: 'PROVISION',
    requestId: 'P-0042',
    networkCode: 'NC-PRV-9F3A',
    informationItem: 'LOCAL_TAX',
    detail: '提供（地方税関係情報）',
  },
  {
    direction: 'QUERY',
    requestId: 'Q-0007',
    networkCode: 'NC-QRY-1B2C',
    informationItem: 'VACCINATION_RECORD',
    detail: '照会（番号法第19条第8号）',
  },
];

function backend(extra: Parameters<typeof fakeBackend>[0] = {}, system = SYSTEM_INFO) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: system },
    'GET /api/me': { status: 200, body: ADMIN1 },
    'GET /api/admin/simulators/intermediate-server/log': { status: 200, body: LOG },
    'GET /api/admin/incidents': { status: 200, body: [] },
    ...extra,
  });
}

describe('SimulatorsPage', () => {
  it('warns that it is a simulator and lists what the intermediate server received, newest first', async () => {
    const { requests } = backend();
    renderApp('/admin/simulators');

    expect(await screen.findByTestId('simulator-warning')).toHaveTextContent(
      'これは外部システムのシミュレーターです。本番環境では使用しません。',
    );
    const rows = await screen.findAllByTestId('simulator-log-row');
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['情報提供', 'P-0042', 'NC-PRV-9F3A', '地方税関係情報', '提供（地方税関係情報）']);
    expect(within(rows[1]).getAllByRole('cell')[2]).toHaveTextContent('NC-QRY-1B2C');
    expect(screen.getByRole('link', { name: 'シミュレーター' })).toHaveClass('active');

    await userEvent.click(screen.getByTestId('simulator-log-refresh'));

    await waitFor(() =>
      expect(
        requests.filter((request) => request.path === '/api/admin/simulators/intermediate-server/log'),
      ).toHaveLength(2),
    );
  });

  it('makes the intermediate server receive a provision request and sets failures', async () => {
    const { requests } = backend({
      'POST /api/admin/simulators/intermediate-server/provision-requests': {
        status: 201,
        body: { provisionRequestId: 42 },
      },
      'POST /api/admin/simulators/resident-network/failures': { status: 204 },
    });
    renderApp('/admin/simulators');

    // The ぴったりサービス panel has a 宛名番号 field of its own.
    await userEvent.type(await screen.findByTestId('provision-addressee-number'), '0000001234');
    await userEvent.selectOptions(screen.getByLabelText('照会する情報'), '健康診査関係情報');
    expect(screen.getByLabelText('照会元機関')).toHaveValue('架空県架空町');
    await userEvent.click(screen.getByTestId('provision-request-button'));

    expect(await screen.findByTestId('provision-request-result')).toHaveTextContent(
      '情報提供の依頼 #42 を受信しました',
    );
    const provision = requests.find((request) => request.path.endsWith('/provision-requests'));
    expect(JSON.parse(provision!.body!)).toEqual({
      addresseeNumber: '0000001234',
      informationItem: 'HEALTH_CHECKUP',
      requesterAgency: '架空県架空町',
    });

    const count = screen.getByTestId('failures-resident-network');
    await userEvent.clear(count);
    await userEvent.type(count, '3');
    await userEvent.click(screen.getByTestId('failures-resident-network-button'));

    expect(await screen.findByTestId('failures-resident-network-result')).toHaveTextContent(
      '市町村CSへの次の送信を3回失敗させます。',
    );
    const failures = requests.find((request) => request.path === '/api/admin/simulators/resident-network/failures');
    expect(JSON.parse(failures!.body!)).toEqual({ count: 3 });
    expect(requests.some((request) => request.path.includes('/intermediate-server/failures'))).toBe(false);
  });

  it('hides the menu entry where the server has no simulators', async () => {
    backend({}, { ...SYSTEM_INFO, simulators: false });
    renderApp('/admin/incidents');

    expect(await screen.findByText('障害はありません。')).toBeInTheDocument();
    // The banner shows that the system facts have arrived, so the missing entry is not just early.
    expect(await screen.findByTestId('demo-banner')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '不開示設定' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'シミュレーター' })).not.toBeInTheDocument();
  });
});
