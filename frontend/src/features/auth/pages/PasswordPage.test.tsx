import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';

describe('PasswordPage', () => {
  it('sends a user whose password expired to the change page, and lets them on once it is changed', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    let changed = false;
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': () => ({ status: 200, body: { ...STAFF1, passwordChangeRequired: !changed } }),
      'POST /api/me/password': () => {
        changed = true;
        return { status: 204 };
      },
      'GET /api/tasks/counts': { status: 200, body: { mine: 0, group: 0 } },
      'GET /api/tasks?view=mine&size=50': { status: 200, body: { items: [], nextCursor: null } },
    });
    const { router } = renderApp('/tasks');

    expect(await screen.findByText(/有効期限が切れています/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/password');
    await userEvent.type(screen.getByLabelText(/^現在のパスワード/), 'ogano-mountain-path-2026');
    await userEvent.type(
      screen.getByLabelText(/^新しいパスワード$|^新しいパスワード\s*必須$/),
      'hanazono-river-lantern',
    );
    await userEvent.type(screen.getByLabelText(/（確認）/), 'hanazono-river-lantern');
    await userEvent.click(screen.getByTestId('password-submit'));

    await screen.findByRole('heading', { name: 'タスク一覧' });
    const change = requests.find((request) => request.path === '/api/me/password');
    expect(JSON.parse(change?.body ?? '{}')).toEqual({
      currentPassword: 'ogano-mountain-path-2026',
      newPassword: 'hanazono-river-lantern',
    });
  });

  it('shows the policy refusal under the new password', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'POST /api/me/password': {
        status: 400,
        body: {
          status: 400,
          error: 'validation_failed',
          message: '新しいパスワードが条件を満たしていません',
          fields: { newPassword: 'パスワードは12文字以上にしてください' },
        },
      },
    });
    renderApp('/password');

    await userEvent.type(await screen.findByLabelText(/^現在のパスワード/), 'ogano-mountain-path-2026');
    await userEvent.type(screen.getByTestId('password-new'), 'short');
    await userEvent.type(screen.getByTestId('password-repeated'), 'short');
    await userEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByText('パスワードは12文字以上にしてください')).toBeInTheDocument();
  });
});
