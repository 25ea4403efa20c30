import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '../../../lib/auth/session';
import { fakeBackend, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';

const AUDITOR: Me = {
  username: 'auditor1',
  displayName: '高橋 監査',
  roles: ['AUDITOR'],
  department: { code: 'JOHO', name: '情報政策課' },
};

function backend(accessLog: { status: number; body?: unknown }) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: AUDITOR },
    'GET /api/audit/verify': { status: 200, body: { intact: true, checked: 3, firstBrokenId: null, reason: null } },
    'POST /api/audit/events/search': { status: 200, body: { items: [], page: 0, size: 50, total: 0 } },
    'POST /api/residents/access-log': accessLog,
  });
}

describe('ResidentAccessPanel', () => {
  it('shows who accessed the resident, sending the 宛名番号 in the body only', async () => {
    const { requests } = backend({
      status: 200,
      body: {
        resident: {
          id: 7,
          addresseeNumber: '0000000007',
          nameKanji: '試験 太郎',
          nameKana: 'シケン タロウ',
          birthDate: '2020-04-01',
        },
        accesses: [
          {
            id: 12,
            occurredAt: '2026-11-26T01:00:00Z',
            username: 'staff3',
            operation: 'RESIDENT_VIEW',
            detail: 'case page',
          },
        ],
      },
    });
    renderApp('/audit');
    const panel = await screen.findByTestId('resident-access-panel');
    await userEvent.type(within(panel).getByLabelText('宛名番号（10桁）'), '0000000007');
    await userEvent.click(within(panel).getByTestId('resident-access-button'));

    expect(await within(panel).findByTestId('resident-access-subject')).toHaveTextContent(
      '試験 太郎（シケン タロウ）・令和2年4月1日生',
    );
    const [row] = within(within(panel).getByTestId('resident-access-log')).getAllByRole('row').slice(1);
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
        .slice(1),
    ).toEqual(['staff3', '住民情報の閲覧', 'case page']);
    const lookup = requests.find((request) => request.path === '/api/residents/access-log');
    expect(lookup?.method).toBe('POST');
    expect(JSON.parse(lookup?.body ?? '{}')).toEqual({ addresseeNumber: '0000000007' });
  });

  it('shows the server message under the field for an unknown resident', async () => {
    backend({
      status: 400,
      body: {
        status: 400,
        error: 'validation_failed',
        message: '該当する住民がいません',
        fields: { addresseeNumber: 'この宛名番号の住民は登録されていません' },
      },
    });
    renderApp('/audit');
    const panel = await screen.findByTestId('resident-access-panel');
    await userEvent.type(within(panel).getByLabelText('宛名番号（10桁）'), '9999999999');
    await userEvent.click(within(panel).getByTestId('resident-access-button'));
    expect(await within(panel).findByText('この宛名番号の住民は登録されていません')).toBeInTheDocument();
    expect(within(panel).queryByTestId('resident-access-log')).not.toBeInTheDocument();
  });
});
