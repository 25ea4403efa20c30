import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';

const OPTIONS = { vaccines: [{ code: 'MR', name: 'MR（麻しん風しん）' }], districts: ['本町'] };

describe('dose-record export page', () => {
  it('sends the period as dates with the vaccine and district, and says how many rows went out', async () => {
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: { ...STAFF1, permissions: ['EXPORT'] } },
      'GET /api/doses/export/options': { status: 200, body: OPTIONS },
      'POST /api/doses/export': {
        status: 200,
        body: 'csv',
        headers: { 'X-Row-Count': '12', 'Content-Disposition': 'attachment; filename="x.csv"' },
      },
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    renderApp('/doses/export');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /^接種年月日（から）/ }), '令和6年4月1日');
    await user.type(screen.getByRole('textbox', { name: /^接種年月日（まで）/ }), 'R7.3.31');
    await screen.findByRole('option', { name: 'MR（麻しん風しん）' });
    await user.selectOptions(screen.getByLabelText(/ワクチン/), 'MR');
    await user.selectOptions(screen.getByLabelText(/地区/), '本町');
    await user.click(screen.getByTestId('dose-export-submit'));

    expect(await screen.findByTestId('dose-export-notice')).toHaveTextContent('12件の接種実績');
    const sent = requests.find((request) => request.method === 'POST');
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({
      from: '2024-04-01',
      to: '2025-03-31',
      vaccine: 'MR',
      district: '本町',
      encoding: 'UTF8_BOM',
    });
  });

  it('tells a user without EXPORT that the permission is needed', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/doses/export/options': { status: 200, body: OPTIONS },
    });
    renderApp('/doses/export');
    expect(await screen.findByTestId('dose-export-not-permitted')).toBeInTheDocument();
  });
});
