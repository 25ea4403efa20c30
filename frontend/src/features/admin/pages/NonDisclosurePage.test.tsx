import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMIN1, fakeBackend, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { NonDisclosure } from '../api';

const SETTING: NonDisclosure = {
  addresseeNumber: '0000001234',
  reason: 'DV_PROTECTION',
  setBy: 'admin1',
  setAt: '2026-11-26T01:30:00Z',
};

function backend(extra: Parameters<typeof fakeBackend>[0] = {}) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: ADMIN1 },
    'GET /api/admin/non-disclosure': { status: 200, body: [SETTING] },
    ...extra,
  });
}

describe('NonDisclosurePage', () => {
  it('lists the settings and removes one after confirmation', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const { requests } = backend({ 'POST /api/admin/non-disclosure/remove': { status: 204 } });
    renderApp('/admin/non-disclosure');

    const rows = await screen.findAllByTestId('non-disclosure-row');
    expect(rows).toHaveLength(1);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['0000001234', 'DV等支援措置', 'admin1', '令和8年11月26日 10:30', '解除']);
    expect(screen.getByText(/照会に自動で応答されません（R16）/)).toBeInTheDocument();

    await userEvent.click(within(rows[0]).getByTestId('non-disclosure-remove-button'));

    expect(await screen.findByTestId('non-disclosure-message')).toHaveTextContent(
      '宛名番号 0000001234 の不開示設定を解除しました。',
    );
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('宛名番号 0000001234 の不開示設定を解除しますか？'));
    const remove = requests.find((request) => request.path === '/api/admin/non-disclosure/remove');
    expect(JSON.parse(remove!.body!)).toEqual({ addresseeNumber: '0000001234' });
    expect(remove!.headers['X-XSRF-TOKEN']).toBe('token-1');
    await waitFor(() =>
      expect(requests.filter((request) => request.path === '/api/admin/non-disclosure')).toHaveLength(2),
    );
  });

  it('does not remove a setting when the confirmation is declined', async () => {
    vi.stubGlobal(
      'confirm',
      vi.fn(() => false),
    );
    const { requests } = backend();
    renderApp('/admin/non-disclosure');

    await userEvent.click(await screen.findByTestId('non-disclosure-remove-button'));

    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    expect(screen.queryByTestId('non-disclosure-message')).not.toBeInTheDocument();
  });

  it('posts the add form and shows the server field error next to its field', async () => {
    const refusal = 'この宛名番号の住民は登録されていません';
    const { requests } = backend({
      'POST /api/admin/non-disclosure': {
        status: 400,
        body: {
          status: 400,
          error: 'Bad Request',
          message: '入力内容に誤りがあります。',
          fields: { addresseeNumber: refusal },
        },
      },
    });
    renderApp('/admin/non-disclosure');
    await screen.findAllByTestId('non-disclosure-row');

    await userEvent.type(screen.getByLabelText('宛名番号（10桁）'), '0000009999');
    await userEvent.selectOptions(screen.getByLabelText('理由'), 'ストーカー等被害者保護');
    await userEvent.type(screen.getByTestId('non-disclosure-note'), '  警察署からの依頼  ');
    await userEvent.click(screen.getByTestId('non-disclosure-add-button'));

    const field = screen.getByTestId('non-disclosure-addressee-number');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(refusal);
    expect(field.closest('.field')).toHaveTextContent(refusal);
    expect(screen.getByTestId('non-disclosure-error')).toHaveTextContent('入力内容に誤りがあります。');
    expect(screen.getByTestId('non-disclosure-reason')).toHaveAttribute('aria-invalid', 'false');
    // The draft stays so the administrator only corrects the field in question.
    expect(field).toHaveValue('0000009999');

    const add = requests.find((request) => request.method === 'POST' && request.path === '/api/admin/non-disclosure');
    expect(JSON.parse(add!.body!)).toEqual({
      addresseeNumber: '0000009999',
      reason: 'STALKER_PROTECTION',
      note: '警察署からの依頼',
    });
  });
});
