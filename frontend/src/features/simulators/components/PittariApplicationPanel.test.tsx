import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMIN1, fakeBackend, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';

function backend(extra: Parameters<typeof fakeBackend>[0] = {}) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: ADMIN1 },
    'GET /api/admin/simulators/intermediate-server/log': { status: 200, body: [] },
    ...extra,
  });
}

describe('PittariApplicationPanel', () => {
  it('files an e-application for a synthetic resident and shows its application number', async () => {
    const { requests } = backend({
      'POST /api/admin/simulators/pittari-service/applications': {
        status: 201,
        body: { applicationNumber: 'PT-0001-0002-0003' },
      },
    });
    renderApp('/admin/simulators');

    const panel = (await screen.findByRole('heading', { name: 'ぴったりサービスから免除申請を届ける' })).closest(
      'section',
    )!;
    expect(panel).toHaveTextContent('0 生活保護受給中');
    await userEvent.type(within(panel).getByLabelText('宛名番号（10桁）'), '1000000043');
    await userEvent.selectOptions(within(panel).getByLabelText('予防接種'), '高齢者肺炎球菌');
    await userEvent.click(screen.getByTestId('pittari-button'));

    expect(await screen.findByTestId('pittari-result')).toHaveTextContent(
      '申請番号 PT-0001-0002-0003 の申請を送信しました',
    );
    const sent = requests.find((request) => request.path.endsWith('/pittari-service/applications'));
    expect(JSON.parse(sent!.body!)).toEqual({ addresseeNumber: '1000000043', vaccine: 'PNEUMOCOCCAL_ELDERLY' });
  });

  it("shows the server's field error for an unknown 宛名番号", async () => {
    backend({
      'POST /api/admin/simulators/pittari-service/applications': {
        status: 400,
        body: {
          status: 400,
          error: 'validation_failed',
          message: '該当する住民がいません',
          fields: { addresseeNumber: 'この宛名番号の住民は登録されていません' },
        },
      },
    });
    renderApp('/admin/simulators');

    await userEvent.type(await screen.findByTestId('pittari-addressee-number'), '0000000000');
    await userEvent.click(screen.getByTestId('pittari-button'));

    expect(await screen.findByText('この宛名番号の住民は登録されていません')).toBeInTheDocument();
    expect(screen.queryByTestId('pittari-result')).not.toBeInTheDocument();
  });

  it('lets the 庁内連携 simulator fail on demand', async () => {
    const { requests } = backend({ 'POST /api/admin/simulators/city-linkage/failures': { status: 204 } });
    renderApp('/admin/simulators');

    const count = await screen.findByTestId('failures-city-linkage');
    await userEvent.clear(count);
    await userEvent.type(count, '3');
    await userEvent.click(screen.getByTestId('failures-city-linkage-button'));

    expect(await screen.findByTestId('failures-city-linkage-result')).toHaveTextContent(
      '庁内連携（税・生活保護）への次の送信を3回失敗させます。',
    );
    expect(JSON.parse(requests.find((request) => request.path.endsWith('/city-linkage/failures'))!.body!)).toEqual({
      count: 3,
    });
  });
});
